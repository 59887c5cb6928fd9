// Batch 2 of the public-log timestamp table (generic-public.samples.ts says how samples are written): formats
// written after the finder was fixed for batch 1 and run once before any further change, a held-out check.
import { T, type PublicSample } from './generic-public.samples.ts';

export const HELD_OUT: PublicSample[] = [
  {
    name: 'Elasticsearch 7 ([time][level][logger] [node])', batch: 2,
    url: 'https://www.elastic.co/guide/en/elasticsearch/reference/7.17/logging.html',
    lines: [
      ['[2024-03-12T14:03:27,123][INFO ][o.e.n.Node               ] [node-1] version[7.17.18], pid[1], build[default/docker]', T(14, 3, 27, 123)],
      ['[2024-03-12T14:03:31,456][WARN ][o.e.c.r.a.DiskThresholdMonitor] [node-1] high disk watermark [90%] exceeded', T(14, 3, 31, 456)],
      ['[2024-03-12T14:03:32,001][INFO ][o.e.n.Node               ] [node-1] started', T(14, 3, 32, 1)],
    ],
  },
  {
    name: 'Apache Airflow task log', batch: 2,
    url: 'https://airflow.apache.org/docs/apache-airflow/stable/administration-and-deployment/logging-monitoring/logging-tasks.html',
    lines: [
      ['[2024-03-12T14:03:27.123+0000] {taskinstance.py:1979} INFO - Dependencies all met for dep_context=non-requeueable deps', T(14, 3, 27, 123)],
      ['[2024-03-12T14:03:28.500+0000] {standard_task_runner.py:60} INFO - Started process 4321 to run task', T(14, 3, 28, 500)],
      ['[2024-03-12T14:03:40.010+0000] {taskinstance.py:2698} ERROR - Task failed with exception', T(14, 3, 40, 10)],
      ['Traceback (most recent call last):', undefined],
    ],
  },
  {
    name: 'Windows DNS server debug log (M/d/yyyy h:mm:ss AM)', batch: 2,
    url: 'https://learn.microsoft.com/en-us/troubleshoot/windows-server/networking/dns-debug-logging',
    lines: [
      ['3/12/2024 2:03:27 PM 0E4C PACKET  0000021C4E8B2A10 UDP Rcv 192.0.2.15      8f4a   Q [0001   D   NOERROR] A      (7)example(3)com(0)', T(14, 3, 27)],
      ['3/12/2024 2:03:27 PM 0E4C PACKET  0000021C4E8C1B20 UDP Snd 192.0.2.15      8f4a R Q [8081   DR  NOERROR] A      (7)example(3)com(0)', T(14, 3, 27)],
      ['3/12/2024 11:59:02 AM 0E50 PACKET  0000021C4E8D0C30 UDP Rcv 192.0.2.16      12ab   Q [0001   D   NOERROR] AAAA   (3)www(7)example(3)org(0)', T(11, 59, 2)],
    ],
  },
  {
    name: 'Java GC log (JDK 8 -XX:+PrintGCDateStamps)', batch: 2,
    url: 'https://docs.oracle.com/javase/8/docs/technotes/tools/unix/java.html',
    lines: [
      ['2024-03-12T14:03:27.123+0000: 12.345: [GC (Allocation Failure) [PSYoungGen: 65536K->10720K(76288K)] 65536K->10736K(251392K), 0.0123456 secs]', T(14, 3, 27, 123)],
      ['2024-03-12T14:03:29.900+0000: 15.122: [Full GC (Ergonomics) [PSYoungGen: 10720K->0K(76288K)] 10736K->10500K(251392K), 0.0456789 secs]', T(14, 3, 29, 900)],
    ],
  },
  {
    name: 'Oracle alert log (12c+ ISO lines)', batch: 2,
    url: 'https://docs.oracle.com/en/database/oracle/oracle-database/19/admin/diagnosing-and-resolving-problems.html',
    lines: [
      ['2024-03-12T14:03:27.123456+00:00', T(14, 3, 27, 123) + 0.456],
      ['Starting ORACLE instance (normal) (OS id: 4321)', undefined],
      ['2024-03-12T14:05:10.000001+00:00', T(14, 5, 10) + 0.001],
      ['ORA-01555: snapshot too old: rollback segment number 12 with name "_SYSSMU12$" too small', undefined],
    ],
  },
  {
    name: 'SQL Server ERRORLOG', batch: 2,
    url: 'https://learn.microsoft.com/en-us/sql/tools/configuration-manager/viewing-the-sql-server-error-log',
    lines: [
      ['2024-03-12 14:03:27.12 Server      Microsoft SQL Server 2019 (RTM-CU25) (KB5033688) - 15.0.4355.3 (X64)', T(14, 3, 27, 120)],
      ['2024-03-12 14:03:27.15 Server      UTC adjustment: 0:00', T(14, 3, 27, 150)],
      ["2024-03-12 14:05:01.88 Logon       Login failed for user 'sa'. Reason: Password did not match that for the login provided. [CLIENT: 192.0.2.7]", T(14, 5, 1, 880)],
    ],
  },
  {
    name: 'WebLogic server log (####<Mon d, yyyy h:mm:ss,SSS AM zone>)', batch: 2,
    url: 'https://docs.oracle.com/en/middleware/fusion-middleware/weblogic-server/12.2.1.4/wllog/logging_services.html',
    lines: [
      ['####<Mar 12, 2024 2:03:27,123 PM UTC> <Info> <Server> <host1> <AdminServer> <main> <<WLS Kernel>> <> <> <1710252207123> <BEA-002622> <The protocol "t3" is now configured.>', T(14, 3, 27, 123)],
      ['####<Mar 12, 2024 2:03:30,004 PM UTC> <Notice> <WebLogicServer> <host1> <AdminServer> <main> <<WLS Kernel>> <> <> <1710252210004> <BEA-000360> <The server started in RUNNING mode.>', T(14, 3, 30, 4)],
    ],
  },
  {
    name: 'Nagios Core ([epoch] EVENT)', batch: 2,
    url: 'https://assets.nagios.com/downloads/nagioscore/docs/nagioscore/4/en/configmain.html#log_file',
    lines: [
      ['[1710252207] SERVICE ALERT: web01;HTTP;CRITICAL;SOFT;1;connect to address 192.0.2.10 and port 80: Connection refused', 1710252207000],
      ['[1710252267] HOST ALERT: web01;DOWN;SOFT;1;PING CRITICAL - Packet loss = 100%', 1710252267000],
      ['[1710252300] EXTERNAL COMMAND: ACKNOWLEDGE_SVC_PROBLEM;web01;HTTP;2;1;0;admin;working on it', 1710252300000],
    ],
  },
  {
    name: 'vsftpd log (ctime)', batch: 2,
    url: 'https://security.appspot.com/vsftpd/vsftpd_conf.html',
    lines: [
      ['Tue Mar 12 14:03:27 2024 [pid 2211] CONNECT: Client "::ffff:192.0.2.7"', T(14, 3, 27)],
      ['Tue Mar 12 14:03:29 2024 [pid 2210] [anonymous] FAIL LOGIN: Client "::ffff:192.0.2.7"', T(14, 3, 29)],
      ['Tue Mar 12 14:04:02 2024 [pid 2215] [alice] OK DOWNLOAD: Client "::ffff:192.0.2.8", "/pub/report.pdf", 102400 bytes, 512.00Kbyte/sec', T(14, 4, 2)],
    ],
  },
  {
    name: 'Fail2ban', batch: 2,
    url: 'https://github.com/fail2ban/fail2ban/wiki',
    lines: [
      ['2024-03-12 14:03:27,123 fail2ban.filter         [1021]: INFO    [sshd] Found 192.0.2.7 - 2024-03-12 14:03:27', T(14, 3, 27, 123)],
      ['2024-03-12 14:03:40,456 fail2ban.actions        [1021]: NOTICE  [sshd] Ban 192.0.2.7', T(14, 3, 40, 456)],
      ['2024-03-12 14:13:40,500 fail2ban.actions        [1021]: NOTICE  [sshd] Unban 192.0.2.7', T(14, 13, 40, 500)],
    ],
  },
  {
    name: 'dpkg.log and apt history.log', batch: 2,
    url: 'https://manpages.debian.org/bookworm/dpkg/dpkg.1.en.html',
    lines: [
      ['2024-03-12 14:03:27 startup archives unpack', T(14, 3, 27)],
      ['2024-03-12 14:03:28 install netcat-openbsd:amd64 <none> 1.219-1', T(14, 3, 28)],
      ['2024-03-12 14:03:29 status installed netcat-openbsd:amd64 1.219-1', T(14, 3, 29)],
      ['Start-Date: 2024-03-12  14:03:27', T(14, 3, 27)],
      ['Commandline: apt-get install -y netcat-openbsd', undefined],
    ],
  },
  {
    name: 'HashiCorp Vault / Consul (hclog)', batch: 2,
    url: 'https://developer.hashicorp.com/vault/docs/commands/server',
    lines: [
      ['2024-03-12T14:03:27.123Z [INFO]  core: security barrier not initialized', T(14, 3, 27, 123)],
      ['2024-03-12T14:03:27.130Z [WARN]  no `api_addr` value specified in config or in VAULT_API_ADDR', T(14, 3, 27, 130)],
      ['2024-03-12T14:05:00.000Z [ERROR] core: failed to unseal: error="invalid key"', T(14, 5, 0)],
    ],
  },
  {
    name: 'Go standard log (yyyy/MM/dd HH:mm:ss.micro)', batch: 2,
    url: 'https://pkg.go.dev/log#pkg-constants',
    lines: [
      ['2024/03/12 14:03:27.123456 main.go:42: listening on :8080', T(14, 3, 27, 123) + 0.456],
      ['2024/03/12 14:03:31.000001 handler.go:88: GET /healthz 200', T(14, 3, 31) + 0.001],
    ],
  },
  {
    name: 'Windows Firewall pfirewall.log', batch: 2,
    url: 'https://learn.microsoft.com/en-us/windows/security/operating-system-security/network-security/windows-firewall/configure-logging',
    lines: [
      ['#Version: 1.5', undefined],
      ['#Fields: date time action protocol src-ip dst-ip src-port dst-port size tcpflags tcpsyn tcpack tcpwin icmptype icmpcode info path', undefined],
      ['2024-03-12 14:03:27 DROP TCP 192.0.2.7 192.0.2.10 51000 445 52 S 123456 0 64240 - - - RECEIVE', T(14, 3, 27)],
      ['2024-03-12 14:03:28 ALLOW UDP 192.0.2.10 192.0.2.53 53000 53 0 - - - - - - - SEND', T(14, 3, 28)],
    ],
  },
  {
    name: 'Windows netlogon.log (MM/dd HH:mm:ss, no year)', batch: 2,
    url: 'https://learn.microsoft.com/en-us/troubleshoot/windows-client/windows-security/enable-debug-logging-netlogon-service',
    lines: [
      ['03/12 14:03:27 [LOGON] [1234] CORP: SamLogon: Transitive Network logon of CORP\\alice from WS01 Entered', T(14, 3, 27)],
      ['03/12 14:03:27 [LOGON] [1234] CORP: SamLogon: Transitive Network logon of CORP\\alice from WS01 Returns 0xC000006A', T(14, 3, 27)],
    ],
  },
  {
    name: 'Asterisk full log', batch: 2,
    url: 'https://docs.asterisk.org/Configuration/Core-Configuration/Logging/',
    lines: [
      ['[Mar 12 14:03:27] NOTICE[2211] chan_sip.c: Registration from \'"100" <sip:100@192.0.2.10>\' failed for \'192.0.2.7:5060\' - Wrong password', T(14, 3, 27)],
      ['[Mar 12 14:03:30] WARNING[2211] chan_sip.c: Retransmission timeout reached on transmission 1a2b3c4d', T(14, 3, 30)],
    ],
  },
  {
    name: 'Slurm slurmctld', batch: 2,
    url: 'https://slurm.schedmd.com/slurm.conf.html#OPT_LogTimeFormat',
    lines: [
      ['[2024-03-12T14:03:27.123] _slurm_rpc_submit_batch_job: JobId=4242 InitPrio=4294901759 usec=512', T(14, 3, 27, 123)],
      ['[2024-03-12T14:03:28.004] sched: Allocate JobId=4242 NodeList=node[01-04] #CPUs=64 Partition=batch', T(14, 3, 28, 4)],
      ['[2024-03-12T14:09:01.500] error: Nodes node03 not responding', T(14, 9, 1, 500)],
    ],
  },
  {
    name: 'HAProxy (syslog header and accept date)', batch: 2,
    url: 'https://docs.haproxy.org/2.8/configuration.html#8.2.3',
    lines: [
      ['Mar 12 14:03:27 lb1 haproxy[2211]: 192.0.2.7:51000 [12/Mar/2024:14:03:27.123] www~ be_app/app1 0/0/1/12/13 200 1532 - - ---- 3/3/0/0/0 0/0 "GET /index.html HTTP/1.1"', T(14, 3, 27, 123)],
      ['Mar 12 14:03:28 lb1 haproxy[2211]: 192.0.2.8:51004 [12/Mar/2024:14:03:28.001] www~ be_app/<NOSRV> 0/-1/-1/-1/0 503 217 - - SC-- 1/1/0/0/0 0/0 "GET /admin HTTP/1.1"', T(14, 3, 28, 1)],
    ],
  },
];
