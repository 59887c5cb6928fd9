// Logsource gating and field mapping as data (pySigma's processing pipelines, reduced to a table).
// A rule's logsource (product / category / service) selects source variants; a variant says which events
// it covers (conditions on normalized or data.* fields) and how Sigma field names map to the case's fields.
// A rule sees only the events of its variants: a Security rule never fires on Sysmon or syslog events.
// References: Sigma taxonomy appendix (sigma-appendix-taxonomy.md); pySigma's windows pipeline (Sysmon
// category -> EventID, Security 4688 field names); DESIGN.md "The normalized event" for non-Windows fields.
import type { LogSource } from './model.ts';

/** Holds when any of `fields` has one of `values` (case-insensitive; '*' = present with any value). */
export interface Gate { fields: readonly string[]; values: readonly string[] }

export interface SourceVariant {
  id: string;
  /** every gate must hold */
  when: readonly Gate[];
  /** Sigma field -> case field; unmapped fields are looked up as data.<Field>, then as the name itself */
  fields?: Readonly<Record<string, string>>;
  /** also try data.<Field> for unmapped fields (true for Windows and JSON sources) */
  data: boolean;
}

const CHANNEL = ['data.Channel'];
const EVENT_ID = ['data.EventID'];
const SYSMON_CHANNEL = 'Microsoft-Windows-Sysmon/Operational';

const channel = (...names: string[]): Gate => ({ fields: CHANNEL, values: names });
const ids = (...n: number[]): Gate => ({ fields: EVENT_ID, values: n.map(String) });
const sysmon = (id: string, ...n: number[]): SourceVariant => ({ id: `windows/sysmon/${id}`, when: [channel(SYSMON_CHANNEL), ids(...n)], data: true });

/** Security 4688 under Sysmon's process_creation names (pySigma windows pipeline). */
const SECURITY_4688_FIELDS: Readonly<Record<string, string>> = {
  Image: 'data.NewProcessName', ParentImage: 'data.ParentProcessName', ProcessId: 'data.NewProcessId',
  ParentProcessId: 'data.ProcessId', LogonId: 'data.SubjectLogonId', User: 'data.SubjectUserName',
  IntegrityLevel: 'data.MandatoryLabel',
};

const winService = (service: string, ...channels: string[]): [string, SourceVariant[]] =>
  [`windows//${service}`, [{ id: `windows/${service}`, when: [channel(...channels)], data: true }]];

const SYSMON_CATEGORIES: [string, number[]][] = [
  ['file_change', [2]], ['network_connection', [3]], ['sysmon_status', [4, 16]], ['process_termination', [5]],
  ['driver_load', [6]], ['image_load', [7]], ['create_remote_thread', [8]], ['raw_access_thread', [9]],
  ['process_access', [10]], ['file_event', [11]], ['registry_add', [12]], ['registry_delete', [12]],
  ['registry_set', [13]], ['registry_rename', [14]], ['registry_event', [12, 13, 14]], ['create_stream_hash', [15]],
  ['pipe_created', [17, 18]], ['wmi_event', [19, 20, 21]], ['dns_query', [22]], ['file_delete', [23, 26]],
  ['clipboard_capture', [24]], ['process_tampering', [25]], ['file_block_executable', [27]],
  ['file_block_shredding', [28]], ['file_executable_detected', [29]], ['sysmon_error', [255]],
];

const LINUX_PARSERS: Gate = { fields: ['parser.name'], values: ['syslog3164', 'syslog5424', 'journald'] };
const linuxApp = (service: string, ...apps: string[]): [string, SourceVariant[]] =>
  [`linux//${service}`, [{ id: `linux/${service}`, when: [LINUX_PARSERS, { fields: ['obs.process.name', 'app.name'], values: apps }], data: true }]];
const LINUX_SYSMON = 'Linux-Sysmon/Operational';

const WEB_FIELDS: Readonly<Record<string, string>> = {
  'c-ip': 'init.host.ip', 'cs-method': 'web.request.method', 'cs-uri-query': 'target.uri.query', 'cs-uri-stem': 'target.uri.path',
  'c-uri': 'target.uri.full', 'sc-status': 'web.request.rc', 'c-useragent': 'web.header.user_agent', 'cs-user-agent': 'web.header.user_agent',
  'cs-referer': 'web.header.referer', 'cs-host': 'target.host.name', 'cs-username': 'init.usr.name',
};

/** key: product/category/service (empty parts for absent ones) */
const TABLE = new Map<string, SourceVariant[]>([
  ['windows/process_creation/', [
    sysmon('process_creation', 1),
    { id: 'windows/security/4688', when: [channel('Security'), ids(4688)], fields: SECURITY_4688_FIELDS, data: true },
  ]],
  ...SYSMON_CATEGORIES.map(([cat, n]): [string, SourceVariant[]] => [`windows/${cat}/`, [sysmon(cat, ...n)]]),
  ['windows/ps_module/', [{ id: 'windows/ps_module', when: [channel('Microsoft-Windows-PowerShell/Operational'), ids(4103)], data: true }]],
  ['windows/ps_script/', [{ id: 'windows/ps_script', when: [channel('Microsoft-Windows-PowerShell/Operational'), ids(4104)], data: true }]],
  ['windows/ps_classic_start/', [{ id: 'windows/ps_classic_start', when: [channel('Windows PowerShell'), ids(400)], data: true }]],
  ['windows/ps_classic_provider_start/', [{ id: 'windows/ps_classic_provider_start', when: [channel('Windows PowerShell'), ids(600)], data: true }]],
  ['windows/ps_classic_script/', [{ id: 'windows/ps_classic_script', when: [channel('Windows PowerShell'), ids(800)], data: true }]],
  winService('security', 'Security'),
  winService('system', 'System'),
  winService('application', 'Application'),
  winService('sysmon', SYSMON_CHANNEL),
  winService('powershell', 'Microsoft-Windows-PowerShell/Operational'),
  winService('powershell-classic', 'Windows PowerShell'),
  winService('taskscheduler', 'Microsoft-Windows-TaskScheduler/Operational'),
  winService('wmi', 'Microsoft-Windows-WMI-Activity/Operational'),
  winService('windefend', 'Microsoft-Windows-Windows Defender/Operational'),
  winService('bits-client', 'Microsoft-Windows-Bits-Client/Operational'),
  winService('codeintegrity-operational', 'Microsoft-Windows-CodeIntegrity/Operational'),
  winService('dns-server', 'DNS Server'),
  winService('firewall-as', 'Microsoft-Windows-Windows Firewall With Advanced Security/Firewall'),
  winService('ntlm', 'Microsoft-Windows-NTLM/Operational'),
  winService('terminalservices-localsessionmanager', 'Microsoft-Windows-TerminalServices-LocalSessionManager/Operational'),
  winService('driver-framework', 'Microsoft-Windows-DriverFrameworks-UserMode/Operational'),
  winService('printservice-admin', 'Microsoft-Windows-PrintService/Admin'),
  winService('printservice-operational', 'Microsoft-Windows-PrintService/Operational'),
  winService('smbclient-security', 'Microsoft-Windows-SmbClient/Security'),
  winService('applocker', 'Microsoft-Windows-AppLocker/EXE and DLL', 'Microsoft-Windows-AppLocker/MSI and Script',
    'Microsoft-Windows-AppLocker/Packaged app-Deployment', 'Microsoft-Windows-AppLocker/Packaged app-Execution'),
  ['windows//', [{ id: 'windows', when: [{ fields: CHANNEL, values: ['*'] }], data: true }]],
  // Linux: syslog/journald events by process name; Sysmon for Linux by its channel
  ['linux//', [{ id: 'linux', when: [LINUX_PARSERS], data: true }]],
  linuxApp('auth', 'sshd', 'sudo', 'su', 'login', 'passwd', 'useradd', 'userdel', 'usermod', 'groupadd', 'chpasswd', 'systemd-logind'),
  linuxApp('sshd', 'sshd'),
  linuxApp('sudo', 'sudo'),
  linuxApp('cron', 'cron', 'crond', 'CRON'),
  linuxApp('vsftpd', 'vsftpd'),
  linuxApp('clamav', 'clamd', 'freshclam', 'clamav'),
  linuxApp('guacamole', 'guacd', 'guacamole'),
  ['linux//syslog', [{ id: 'linux/syslog', when: [LINUX_PARSERS], data: true }]],
  ['linux//auditd', [{ id: 'linux/auditd', when: [{ fields: ['data.type'], values: ['*'] }, { fields: ['data.msg'], values: ['*'] }], data: true }]],
  ['linux/process_creation/', [{ id: 'linux/sysmon/process_creation', when: [channel(LINUX_SYSMON), ids(1)], data: true }]],
  ['linux/network_connection/', [{ id: 'linux/sysmon/network_connection', when: [channel(LINUX_SYSMON), ids(3)], data: true }]],
  ['linux/file_event/', [{ id: 'linux/sysmon/file_event', when: [channel(LINUX_SYSMON), ids(11)], data: true }]],
  // web servers and proxies: their parsers' normalized fields under the W3C names rules use
  ['/webserver/', [{ id: 'webserver', when: [{ fields: ['parser.name'], values: ['apache-access', 'w3c'] }], fields: WEB_FIELDS, data: true }]],
  ['/proxy/', [{ id: 'proxy', when: [{ fields: ['parser.name'], values: ['squid', 'proxifier'] }], fields: WEB_FIELDS, data: true }]],
  ['zeek//conn', [{ id: 'zeek/conn', when: [{ fields: ['parser.name'], values: ['zeek-json', 'zeek-tsv'] }, { fields: ['data._path', 'col.file'], values: ['conn', 'conn.log'] }], data: true }]],
]);

const DEFAULT_PRODUCT: Readonly<Record<string, string>> = { webserver: '', proxy: '' };

function key(ls: LogSource): string {
  const product = ls.product ?? (ls.category !== undefined ? DEFAULT_PRODUCT[ls.category] : undefined) ?? '';
  return `${product}/${ls.category ?? ''}/${ls.service ?? ''}`;
}

/** The variants a logsource covers; empty when Logdrop has no mapping for it (the rule is inactive). */
export function sourceVariants(ls: LogSource): readonly SourceVariant[] {
  return TABLE.get(key(ls)) ?? TABLE.get(key({ ...ls, product: '' })) ?? [];
}

export function describeLogsource(ls: LogSource): string {
  return ['product', 'category', 'service'].filter((k) => ls[k as keyof LogSource] !== undefined)
    .map((k) => `${k}: ${ls[k as keyof LogSource]}`).join(', ') || 'no logsource';
}

/** Filters apply to rules whose logsource includes every key the filter's logsource sets. */
export function logsourceCovers(filter: LogSource, rule: LogSource): boolean {
  return (['product', 'category', 'service'] as const).every((k) => filter[k] === undefined || filter[k] === rule[k]);
}
