// The demo's Windows side, written as Event Viewer "Save as XML" documents (<Events><Event>…</Event></Events>,
// the same XML wevtutil prints): our windows-xml parser reads them with the same field names as EVTX. We write
// XML rather than EVTX because an EVTX writer (chunk checksums, binary XML templates) would be a project of its
// own; the normalized events are identical.
// Story on DC01.corp.local: two days of ordinary domain logons; on day 2 at 03:05 the compromised Linux host
// web01 (10.20.0.10) sprays passwords against 15 domain accounts, then brute-forces svc_sql until it logs on,
// creates and enables helpdesk2, adds it to Administrators, installs a service and a scheduled task, and clears
// the Security log. Sysmon shows the processes and the call home to 203.0.113.45.

const NS = 'http://schemas.microsoft.com/win/2004/08/events/event';
const SECURITY = { name: 'Microsoft-Windows-Security-Auditing', guid: '{54849625-5478-4994-A5BA-3E3B0328C30D}', channel: 'Security' };
const SYSMON = { name: 'Microsoft-Windows-Sysmon', guid: '{5770385F-C22A-43E0-BF4C-06F5698FFBD9}', channel: 'Microsoft-Windows-Sysmon/Operational' };
const COMPUTER = 'DC01.corp.local';
const PIVOT = '10.20.0.10';
const C2 = '203.0.113.45';
const USERS = [
  { user: 'jsmith', ip: '10.20.2.31' }, { user: 'mlee', ip: '10.20.2.44' }, { user: 'akhan', ip: '10.20.2.52' }, { user: 'svc_backup', ip: '10.20.3.5' },
];
const SPRAYED = ['administrator', 'jsmith', 'mlee', 'akhan', 'bwong', 'cdiaz', 'dpatel', 'efischer', 'gmartin', 'hnguyen', 'ilopez', 'kbrown', 'lchen', 'svc_backup', 'svc_web'];

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

interface Rec { ms: number; xml: (recordId: number) => string }

function event(p: { name: string; guid: string; channel: string }, id: number, ms: number, data: Record<string, string>, keywords = '0x8020000000000000', userData?: string): Rec {
  const body = userData ?? `<EventData>${Object.entries(data).map(([k, v]) => `<Data Name="${k}">${esc(v)}</Data>`).join('')}</EventData>`;
  return {
    ms,
    xml: (rid) => `<Event xmlns="${NS}"><System><Provider Name="${p.name}" Guid="${p.guid}"/><EventID>${id}</EventID><Version>0</Version><Level>${id === 1102 ? 4 : 0}</Level>`
      + `<Task>0</Task><Opcode>0</Opcode><Keywords>${keywords}</Keywords><TimeCreated SystemTime="${new Date(ms).toISOString().replace('Z', '0000Z')}"/>`
      + `<EventRecordID>${rid}</EventRecordID><Correlation/><Execution ProcessID="${p === SYSMON ? 2144 : 636}" ThreadID="${p === SYSMON ? 3120 : 704}"/><Channel>${p.channel}</Channel>`
      + `<Computer>${COMPUTER}</Computer><Security/></System>${body}</Event>`,
  };
}

const logon = (ms: number, user: string, ip: string, type = '3') => event(SECURITY, 4624, ms, {
  SubjectUserSid: 'S-1-0-0', SubjectUserName: '-', SubjectDomainName: '-', TargetUserName: user, TargetDomainName: 'CORP', LogonType: type,
  LogonProcessName: 'NtLmSsp', AuthenticationPackageName: 'NTLM', WorkstationName: '-', IpAddress: ip, IpPort: String(49152 + (ms % 16000)), ProcessName: '-',
});
const failed = (ms: number, user: string, ip: string) => event(SECURITY, 4625, ms, {
  SubjectUserSid: 'S-1-0-0', SubjectUserName: '-', SubjectDomainName: '-', TargetUserName: user, TargetDomainName: 'CORP', Status: '0xc000006d',
  FailureReason: '%%2313', SubStatus: '0xc000006a', LogonType: '3', LogonProcessName: 'NtLmSsp', AuthenticationPackageName: 'NTLM', WorkstationName: '-',
  IpAddress: ip, IpPort: String(49152 + (ms % 16000)), ProcessName: '-',
}, '0x8010000000000000');
const sysmonProcess = (ms: number, image: string, commandLine: string, parent: string, user: string) => event(SYSMON, 1, ms, {
  UtcTime: new Date(ms).toISOString().replace('T', ' ').slice(0, 23), ProcessGuid: `{d1f8e6a2-${(ms % 0xffff).toString(16).padStart(4, '0')}-0000-0010-000000000000}`,
  ProcessId: String(1000 + (ms % 8000)), Image: image, CommandLine: commandLine, CurrentDirectory: 'C:\\Windows\\system32\\', User: user,
  IntegrityLevel: 'High', Hashes: 'SHA256=0000000000000000000000000000000000000000000000000000000000000000', ParentImage: parent, ParentCommandLine: parent,
});

export interface WindowsFiles { security: string; system: string; sysmon: string; counts: Record<string, number> }

export function windowsDemo(day1: number, rand: () => number): WindowsFiles {
  const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
  const security: Rec[] = [], system: Rec[] = [], sysmon: Rec[] = [];
  // two days of routine: a logon every few minutes, a mistyped password now and then, backups at night
  for (let t = day1 + 7 * 3_600_000; t < day1 + 2 * 86_400_000; t += int(120_000, 600_000)) {
    const u = USERS[int(0, USERS.length - 1)];
    if (rand() < 0.04) security.push(failed(t - 20_000, u.user, u.ip));
    security.push(logon(t, u.user, u.ip));
    if (rand() < 0.05) sysmon.push(sysmonProcess(t + 500, 'C:\\Windows\\System32\\gpupdate.exe', 'gpupdate /target:computer', 'C:\\Windows\\System32\\svchost.exe', 'NT AUTHORITY\\SYSTEM'));
  }
  const day2 = day1 + 86_400_000;
  // 03:05 day 2: password spraying from the pivot, one attempt per account every 20 s
  let t = day2 + 3 * 3_600_000 + 5 * 60_000;
  for (const user of SPRAYED) {
    security.push(failed(t, user, PIVOT));
    t += 20_000;
  }
  // then 12 guesses at svc_sql in 4 minutes, and the 13th works
  for (let i = 0; i < 12; i++, t += 20_000) security.push(failed(t, 'svc_sql', PIVOT));
  security.push(logon(t, 'svc_sql', PIVOT));
  const by = { SubjectUserSid: 'S-1-5-21-1004336348-1177238915-682003330-1108', SubjectUserName: 'svc_sql', SubjectDomainName: 'CORP', SubjectLogonId: '0x3e7a12' };
  const sid = 'S-1-5-21-1004336348-1177238915-682003330-1131';
  const account = { ...by, TargetUserName: 'helpdesk2', TargetDomainName: 'CORP', TargetSid: sid };
  sysmon.push(sysmonProcess(t + 40_000, 'C:\\Windows\\System32\\net.exe', 'net user helpdesk2 P@ssw0rd! /add /domain', 'C:\\Windows\\System32\\cmd.exe', 'CORP\\svc_sql'));
  security.push(event(SECURITY, 4720, t + 41_000, { ...account, SamAccountName: 'helpdesk2', DisplayName: '%%1793', UserPrincipalName: '-', PrivilegeList: '-' }));
  security.push(event(SECURITY, 4722, t + 41_200, account));
  sysmon.push(sysmonProcess(t + 60_000, 'C:\\Windows\\System32\\net.exe', 'net localgroup Administrators helpdesk2 /add', 'C:\\Windows\\System32\\cmd.exe', 'CORP\\svc_sql'));
  security.push(event(SECURITY, 4732, t + 61_000, {
    MemberName: 'CN=helpdesk2,CN=Users,DC=corp,DC=local', MemberSid: sid, TargetUserName: 'Administrators', TargetDomainName: 'Builtin', TargetSid: 'S-1-5-32-544', ...by, PrivilegeList: '-',
  }));
  sysmon.push(sysmonProcess(t + 120_000, 'C:\\Windows\\System32\\sc.exe', 'sc create WinUpdSvc binPath= C:\\Windows\\Temp\\updsvc.exe start= auto', 'C:\\Windows\\System32\\cmd.exe', 'CORP\\svc_sql'));
  system.push(event({ name: 'Service Control Manager', guid: '{555908d1-a6d7-4695-8e1e-26931d2012f4}', channel: 'System' }, 7045, t + 121_000, {
    ServiceName: 'WinUpdSvc', ImagePath: 'C:\\Windows\\Temp\\updsvc.exe', ServiceType: 'user mode service', StartType: 'auto start', AccountName: 'LocalSystem',
  }, '0x8080000000000000'));
  sysmon.push(sysmonProcess(t + 125_000, 'C:\\Windows\\Temp\\updsvc.exe', 'C:\\Windows\\Temp\\updsvc.exe', 'C:\\Windows\\System32\\services.exe', 'NT AUTHORITY\\SYSTEM'));
  sysmon.push(event(SYSMON, 3, t + 126_000, {
    UtcTime: new Date(t + 126_000).toISOString().replace('T', ' ').slice(0, 23), ProcessId: '6120', Image: 'C:\\Windows\\Temp\\updsvc.exe', User: 'NT AUTHORITY\\SYSTEM',
    Protocol: 'tcp', Initiated: 'true', SourceIp: '10.20.0.5', SourcePort: '50112', DestinationIp: C2, DestinationPort: '443',
  }));
  security.push(event(SECURITY, 4698, t + 180_000, {
    ...by, TaskName: '\\Microsoft\\Windows\\UpdateCheck', TaskContent: '<Task><Actions><Exec><Command>C:\\Windows\\Temp\\updsvc.exe</Command></Exec></Actions></Task>',
  }));
  security.push(event({ name: 'Microsoft-Windows-Eventlog', guid: '{fc65ddd8-d6ef-4962-83d5-6e5cfe9ce148}', channel: 'Security' }, 1102, t + 900_000, {}, '0x4020000000000000',
    `<UserData><LogFileCleared xmlns="http://manifests.microsoft.com/win/2004/08/windows/eventlog"><SubjectUserSid>${by.SubjectUserSid}</SubjectUserSid><SubjectUserName>svc_sql</SubjectUserName><SubjectDomainName>CORP</SubjectDomainName><SubjectLogonId>0x3e7a12</SubjectLogonId></LogFileCleared></UserData>`));
  const doc = (recs: Rec[], first: number) => {
    recs.sort((a, b) => a.ms - b.ms);
    return `<?xml version="1.0" encoding="UTF-8"?>\n<Events>\n${recs.map((r, i) => r.xml(first + i)).join('\n')}\n</Events>\n`;
  };
  return {
    security: doc(security, 184_220), system: doc(system, 9_310), sysmon: doc(sysmon, 51_007),
    counts: { security: security.length, system: system.length, sysmon: sysmon.length },
  };
}
