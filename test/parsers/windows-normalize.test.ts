// normalizeWindowsEvent: real corpus records (read through the EVTX parser) and flat inputs as the XML/JSON
// parsers will pass them, against the normalized fields they must produce.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { EventFields } from '../../src/core/schema.ts';
import { lookupWindowsEvent, normalizeWindowsEvent } from '../../src/parsers/windows/normalize.ts';
import { WINDOWS_EVENTS } from '../../src/parsers/windows/events.ts';
import { corpusPath, needsCorpus } from '../harness/corpus.ts';
import { runEvtx } from './evtx-run.ts';

/** The data.* fields of one corpus record, without the prefix (what other parsers hand over). */
async function record(file: string, recordId: string): Promise<Record<string, string>> {
  const got = await runEvtx(new Uint8Array(readFileSync(corpusPath(file))));
  const e = got.events.find((x) => x.fields['data.EventRecordID'] === recordId);
  if (!e) return {};
  const data: Record<string, string> = {};
  for (const [k, v] of Object.entries(e.fields)) if (k.startsWith('data.')) data[k.slice(5)] = String(v);
  return data;
}

const AS = 'evtx-attack-samples/';
const real: { name: string; input: [file: string, recordId: string]; expected: EventFields }[] = [
  { name: '4624 remote interactive logon over loopback (RDP tunnel)', input: [`${AS}Command and Control/DE_RDP_Tunneling_4624.evtx`, '5315'],
    expected: { ts: Date.parse('2019-02-13T15:26:53.356Z') + 0.781, 'alarm.id': '4624', type: 'AUTH', action: 'logon', outcome: 'success',
      'target.usr.name': 'IEUser', 'target.usr.domain': 'PC02', 'init.host.ip': '127.0.0.1', 'init.host.port': 49164, 'logon.type': '10',
      'logon.type_name': 'remote interactive', 'obs.host.name': 'PC02.example.corp', 'app.name': 'Microsoft-Windows-Security-Auditing', vendor: 'Microsoft',
      message: 'Successful logon for IEUser from 127.0.0.1 (type 10 remote interactive)' } },
  { name: '4625 failed interactive logon, no IP (-)', input: [`${AS}Credential Access/CA_4624_4625_LogonType2_LogonProc_chrome.evtx`, '137222'],
    expected: { 'alarm.id': '4625', outcome: 'failure', 'target.usr.name': 'IEUser', 'init.process.name': 'chrome.exe', 'error.code': '0xc000006a',
      message: 'Failed logon for IEUser (type 2 interactive)' } },
  { name: '4648 explicit credentials', input: ['sigma/regression_data/rules/windows/builtin/security/win_security_explicit_credential_local_logon/e3c6d245-7b8f-4e2a-c17f-a9d0e5b38f62.evtx', '34382'],
    expected: { 'init.usr.name': 'xodih', 'target.usr.name': 'testuser', 'target.host.name': 'localhost', message: 'xodih used explicit credentials of testuser on localhost via LegacyHive.exe' } },
  { name: '4672 special privileges', input: [`${AS}Lateral Movement/LM_4624_mimikatz_sekurlsa_pth_source_machine.evtx`, '432904'],
    expected: { 'target.usr.name': 'user01', 'target.usr.domain': 'EXAMPLE', action: 'privileged-logon' } },
  { name: '4688 process creation', input: [`${AS}Credential Access/tutto_malseclogon.evtx`, '329914'],
    expected: { 'target.process.name': 'MalSeclogon.exe', 'init.process.name': 'cmd.exe', 'init.usr.name': 'IEUser', 'target.process.id': '0x21a4',
      message: 'Process MalSeclogon.exe started by IEUser from cmd.exe' } },
  { name: '4698 scheduled task created', input: [`${AS}Execution/temp_scheduled_task_4698_4699.evtx`, '566836'],
    expected: { 'target.task.name': '\\CYAlyNSS', 'init.usr.name': 'Administrator', message: 'Scheduled task \\CYAlyNSS created by Administrator' } },
  { name: '4720 account created', input: [`${AS}Defense Evasion/DE_Fake_ComputerAccount_4720.evtx`, '769629'],
    expected: { 'target.usr.name': '$', action: 'account-create', message: 'User account $ created by 01566S-WIN16-IR$' } },
  { name: '4732 member added to local group (member by SID)', input: [`${AS}Persistence/Network_Service_Guest_added_to_admins_4732.evtx`, '191029'],
    expected: { 'target.group.name': 'Administrators', 'target.usr.name': 'S-1-5-21-3461203602-4096304019-2269080069-501', 'init.usr.name': 'IEUser' } },
  { name: '4768 TGT request failing (status 0x6)', input: [`${AS}Credential Access/kerberos_pwd_spray_4771.evtx`, '887107'],
    expected: { outcome: 'failure', 'target.usr.name': 'HD01', 'init.host.ip': '172.16.66.1', 'init.host.port': 55961, message: 'Kerberos TGT requested for HD01 from 172.16.66.1 (status 0x6)' } },
  { name: '4769 service ticket, IPv4-mapped IPv6 address unwrapped', input: [`${AS}Privilege Escalation/samaccount_spoofing_CVE-2021-42287_CVE-2021-42278_DC_securitylogs.evtx`, '2982083'],
    expected: { outcome: 'success', 'init.host.ip': '172.16.66.19', 'target.service.name': '01566S-WIN16-IR$' } },
  { name: '4771 Kerberos pre-authentication failed', input: [`${AS}Credential Access/kerberos_pwd_spray_4771.evtx`, '887114'],
    expected: { outcome: 'failure', 'target.usr.name': 'Administrator', 'error.code': '0x18' } },
  { name: '5145 share object access check', input: [`${AS}Discovery/discovery_bloodhound.evtx`, '32854'],
    expected: { 'target.share.name': '\\\\*\\IPC$', 'target.file.path': 'samr', 'init.host.ip': '10.0.2.18', 'init.usr.name': 'admin01' } },
  { name: '1102 audit log cleared (UserData)', input: [`${AS}Credential Access/kerberos_pwd_spray_4771.evtx`, '887106'],
    expected: { action: 'log-clear', 'init.usr.name': 'a-jbrown', message: 'Security log cleared by 3B\\a-jbrown' } },
  { name: 'System 104 log cleared (UserData Channel)', input: [`${AS}Credential Access/Zerologon_CVE-2020-1472_DFIR_System_NetLogon_Error_EventID_5805.evtx`, '63220'],
    expected: { 'target.log.name': 'System', message: 'Event log System cleared by 3B\\a-jbrown' } },
  { name: 'System 7045 service installed', input: [`${AS}Lateral Movement/LM_Remote_Service02_7045.evtx`, '4480'],
    expected: { 'target.service.name': 'spoolfool', 'target.process.path': 'cmd.exe', message: 'Service spoolfool installed: cmd.exe (auto start, as LocalSystem)' } },
  { name: 'Sysmon 1 process creation, DOMAIN\\user split', input: [`${AS}Command and Control/DE_sysmon-3-rdp-tun.evtx`, '1940899'],
    expected: { 'target.process.name': 'plink.exe', 'init.process.name': 'cmd.exe', 'init.usr.name': 'IEUser', 'init.usr.domain': 'PC01',
      'target.process.command_line': 'plink.exe  10.0.2.18 -P 80 -C -R 127.0.0.3:4444:127.0.0.2:3389 -l test -pw test' } },
  { name: 'Sysmon 3 network connection', input: [`${AS}Command and Control/DE_sysmon-3-rdp-tun.evtx`, '1940897'],
    expected: { 'init.host.ip': '239.255.255.250', 'init.host.port': 1900, 'target.host.ip': '10.0.2.16', 'target.host.port': 57182,
      message: 'svchost.exe connected udp 239.255.255.250:1900 -> 10.0.2.16:57182' } },
  { name: 'Sysmon 7 image loaded', input: [`${AS}Defense Evasion/de_unmanagedpowershell_psinject_sysmon_7_8_10.evtx`, '18732'],
    expected: { 'init.process.name': 'notepad.exe', action: 'image-load' } },
  { name: 'Sysmon 8 remote thread', input: [`${AS}Defense Evasion/de_unmanagedpowershell_psinject_sysmon_7_8_10.evtx`, '18650'],
    expected: { message: 'powershell.exe created a remote thread in notepad.exe' } },
  { name: 'Sysmon 10 lsass access', input: [`${AS}Credential Access/sysmon_10_lsass_mimikatz_sekurlsa_logonpasswords.evtx`, '4807'],
    expected: { 'target.process.name': 'lsass.exe', message: 'mimikatz.exe accessed lsass.exe (access 0x1010)' } },
  { name: 'Sysmon 11 file created', input: [`${AS}Defense Evasion/sysmon_2_11_evasion_timestomp_MACE.evtx`, '8930'], expected: { action: 'file-create', 'init.process.name': 'cmd.exe' } },
  { name: 'Sysmon 13 registry value set', input: [`${AS}Defense Evasion/DE_UAC_Disabled_Sysmon_12_13.evtx`, '18619'],
    expected: { 'target.registry.value': 'DWORD (0x00000000)', message: 'reg.exe set HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\policies\\system\\EnableLUA = DWORD (0x00000000)' } },
  { name: 'PowerShell 4104 script block', input: [`${AS}Credential Access/Powershell_4104_MiniDumpWriteDump_Lsass.evtx`, '971'],
    expected: { 'target.file.path': 'C:\\Users\\Public\\lsass_wer_ps.ps1', 'alarm.sev': 'warning' } },
  { name: 'PowerShell 800 (classic, unnamed Data)', input: [`${AS}Other/emotet/exec_emotet_ps_800_new-object.evtx`, '787'],
    expected: { 'init.usr.name': 'DESKTOP-RIPCLIP\\Clippy', 'init.process.command_line': 'C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe' } },
  { name: 'Defender 1116 detection', input: [`${AS}AutomatedTestingTools/WinDefender_Events_1117_1116_AtomicRedTeam.evtx`, '37'],
    expected: { type: 'AV', 'alarm.name': 'Trojan:PowerShell/Powersploit.M', 'init.usr.name': 'IEUser', 'alarm.sev': 'Severe' } },
  { name: 'unknown event (4662): generic mapping and EventData summary', input: [`${AS}Credential Access/CA_DCSync_4662.evtx`, '202791'],
    expected: { type: 'SYS', 'init.usr.name': 'Administrator', outcome: 'success', 'alarm.id': '4662' } },
];

const flat: { name: string; input: Record<string, string>; expected: EventFields }[] = [
  { name: '4625 from a JSON export (data.-prefixed keys)',
    input: { 'data.EventID': '4625', 'data.Provider_Name': 'Microsoft-Windows-Security-Auditing', 'data.Channel': 'Security', 'data.Computer': 'DC01',
      'data.TimeCreated': '2019-03-19T23:34:25.5227893Z', 'data.TargetUserName': 'administrator', 'data.IpAddress': '203.0.113.12', 'data.IpPort': '0', 'data.LogonType': '3' },
    expected: { ts: Date.parse('2019-03-19T23:34:25.522Z') + 0.7893, message: 'Failed logon for administrator from 203.0.113.12 (type 3 network)', outcome: 'failure',
      'init.host.ip': '203.0.113.12', 'obs.host.name': 'DC01', 'data.TargetUserName': 'administrator' } },
  { name: 'zone-less TimeCreated (OTRF JSON) is flagged',
    input: { EventID: '4634', Channel: 'Security', TimeCreated: '2020-10-18 10:56:18.799', TargetUserName: 'bob', LogonType: '3' },
    expected: { ts: Date.parse('2020-10-18T10:56:18.799Z'), 'ts.guess': 'zone', message: 'Logoff of bob (type 3 network)' } },
  { name: 'empties: - and :: and port 0 are dropped',
    input: { EventID: '4624', Channel: 'Security', TargetUserName: 'SYSTEM', IpAddress: '::', IpPort: '0', WorkstationName: '-', LogonType: '5' },
    expected: { message: 'Successful logon for SYSTEM (type 5 service)' } },
  { name: 'TerminalServices 21 (UserData)',
    input: { EventID: '21', Provider_Name: 'Microsoft-Windows-TerminalServices-LocalSessionManager', User: 'CORP\\alice', SessionID: '3', Address: '198.51.100.7' },
    expected: { 'target.usr.name': 'alice', 'target.usr.domain': 'CORP', 'init.host.ip': '198.51.100.7', message: 'RDP session logon for alice from 198.51.100.7 (session 3)' } },
  { name: 'TerminalServices 1149', input: { EventID: '1149', Provider_Name: 'Microsoft-Windows-TerminalServices-RemoteConnectionManager', Param1: 'alice', Param2: 'CORP', Param3: '198.51.100.7' },
    expected: { 'target.usr.name': 'alice', message: 'RDP authentication for alice from 198.51.100.7' } },
  { name: 'System 7036 (param1/param2)', input: { EventID: '7036', Provider_Name: 'Service Control Manager', param1: 'Print Spooler', param2: 'stopped' },
    expected: { message: 'Service Print Spooler entered the stopped state' } },
  { name: 'Sysmon 22 DNS query', input: { EventID: '22', Channel: 'Microsoft-Windows-Sysmon/Operational', Image: 'C:\\x\\evil.exe', QueryName: 'c2.example', QueryStatus: '0', QueryResults: '192.0.2.1;' },
    expected: { type: 'DNS', outcome: 'success', 'target.host.name': 'c2.example', message: 'evil.exe resolved c2.example -> 192.0.2.1;' } },
  { name: '4776 NTLM validation', input: { EventID: '4776', Provider_Name: 'Microsoft-Windows-Security-Auditing', TargetUserName: 'bob', Workstation: 'WS1', Status: '0xc000006a' },
    expected: { outcome: 'failure', message: 'NTLM credential validation for bob from WS1 (status 0xc000006a)' } },
  { name: 'PowerShell 400 engine start', input: { EventID: '400', Provider_Name: 'PowerShell', Data3: '\tNewEngineState=Available\r\n\tHostApplication=powershell -enc AAA\r\n\tEngineVersion=5.1' },
    expected: { 'init.process.command_line': 'powershell -enc AAA', message: 'PowerShell engine started: powershell -enc AAA' } },
  { name: 'a field named __proto__ is just a field',
    input: { EventID: '1', Provider_Name: 'x', __proto__: 'polluted', constructor: 'c', Level: 'constructor' } as Record<string, string>,
    expected: { 'data.constructor': 'c', type: 'SYS' } },
  { name: 'keywords audit failure bit decides outcome of unknown events', input: { EventID: '99999', Keywords: '0x8010000000000000' }, expected: { outcome: 'failure' } },
];

describe('normalizeWindowsEvent on corpus records', needsCorpus, () => {
  it.each(real)('$name', async ({ input, expected }) => {
    const data = await record(input[0], input[1]);
    expect(Object.keys(data).length).toBeGreaterThan(0);
    const out = normalizeWindowsEvent(data);
    expect(out).toMatchObject(expected);
    expect(typeof out.message).toBe('string');
    expect(String(out.message)).not.toMatch(/[\r\n]/);
  });
});

describe('normalizeWindowsEvent on flat inputs', () => {
  it.each(flat)('$name', ({ input, expected }) => {
    expect(normalizeWindowsEvent(input)).toMatchObject(expected);
  });

  it('__proto__ does not pollute', () => {
    const input = JSON.parse('{"EventID":"1","__proto__":{"polluted":"yes"}}') as Record<string, string>;
    const out = normalizeWindowsEvent(input);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect(out['alarm.sev']).toBeUndefined();
  });

  it('covers every event id the brief lists', () => {
    const want: [string, string, number[]][] = [
      ['Microsoft-Windows-Security-Auditing', 'Security', [4624, 4625, 4634, 4647, 4648, 4672, 4688, 4689, 4697, 4698, 4719, 4720, 4722, 4723, 4724, 4725, 4726,
        4728, 4732, 4738, 4740, 4756, 4767, 4768, 4769, 4771, 4776, 4778, 4779, 5140, 5145, 1102]],
      ['Microsoft-Windows-Eventlog', 'System', [104]],
      ['Service Control Manager', 'System', [7045, 7036]],
      ['Microsoft-Windows-Sysmon', '', [1, 3, 5, 7, 8, 10, 11, 12, 13, 15, 22, 23]],
      ['Microsoft-Windows-PowerShell', '', [4103, 4104]], ['PowerShell', 'Windows PowerShell', [400, 800]],
      ['Microsoft-Windows-TerminalServices-LocalSessionManager', '', [21, 22, 24, 25]],
      ['Microsoft-Windows-TerminalServices-RemoteConnectionManager', '', [1149]],
      ['Microsoft-Windows-Windows Defender', '', [1116, 1117]],
    ];
    for (const [provider, channel, idList] of want) {
      for (const id of idList) expect(lookupWindowsEvent(provider, channel, String(id)), `${provider} ${id}`).toBeDefined();
    }
    expect(WINDOWS_EVENTS.length).toBeGreaterThan(50);
  });
});
