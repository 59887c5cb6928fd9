// Small logs in formats that are NOT in ../shared/corpus, written after each format's public documentation
// (the URL says where the layout is described), each line with the time it must get through the generic
// path (`--parser generic`). `undefined`: the line carries no wall-clock time (a continuation line, or
// dmesg's seconds since boot) and must get none. Files are dated REFERENCE (their mtime): year-less times
// take their year from it.
export const REFERENCE = Date.UTC(2024, 5, 1);

export interface PublicSample {
  name: string;
  url: string;
  /** each line and the epoch ms it must get (undefined: none) */
  lines: [string, number | undefined][];
  /** the file's zone in minutes east of UTC (default 0) */
  tz?: number;
  /** 2: written after the finder was fixed for batch 1 and run once before any further change (a held-out check) */
  batch?: 2;
}

const U = Date.UTC;
/** 2024-03-12 h:m:s.ms UTC */
export const T = (h: number, m: number, s: number, ms = 0) => U(2024, 2, 12, h, m, s, ms);

export const PUBLIC_SAMPLES: PublicSample[] = [
  {
    name: 'PostgreSQL (log_line_prefix %m [%p])',
    url: 'https://www.postgresql.org/docs/current/runtime-config-logging.html',
    lines: [
      ['2024-03-12 14:03:27.123 UTC [2211] LOG:  starting PostgreSQL 16.2 on x86_64-pc-linux-gnu', T(14, 3, 27, 123)],
      ['2024-03-12 14:03:27.130 UTC [2211] LOG:  listening on IPv4 address "0.0.0.0", port 5432', T(14, 3, 27, 130)],
      ['2024-03-12 14:05:01.877 UTC [2290] FATAL:  password authentication failed for user "postgres"', T(14, 5, 1, 877)],
      ['2024-03-12 14:05:01.877 UTC [2290] DETAIL:  Connection matched pg_hba.conf line 99: "host all all 0.0.0.0/0 md5"', T(14, 5, 1, 877)],
      ['2024-03-12 14:06:44.002 UTC [2301] ERROR:  relation "users2" does not exist at character 15', T(14, 6, 44, 2)],
      ['2024-03-12 14:06:44.002 UTC [2301] STATEMENT:  SELECT * FROM users2;', T(14, 6, 44, 2)],
    ],
  },
  {
    name: 'PostgreSQL (log_line_prefix %t, zone abbreviation)',
    url: 'https://www.postgresql.org/docs/current/runtime-config-logging.html#GUC-LOG-LINE-PREFIX',
    lines: [
      ['2024-03-12 15:03:27 CET LOG:  database system is ready to accept connections', T(14, 3, 27)],
      ['2024-03-12 15:04:00 CET LOG:  checkpoint starting: time', T(14, 4, 0)],
      ['2024-03-12 15:04:02 CET LOG:  checkpoint complete: wrote 3 buffers (0.0%)', T(14, 4, 2)],
      ['2024-03-12 15:09:13 CET FATAL:  role "admin" does not exist', T(14, 9, 13)],
    ],
  },
  {
    name: 'MySQL 8 error log',
    url: 'https://dev.mysql.com/doc/refman/8.0/en/error-log-format.html',
    lines: [
      ['2024-03-12T14:03:27.123456Z 0 [System] [MY-010116] [Server] /usr/sbin/mysqld (mysqld 8.0.36) starting as process 1', T(14, 3, 27, 123) + 0.456],
      ['2024-03-12T14:03:28.001200Z 1 [System] [MY-013576] [InnoDB] InnoDB initialization has started.', T(14, 3, 28, 1) + 0.2],
      ['2024-03-12T14:03:29.510000Z 0 [Warning] [MY-010068] [Server] CA certificate ca.pem is self signed.', T(14, 3, 29, 510)],
      ["2024-03-12T14:05:10.000017Z 8 [Note] [MY-010926] [Server] Access denied for user 'root'@'192.0.2.7' (using password: YES)", T(14, 5, 10) + 0.017],
    ],
  },
  {
    name: 'MySQL 5.1 error log (yyMMdd H:mm:ss, hour padded with a space)',
    url: 'https://dev.mysql.com/doc/refman/5.7/en/error-log.html',
    lines: [
      ['240312  9:51:25 [Note] Plugin \'FEDERATED\' is disabled.', T(9, 51, 25)],
      ['240312  9:51:25  InnoDB: Started; log sequence number 0 44233', T(9, 51, 25)],
      ['240312 10:02:07 [Note] /usr/sbin/mysqld: ready for connections.', T(10, 2, 7)],
      ['Version: \'5.1.73\'  socket: \'/var/lib/mysql/mysql.sock\'  port: 3306  Source distribution', undefined],
      ['240312 10:40:11 [ERROR] /usr/sbin/mysqld: Table \'./app/sessions\' is marked as crashed', T(10, 40, 11)],
    ],
  },
  {
    name: 'Redis 3+ (pid:role dd Mon yyyy time)',
    url: 'https://redis.io/docs/latest/operate/oss_and_stack/management/config-file/',
    lines: [
      ['1:C 12 Mar 2024 14:03:27.123 # oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo', T(14, 3, 27, 123)],
      ['1:M 12 Mar 2024 14:03:27.125 * Running mode=standalone, port=6379.', T(14, 3, 27, 125)],
      ['1:M 12 Mar 2024 14:03:27.126 * Ready to accept connections tcp', T(14, 3, 27, 126)],
      ['1:M 12 Mar 2024 15:03:28.004 * 1 changes in 3600 seconds. Saving...', T(15, 3, 28, 4)],
    ],
  },
  {
    name: 'Redis 2.x ([pid] dd Mon time, no year)',
    url: 'https://github.com/redis/redis/blob/2.8/src/redis.c',
    lines: [
      ['[4018] 12 Mar 14:03:27.119 * Background saving started by pid 4020', T(14, 3, 27, 119)],
      ['[4020] 12 Mar 14:03:27.164 * DB saved on disk', T(14, 3, 27, 164)],
      ['[4018] 12 Mar 14:03:27.219 * Background saving terminated with success', T(14, 3, 27, 219)],
      ['[4018] 12 Mar 14:08:01.003 # WARNING overcommit_memory is set to 0!', T(14, 8, 1, 3)],
    ],
  },
  {
    name: 'MongoDB 4.2 text log',
    url: 'https://www.mongodb.com/docs/v4.2/reference/log-messages/',
    lines: [
      ['2024-03-12T14:03:27.123+0000 I  CONTROL  [initandlisten] MongoDB starting : pid=1 port=27017 dbpath=/data/db 64-bit', T(14, 3, 27, 123)],
      ['2024-03-12T15:03:27.300+0100 I  NETWORK  [listener] connection accepted from 192.0.2.9:52113 #1 (1 connection now open)', T(14, 3, 27, 300)],
      ['2024-03-12T14:03:28.000+0000 I  ACCESS   [conn1] Unauthorized: not authorized on admin to execute command { listDatabases: 1 }', T(14, 3, 28)],
      ['2024-03-12T14:03:29.450+0000 I  NETWORK  [conn1] end connection 192.0.2.9:52113 (0 connections now open)', T(14, 3, 29, 450)],
    ],
  },
  {
    name: 'Kafka server.log (log4j [%d] %p %m (%c))',
    url: 'https://kafka.apache.org/documentation/#operations',
    lines: [
      ['[2024-03-12 14:03:27,123] INFO Registered kafka:type=kafka.Log4jController MBean (kafka.utils.Log4jControllerRegistration$)', T(14, 3, 27, 123)],
      ['[2024-03-12 14:03:27,874] INFO [KafkaServer id=0] started (kafka.server.KafkaServer)', T(14, 3, 27, 874)],
      ['[2024-03-12 14:03:31,002] WARN [Controller id=0, targetBrokerId=0] Connection to node 0 (localhost/127.0.0.1:9092) could not be established. (org.apache.kafka.clients.NetworkClient)', T(14, 3, 31, 2)],
      ['[2024-03-12 14:03:31,010] ERROR Error while creating ephemeral at /brokers/ids/0 (kafka.zk.KafkaZkClient)', T(14, 3, 31, 10)],
      ['org.apache.zookeeper.KeeperException$NodeExistsException: KeeperErrorCode = NodeExists', undefined],
      ['\tat org.apache.zookeeper.KeeperException.create(KeeperException.java:126)', undefined],
    ],
  },
  {
    name: 'Tomcat 9 catalina.out (dd-MMM-yyyy)',
    url: 'https://tomcat.apache.org/tomcat-9.0-doc/logging.html',
    lines: [
      ['12-Mar-2024 14:03:27.123 INFO [main] org.apache.catalina.startup.VersionLoggerListener.log Server version name:   Apache Tomcat/9.0.86', T(14, 3, 27, 123)],
      ['12-Mar-2024 14:03:27.991 INFO [main] org.apache.coyote.AbstractProtocol.init Initializing ProtocolHandler ["http-nio-8080"]', T(14, 3, 27, 991)],
      ['12-Mar-2024 14:03:29.412 SEVERE [main] org.apache.catalina.core.StandardContext.startInternal One or more listeners failed to start.', T(14, 3, 29, 412)],
      ['12-Mar-2024 14:03:30.001 INFO [main] org.apache.catalina.startup.Catalina.start Server startup in [2877] milliseconds', T(14, 3, 30, 1)],
    ],
  },
  {
    name: 'Tomcat 7 / java.util.logging (Mon d, yyyy h:mm:ss AM)',
    url: 'https://docs.oracle.com/javase/8/docs/api/java/util/logging/SimpleFormatter.html',
    lines: [
      ['Mar 12, 2024 2:03:27 PM org.apache.catalina.startup.Catalina start', T(14, 3, 27)],
      ['INFO: Server startup in 1234 ms', undefined],
      ['Mar 12, 2024 2:10:05 AM org.apache.catalina.core.StandardWrapperValve invoke', T(2, 10, 5)],
      ['SEVERE: Servlet.service() for servlet [jsp] threw exception', undefined],
    ],
  },
  {
    name: 'Jenkins 2.x',
    url: 'https://www.jenkins.io/doc/book/system-administration/viewing-logs/',
    lines: [
      ['2024-03-12 14:03:27.123+0000 [id=1]\tINFO\twinstone.Logger#logInternal: Beginning extraction from war file', T(14, 3, 27, 123)],
      ['2024-03-12 14:03:31.870+0000 [id=29]\tINFO\tjenkins.InitReactorRunner$1#onAttained: Completed initialization', T(14, 3, 31, 870)],
      ['2024-03-12 14:03:32.012+0000 [id=22]\tINFO\thudson.lifecycle.Lifecycle#onReady: Jenkins is fully up and running', T(14, 3, 32, 12)],
      ['2024-03-12 14:20:45.501+0000 [id=77]\tWARNING\tj.s.s.BasicHeaderProcessor#prepareForFailure: Login attempt failed', T(14, 20, 45, 501)],
    ],
  },
  {
    name: 'Docker daemon (logrus text)',
    url: 'https://docs.docker.com/engine/daemon/logs/',
    lines: [
      ['time="2024-03-12T14:03:27.123456789Z" level=info msg="Starting up"', T(14, 3, 27, 123) + 0.456789],
      ['time="2024-03-12T14:03:27.530118334Z" level=warning msg="Running in rootless mode. This mode has feature limitations."', T(14, 3, 27, 530) + 0.118334],
      ['time="2024-03-12T14:03:28.000000001Z" level=info msg="Daemon has completed initialization"', T(14, 3, 28) + 0.000001],
      ['time="2024-03-12T14:03:28.100200300Z" level=info msg="API listen on /run/docker.sock"', T(14, 3, 28, 100) + 0.2003],
    ],
  },
  {
    name: 'kernel dmesg (seconds since boot: no wall-clock time)',
    url: 'https://man7.org/linux/man-pages/man1/dmesg.1.html',
    lines: [
      ['[    0.000000] Linux version 6.1.0-18-amd64 (debian-kernel@lists.debian.org) (gcc-12 (Debian 12.2.0-14) 12.2.0) #1 SMP PREEMPT_DYNAMIC Debian 6.1.76-1 (2024-02-01)', undefined],
      ['[    0.000000] Command line: BOOT_IMAGE=/boot/vmlinuz-6.1.0-18-amd64 root=UUID=0b1c2d3e ro quiet', undefined],
      ['[    1.234567] usb 1-1: new high-speed USB device number 2 using xhci_hcd', undefined],
      ['[   12.004211] EXT4-fs (sda1): mounted filesystem with ordered data mode. Quota mode: none.', undefined],
      ['[ 3601.998877] IPv6: ADDRCONF(NETDEV_CHANGE): wlp2s0: link becomes ready', undefined],
    ],
  },
  {
    name: 'kernel dmesg -T (human times)',
    url: 'https://man7.org/linux/man-pages/man1/dmesg.1.html',
    lines: [
      ['[Tue Mar 12 14:03:27 2024] usb 1-1: new high-speed USB device number 2 using xhci_hcd', T(14, 3, 27)],
      ['[Tue Mar 12 14:03:28 2024] usb 1-1: New USB device found, idVendor=0781, idProduct=5583', T(14, 3, 28)],
      ['[Tue Mar 12 14:03:29 2024] sd 2:0:0:0: [sdb] 60088320 512-byte logical blocks: (30.8 GB/28.7 GiB)', T(14, 3, 29)],
    ],
  },
  {
    name: 'Android logcat (threadtime, no year)',
    url: 'https://developer.android.com/tools/logcat',
    lines: [
      ['03-12 14:03:27.123  1234  1256 I ActivityManager: Start proc 4321:com.example.app/u0a123 for activity', T(14, 3, 27, 123)],
      ['03-12 14:03:27.301  4321  4321 D NetworkSecurityConfig: No Network Security Config specified, using platform default', T(14, 3, 27, 301)],
      ['03-12 14:03:28.002  4321  4400 E AndroidRuntime: FATAL EXCEPTION: main', T(14, 3, 28, 2)],
      ['03-12 14:03:28.002  4321  4400 E AndroidRuntime: Process: com.example.app, PID: 4321', T(14, 3, 28, 2)],
    ],
  },
  {
    name: 'ZooKeeper',
    url: 'https://zookeeper.apache.org/doc/current/zookeeperAdmin.html#sc_logging',
    lines: [
      ['2024-03-12 14:03:27,123 [myid:1] - INFO  [main:QuorumPeerConfig@174] - Reading configuration from: /conf/zoo.cfg', T(14, 3, 27, 123)],
      ['2024-03-12 14:03:27,740 [myid:1] - WARN  [QuorumPeer[myid=1](plain=0.0.0.0:2181)(secure=disabled):QuorumCnxManager@401] - Cannot open channel to 2 at election address zk2/192.0.2.12:3888', T(14, 3, 27, 740)],
      ['2024-03-12 14:03:28,001 [myid:1] - INFO  [NIOWorkerThread-1:NIOServerCnxn@507] - Processing ruok command from /192.0.2.50:41234', T(14, 3, 28, 1)],
    ],
  },
  {
    name: 'Spark / Hadoop (yy/MM/dd)',
    url: 'https://spark.apache.org/docs/latest/configuration.html#configuring-logging',
    lines: [
      ['24/03/12 14:03:27 INFO SparkContext: Running Spark version 3.5.1', T(14, 3, 27)],
      ['24/03/12 14:03:27 INFO ResourceUtils: No custom resources configured for spark.driver.', T(14, 3, 27)],
      ['24/03/12 14:03:29 WARN NativeCodeLoader: Unable to load native-hadoop library for your platform', T(14, 3, 29)],
      ['24/03/12 14:03:31 INFO Utils: Successfully started service \'sparkDriver\' on port 40123.', T(14, 3, 31)],
    ],
  },
  {
    name: 'Hadoop YARN (log4j ISO with comma)',
    url: 'https://hadoop.apache.org/docs/stable/hadoop-project-dist/hadoop-common/ClusterSetup.html#Logging',
    lines: [
      ['2024-03-12 14:03:27,123 INFO org.apache.hadoop.yarn.server.resourcemanager.ResourceManager: STARTUP_MSG:', T(14, 3, 27, 123)],
      ['/************************************************************', undefined],
      ['2024-03-12 14:03:29,876 INFO org.apache.hadoop.yarn.server.resourcemanager.rmnode.RMNodeImpl: node1:45454 Node Transitioned from NEW to RUNNING', T(14, 3, 29, 876)],
      ['2024-03-12 14:04:00,010 WARN org.apache.hadoop.ipc.Server: IPC Server handler 3 on 8030, call Call#12 Retry#0 from 192.0.2.31:43210', T(14, 4, 0, 10)],
    ],
  },
  {
    name: 'HPC (loghub layout: id node component state epoch flag message)',
    url: 'https://github.com/logpai/loghub/tree/master/HPC',
    lines: [
      ['134681 node-246 unix.hw state_change.unavailable 1710252207 1 Component State Change: Component \\042alt0\\042 is in the unavailable state (HWID=1721)', 1710252207000],
      ['134682 node-109 action start 1710252210 1 clusterAddMember  (command 1902)', 1710252210000],
      ['134683 node-70 boot_cmd new 1710252215 1 Targeting domains:node-D1 and nodes:node-[40-63] child of command 2611', 1710252215000],
    ],
  },
  {
    name: 'macOS system.log',
    url: 'https://support.apple.com/guide/console/welcome/mac',
    lines: [
      ['Mar 12 14:03:27 MacBook-Pro com.apple.xpc.launchd[1] (com.apple.xpc.launchd.domain.pid.mdmclient.4321): Service exited with abnormal code: 1', T(14, 3, 27)],
      ['Mar 12 14:03:29 MacBook-Pro kernel[0]: Sandbox: mdworker(511) deny(1) file-read-data /Users/alice/Library', T(14, 3, 29)],
      ['Mar 12 14:04:01 MacBook-Pro syslogd[38]: ASL Sender Statistics', T(14, 4, 1)],
      ['Mar 12 14:05:10 --- last message repeated 2 times ---', T(14, 5, 10)],
    ],
  },
  {
    name: 'Nginx error log',
    url: 'https://nginx.org/en/docs/ngx_core_module.html#error_log',
    lines: [
      ['2024/03/12 14:03:27 [notice] 1#1: using the "epoll" event method', T(14, 3, 27)],
      ['2024/03/12 14:03:27 [notice] 1#1: nginx/1.25.4', T(14, 3, 27)],
      ['2024/03/12 14:05:02 [error] 29#29: *1 open() "/usr/share/nginx/html/wp-login.php" failed (2: No such file or directory), client: 192.0.2.7, server: localhost, request: "GET /wp-login.php HTTP/1.1", host: "www.example.com"', T(14, 5, 2)],
      ['2024/03/12 14:05:09 [warn] 29#29: *4 an upstream response is buffered to a temporary file /var/cache/nginx/proxy_temp/1/00/0000000001 while reading upstream', T(14, 5, 9)],
    ],
  },
  {
    name: 'Squid access.log (epoch.millis)',
    url: 'https://wiki.squid-cache.org/Features/LogFormat',
    lines: [
      ['1710252207.123    145 192.0.2.10 TCP_MISS/200 10241 GET http://www.example.com/ - HIER_DIRECT/198.51.100.80 text/html', 1710252207123],
      ['1710252207.980     12 192.0.2.10 TCP_HIT/200 512 GET http://www.example.com/logo.png - HIER_NONE/- image/png', 1710252207980],
      ['1710252210.001      0 192.0.2.11 TCP_DENIED/403 3945 CONNECT blocked.example.net:443 - HIER_NONE/- text/html', 1710252210001],
    ],
  },
  {
    name: 'Windows CBS.log',
    url: 'https://learn.microsoft.com/en-us/troubleshoot/windows-server/deployment/fix-windows-update-errors',
    lines: [
      ['2024-03-12 14:03:27, Info                  CBS    TI: --- Initializing Trusted Installer ---', T(14, 3, 27)],
      ['2024-03-12 14:03:27, Info                  CBS    Starting TrustedInstaller initialization.', T(14, 3, 27)],
      ['2024-03-12 14:03:29, Error                 CBS    Failed to internally open package. [HRESULT = 0x800f0805 - CBS_E_INVALID_PACKAGE]', T(14, 3, 29)],
    ],
  },
  {
    name: 'Windows setupapi.dev.log (section start times)',
    url: 'https://learn.microsoft.com/en-us/windows-hardware/drivers/install/format-of-a-text-log-section-header',
    lines: [
      ['>>>  [Device Install (Hardware initiated) - USB\\VID_0781&PID_5583\\4C530001230101115105]', undefined],
      ['>>>  Section start 2024/03/12 14:03:27.123', T(14, 3, 27, 123)],
      ['     ump: Creating Install Process: DrvInst.exe', undefined],
      ['     ndv: Retrieving device info...', undefined],
      ['<<<  Section end 2024/03/12 14:03:29.456', T(14, 3, 29, 456)],
      ['<<<  [Exit status: SUCCESS]', undefined],
    ],
  },
  {
    name: 'Windows Update (WindowsUpdate.log, Windows 7: date TAB time:millis)',
    url: 'https://learn.microsoft.com/en-us/troubleshoot/windows-client/installing-updates-features-roles/windows-update-log-files',
    lines: [
      ['2024-03-12\t14:03:27:123\t 988\t1a0c\tAgent\t*************', T(14, 3, 27, 123)],
      ['2024-03-12\t14:03:27:125\t 988\t1a0c\tAgent\t** START **  Agent: Finding updates [CallerId = AutomaticUpdates]', T(14, 3, 27, 125)],
      ['2024-03-12\t14:03:31:880\t 988\t1a0c\tPT\tWARNING: SyncUpdates failure, error = 0x8024402C', T(14, 3, 31, 880)],
    ],
  },
  {
    name: 'Linux audit.log (msg=audit(epoch:serial))',
    url: 'https://access.redhat.com/documentation/en-us/red_hat_enterprise_linux/9/html/security_hardening/auditing-the-system_security-hardening',
    lines: [
      ['type=USER_AUTH msg=audit(1710252207.123:745): pid=2214 uid=0 auid=4294967295 ses=4294967295 msg=\'op=PAM:authentication grantors=? acct="root" exe="/usr/sbin/sshd" hostname=192.0.2.7 addr=192.0.2.7 terminal=ssh res=failed\'', 1710252207123],
      ['type=SYSCALL msg=audit(1710252210.500:746): arch=c000003e syscall=59 success=yes exit=0 a0=55d0 items=2 ppid=2201 pid=2230 auid=1000 uid=0 comm="sudo" exe="/usr/bin/sudo"', 1710252210500],
      ['type=EXECVE msg=audit(1710252210.500:746): argc=3 a0="cat" a1="/etc/shadow"', 1710252210500],
    ],
  },
  {
    name: 'Kubernetes klog / glog (Lmmdd hh:mm:ss.uuuuuu)',
    url: 'https://github.com/kubernetes/klog#log-format',
    lines: [
      ['I0312 14:03:27.123456       1 server.go:199] "Starting Kubernetes API server" version="v1.29.2"', T(14, 3, 27, 123) + 0.456],
      ['W0312 14:03:27.500001       1 authentication.go:73] Anonymous authentication is enabled', T(14, 3, 27, 500) + 0.001],
      ['E0312 14:03:31.000200      12 controller.go:114] error syncing pod "kube-system/coredns": timed out', T(14, 3, 31) + 0.2],
    ],
  },
  {
    name: 'Snort fast alerts (MM/dd-hh:mm:ss.uuuuuu, no year)',
    url: 'https://docs.snort.org/start/alert_fast',
    lines: [
      ['03/12-14:03:27.123456  [**] [1:1000001:1] ICMP Ping detected [**] [Priority: 0] {ICMP} 192.0.2.7 -> 198.51.100.2', T(14, 3, 27, 123) + 0.456],
      ['03/12-14:03:28.000100  [**] [1:2100498:7] GPL ATTACK_RESPONSE id check returned root [**] [Classification: Potentially Bad Traffic] [Priority: 2] {TCP} 198.51.100.2:80 -> 192.0.2.7:51000', T(14, 3, 28) + 0.1],
    ],
  },
  {
    name: 'RabbitMQ 3.7 (=LEVEL REPORT==== dd-Mon-yyyy::time ===)',
    url: 'https://www.rabbitmq.com/docs/logging',
    lines: [
      ['=INFO REPORT==== 12-Mar-2024::14:03:27 ===', T(14, 3, 27)],
      ['Starting RabbitMQ 3.6.16 on Erlang 20.3', undefined],
      ['=WARNING REPORT==== 12-Mar-2024::14:03:30 ===', T(14, 3, 30)],
      ['closing AMQP connection <0.512.0> (192.0.2.40:51523 -> 192.0.2.5:5672):', undefined],
    ],
  },
  {
    name: 'WebSphere SystemOut.log ([M/d/yy H:mm:ss:SSS zone])',
    url: 'https://www.ibm.com/docs/en/was/9.0.5?topic=SSEQTP_9.0.5/com.ibm.websphere.base.doc/ae/rtrb_readmsglogs.html',
    lines: [
      ['[3/12/24 14:03:27:123 UTC] 00000001 WsServerImpl  A   WSVR0001I: Server server1 open for e-business', T(14, 3, 27, 123)],
      ['[3/12/24 14:03:30:004 UTC] 0000002a SystemErr     R   java.lang.NullPointerException', T(14, 3, 30, 4)],
      ['[3/12/24 14:04:01:900 UTC] 0000002b LTPAServerObj E   SECJ0369E: Authentication failed when using LTPA', T(14, 4, 1, 900)],
    ],
  },
  {
    name: 'Apache Cassandra system.log (level [thread] time)',
    url: 'https://cassandra.apache.org/doc/latest/cassandra/troubleshooting/reading_logs.html',
    lines: [
      ['INFO  [main] 2024-03-12 14:03:27,123 CassandraDaemon.java:612 - JVM vendor/version: OpenJDK 64-Bit Server VM/11.0.22', T(14, 3, 27, 123)],
      ['WARN  [main] 2024-03-12 14:03:27,500 StartupChecks.java:187 - JMX is not enabled to receive remote connections', T(14, 3, 27, 500)],
      ['INFO  [ScheduledTasks:1] 2024-03-12 14:03:40,010 StatusLogger.java:65 - Pool Name                    Active   Pending', T(14, 3, 40, 10)],
    ],
  },
  {
    name: 'PHP error log',
    url: 'https://www.php.net/manual/en/errorfunc.configuration.php#ini.error-log',
    lines: [
      ['[12-Mar-2024 14:03:27 UTC] PHP Warning:  Undefined variable $user in /var/www/html/index.php on line 12', T(14, 3, 27)],
      ['[12-Mar-2024 14:03:28 UTC] PHP Fatal error:  Uncaught Error: Call to undefined function mysql_connect() in /var/www/html/db.php:3', T(14, 3, 28)],
      ['Stack trace:', undefined],
      ['#0 {main}', undefined],
    ],
  },
  {
    name: 'Cisco IOS (*Mmm d hh:mm:ss.mmm:)',
    url: 'https://www.cisco.com/c/en/us/td/docs/routers/access/wireless/software/guide/SysMsgLogging.html',
    lines: [
      ['*Mar 12 14:03:27.123: %LINK-3-UPDOWN: Interface GigabitEthernet0/1, changed state to up', T(14, 3, 27, 123)],
      ['*Mar 12 14:03:28.456: %LINEPROTO-5-UPDOWN: Line protocol on Interface GigabitEthernet0/1, changed state to up', T(14, 3, 28, 456)],
      ['*Mar 12 14:05:00.001: %SEC_LOGIN-4-LOGIN_FAILED: Login failed [user: admin] [Source: 192.0.2.7] [localport: 22] at 14:05:00 UTC Tue Mar 12 2024', T(14, 5, 0, 1)],
    ],
  },
  {
    name: 'Samba log.smbd ([yyyy/MM/dd time,  level])',
    url: 'https://www.samba.org/samba/docs/current/man-html/smb.conf.5.html#LOGLEVEL',
    lines: [
      ['[2024/03/12 14:03:27.123456,  0] ../../source3/smbd/server.c:1741(main)', T(14, 3, 27, 123) + 0.456],
      ['  smbd version 4.17.12-Debian started.', undefined],
      ['[2024/03/12 14:05:09.000321,  2] ../../source3/auth/auth.c:324(auth_check_ntlm_password)', T(14, 5, 9) + 0.321],
      ['  check_ntlm_password:  Authentication for user [alice] -> [alice] FAILED with error NT_STATUS_WRONG_PASSWORD', undefined],
    ],
  },
];
