// The Windows event normalization table: which data.* field fills which normalized field, per event.
// References: Microsoft's security auditing event pages
// (https://learn.microsoft.com/en-us/previous-versions/windows/it-pro/windows-10/security/threat-protection/auditing/event-4624),
// Sysmon (https://learn.microsoft.com/en-us/sysinternals/downloads/sysmon#events),
// the Sigma field names (https://github.com/SigmaHQ/sigma/tree/master/rules/windows).
// Example: 4625 with TargetUserName=administrator, IpAddress=203.0.113.12, LogonType=3 ->
//   message "Failed logon for administrator from 203.0.113.12 (type 3 network)", outcome failure.
//
// How to read an entry (all of it is data; windows/normalize.ts is the only code):
// - `source` names a family below (providers and channels); an entry applies to its `ids` in that family;
// - `fields` maps a normalized field to a data field, optionally piped through a transform:
//     'User|user' / 'User|domain'  the name / domain part of "DOMAIN\name";
//     'Image|basename'             the file name of a Windows path;
//     'Data2|kv:HostApplication'   the value of "HostApplication=..." inside a key=value text;
//     'A,B'                        the first of A, B that is not empty;
//   fields ending in .ip drop '-', '::', '0.0.0.0' and unwrap '::ffff:1.2.3.4'; fields ending in .port keep
//   numbers above 0 only; every field drops '' and '-'. Loopback addresses are kept: they are evidence
//   (a network logon from 127.0.0.1 is how RDP tunnelling shows).
// - `outcome`: success | failure | unknown, or 'status:<Field>' (0x0 or 0 = success, else failure); without it
//   the Keywords audit bits decide (AuditSuccess / AuditFailure), else unknown;
// - `message`: one line; {x} is a normalized field or a data field; a [bracketed part] is dropped when a
//   placeholder inside it is empty; {logon.type_name} is the text for LogonType.
import type { EventType } from '../../core/schema.ts';

export interface SourceFamily {
  providers: readonly string[];
  channels: readonly string[];
}

export const SOURCES = {
  security: { providers: ['Microsoft-Windows-Security-Auditing'], channels: ['Security'] },
  eventlog: { providers: ['Microsoft-Windows-Eventlog'], channels: [] },
  scm: { providers: ['Service Control Manager'], channels: [] },
  sysmon: { providers: ['Microsoft-Windows-Sysmon'], channels: ['Microsoft-Windows-Sysmon/Operational'] },
  powershell: { providers: ['Microsoft-Windows-PowerShell'], channels: ['Microsoft-Windows-PowerShell/Operational'] },
  powershellClassic: { providers: ['PowerShell'], channels: ['Windows PowerShell'] },
  tsLocal: {
    providers: ['Microsoft-Windows-TerminalServices-LocalSessionManager'],
    channels: ['Microsoft-Windows-TerminalServices-LocalSessionManager/Operational'],
  },
  tsRemote: {
    providers: ['Microsoft-Windows-TerminalServices-RemoteConnectionManager'],
    channels: ['Microsoft-Windows-TerminalServices-RemoteConnectionManager/Operational'],
  },
  defender: { providers: ['Microsoft-Windows-Windows Defender'], channels: ['Microsoft-Windows-Windows Defender/Operational'] },
} as const satisfies Record<string, SourceFamily>;

export type SourceName = keyof typeof SOURCES;
export type OutcomeRule = 'success' | 'failure' | 'unknown' | `status:${string}`;

export interface WindowsEventSpec {
  source: SourceName;
  ids: readonly number[];
  /** alarm.name: the event's official short title */
  name: string;
  type: EventType;
  action: string;
  outcome?: OutcomeRule;
  fields: Readonly<Record<string, string>>;
  message: string;
}

/** LogonType numbers -> names (4624, 4625, 4634 ...). */
export const LOGON_TYPES: ReadonlyMap<string, string> = new Map([
  ['0', 'system'], ['2', 'interactive'], ['3', 'network'], ['4', 'batch'], ['5', 'service'], ['7', 'unlock'],
  ['8', 'network cleartext'], ['9', 'new credentials'], ['10', 'remote interactive'], ['11', 'cached interactive'],
  ['12', 'cached remote interactive'], ['13', 'cached unlock'],
]);

/** Level -> alarm.sev (0 is "LogAlways", shown as Information). */
export const LEVELS: ReadonlyMap<string, string> = new Map([
  ['0', 'information'], ['1', 'critical'], ['2', 'error'], ['3', 'warning'], ['4', 'information'], ['5', 'verbose'],
]);

/** What every event gets, whatever its id (System section). */
export const SYSTEM_FIELDS: Readonly<Record<string, string>> = {
  'alarm.id': 'EventID',
  'obs.host.name': 'Computer',
  'app.name': 'Provider_Name',
  'obs.process.id': 'ProcessID',
};

/** Fields mapped for events the table does not know (the common Security names). */
export const GENERIC_FIELDS: Readonly<Record<string, string>> = {
  'init.usr.name': 'SubjectUserName',
  'init.usr.domain': 'SubjectDomainName',
  'target.usr.name': 'TargetUserName',
  'target.usr.domain': 'TargetDomainName',
  'init.host.ip': 'IpAddress',
  'init.host.port': 'IpPort',
  'init.host.name': 'WorkstationName',
  'init.process.path': 'ProcessName',
  'init.process.name': 'ProcessName|basename',
};

const SUBJECT = { 'init.usr.name': 'SubjectUserName', 'init.usr.domain': 'SubjectDomainName' };
const TARGET = { 'target.usr.name': 'TargetUserName', 'target.usr.domain': 'TargetDomainName' };
const LOGON_SOURCE = {
  'init.host.ip': 'IpAddress', 'init.host.port': 'IpPort', 'init.host.name': 'WorkstationName',
  'logon.type': 'LogonType', 'init.process.path': 'ProcessName', 'init.process.name': 'ProcessName|basename',
};
const ACCOUNT = { ...SUBJECT, ...TARGET };
const GROUP = { ...SUBJECT, 'target.group.name': 'TargetUserName', 'target.group.domain': 'TargetDomainName', 'target.usr.name': 'MemberName,MemberSid' };
const KERBEROS = {
  ...TARGET, 'target.service.name': 'ServiceName', 'init.host.ip': 'IpAddress', 'init.host.port': 'IpPort',
};
const RDP_SESSION = { 'target.usr.name': 'AccountName', 'target.usr.domain': 'AccountDomain', 'init.host.name': 'ClientName', 'init.host.ip': 'ClientAddress', 'session.id': 'SessionName' };
const SHARE = { ...SUBJECT, 'init.host.ip': 'IpAddress', 'init.host.port': 'IpPort', 'target.share.name': 'ShareName', 'target.share.path': 'ShareLocalPath' };
const SYSMON_PROC = { 'init.process.path': 'Image', 'init.process.name': 'Image|basename', 'init.process.id': 'ProcessId' };
const SYSMON_NEW_PROC = {
  'target.process.path': 'Image', 'target.process.name': 'Image|basename', 'target.process.id': 'ProcessId',
  'target.process.command_line': 'CommandLine', 'init.process.path': 'ParentImage', 'init.process.name': 'ParentImage|basename',
  'init.process.id': 'ParentProcessId', 'init.process.command_line': 'ParentCommandLine', 'init.usr.name': 'User|user', 'init.usr.domain': 'User|domain',
};
const SYSMON_ACCESS = {
  'init.process.path': 'SourceImage', 'init.process.name': 'SourceImage|basename', 'init.process.id': 'SourceProcessId',
  'target.process.path': 'TargetImage', 'target.process.name': 'TargetImage|basename', 'target.process.id': 'TargetProcessId',
};
const SYSMON_FILE = { ...SYSMON_PROC, 'target.file.path': 'TargetFilename', 'init.usr.name': 'User|user', 'init.usr.domain': 'User|domain' };
const SYSMON_REG = { ...SYSMON_PROC, 'target.registry.key': 'TargetObject', 'target.registry.value': 'Details', 'init.usr.name': 'User|user', 'init.usr.domain': 'User|domain' };
const TS_SESSION = { 'target.usr.name': 'User|user', 'target.usr.domain': 'User|domain', 'init.host.ip': 'Address', 'session.id': 'SessionID' };
const DEFENDER = {
  'alarm.name': 'Threat Name', 'alarm.sev': 'Severity Name', 'target.file.path': 'Path', 'init.process.path': 'Process Name',
  'init.process.name': 'Process Name|basename', 'init.usr.name': 'Detection User|user', 'init.usr.domain': 'Detection User|domain',
};

export const WINDOWS_EVENTS: readonly WindowsEventSpec[] = [
  // Security: logons and sessions
  { source: 'security', ids: [4624], name: 'An account was successfully logged on', type: 'AUTH', action: 'logon', outcome: 'success',
    fields: { ...SUBJECT, ...TARGET, ...LOGON_SOURCE }, message: 'Successful logon for {target.usr.name}[ from {init.host.ip}][ (type {logon.type} {logon.type_name})]' },
  { source: 'security', ids: [4625], name: 'An account failed to log on', type: 'AUTH', action: 'logon', outcome: 'failure',
    fields: { ...SUBJECT, ...TARGET, ...LOGON_SOURCE, 'error.code': 'SubStatus,Status' },
    message: 'Failed logon for {target.usr.name}[ from {init.host.ip}][ (type {logon.type} {logon.type_name})]' },
  { source: 'security', ids: [4634], name: 'An account was logged off', type: 'AUTH', action: 'logoff', outcome: 'success',
    fields: { ...TARGET, 'logon.type': 'LogonType' }, message: 'Logoff of {target.usr.name}[ (type {logon.type} {logon.type_name})]' },
  { source: 'security', ids: [4647], name: 'User initiated logoff', type: 'AUTH', action: 'logoff', outcome: 'success',
    fields: TARGET, message: 'User-initiated logoff of {target.usr.name}' },
  { source: 'security', ids: [4648], name: 'A logon was attempted using explicit credentials', type: 'AUTH', action: 'explicit-credentials-logon',
    fields: { ...SUBJECT, ...TARGET, 'target.host.name': 'TargetServerName', 'target.host.ip': 'IpAddress', 'target.host.port': 'IpPort', 'init.process.path': 'ProcessName', 'init.process.name': 'ProcessName|basename' },
    message: '{init.usr.name} used explicit credentials of {target.usr.name}[ on {target.host.name}][ via {init.process.name}]' },
  { source: 'security', ids: [4672], name: 'Special privileges assigned to new logon', type: 'AUTH', action: 'privileged-logon', outcome: 'success',
    fields: { ...TARGET, 'target.usr.name': 'SubjectUserName', 'target.usr.domain': 'SubjectDomainName' }, message: 'Special privileges assigned to the logon of {target.usr.name}' },
  { source: 'security', ids: [4778], name: 'A session was reconnected to a Window Station', type: 'AUTH', action: 'session-reconnect', outcome: 'success',
    fields: RDP_SESSION, message: 'Session reconnected for {target.usr.name}[ from {init.host.ip}][ ({init.host.name})]' },
  { source: 'security', ids: [4779], name: 'A session was disconnected from a Window Station', type: 'AUTH', action: 'session-disconnect', outcome: 'success',
    fields: RDP_SESSION, message: 'Session disconnected for {target.usr.name}[ from {init.host.ip}][ ({init.host.name})]' },
  // Security: Kerberos and NTLM
  { source: 'security', ids: [4768], name: 'A Kerberos authentication ticket (TGT) was requested', type: 'AUTH', action: 'kerberos-tgt-request', outcome: 'status:Status',
    fields: { ...KERBEROS, 'error.code': 'Status' }, message: 'Kerberos TGT requested for {target.usr.name}[ from {init.host.ip}][ (status {error.code})]' },
  { source: 'security', ids: [4769], name: 'A Kerberos service ticket was requested', type: 'AUTH', action: 'kerberos-service-ticket-request', outcome: 'status:Status',
    fields: { ...KERBEROS, 'error.code': 'Status' }, message: 'Kerberos service ticket for {target.service.name} requested by {target.usr.name}[ from {init.host.ip}]' },
  { source: 'security', ids: [4771], name: 'Kerberos pre-authentication failed', type: 'AUTH', action: 'kerberos-preauth', outcome: 'failure',
    fields: { ...KERBEROS, 'error.code': 'Status' }, message: 'Kerberos pre-authentication failed for {target.usr.name}[ from {init.host.ip}][ (status {error.code})]' },
  { source: 'security', ids: [4776], name: 'The computer attempted to validate the credentials for an account', type: 'AUTH', action: 'credential-validation', outcome: 'status:Status',
    fields: { 'target.usr.name': 'TargetUserName', 'init.host.name': 'Workstation', 'error.code': 'Status' }, message: 'NTLM credential validation for {target.usr.name}[ from {init.host.name}][ (status {error.code})]' },
  // Security: processes, services, tasks, policy, log
  { source: 'security', ids: [4688], name: 'A new process has been created', type: 'SYS', action: 'process-create', outcome: 'success',
    fields: { ...SUBJECT, 'target.process.path': 'NewProcessName', 'target.process.name': 'NewProcessName|basename', 'target.process.id': 'NewProcessId',
      'target.process.command_line': 'CommandLine', 'init.process.path': 'ParentProcessName', 'init.process.name': 'ParentProcessName|basename', 'init.process.id': 'ProcessId' },
    message: 'Process {target.process.name} started[ by {init.usr.name}][ from {init.process.name}][: {target.process.command_line}]' },
  { source: 'security', ids: [4689], name: 'A process has exited', type: 'SYS', action: 'process-exit', outcome: 'success',
    fields: { ...SUBJECT, 'target.process.path': 'ProcessName', 'target.process.name': 'ProcessName|basename', 'target.process.id': 'ProcessId' },
    message: 'Process {target.process.name} exited[ ({init.usr.name})]' },
  { source: 'security', ids: [4697], name: 'A service was installed in the system', type: 'SYS', action: 'service-install', outcome: 'success',
    fields: { ...SUBJECT, 'target.service.name': 'ServiceName', 'target.process.path': 'ServiceFileName', 'target.usr.name': 'ServiceAccount' },
    message: 'Service {target.service.name} installed[ by {init.usr.name}][: {target.process.path}]' },
  { source: 'security', ids: [4698], name: 'A scheduled task was created', type: 'SYS', action: 'task-create', outcome: 'success',
    fields: { ...SUBJECT, 'target.task.name': 'TaskName' }, message: 'Scheduled task {target.task.name} created[ by {init.usr.name}]' },
  { source: 'security', ids: [4719], name: 'System audit policy was changed', type: 'SYS', action: 'audit-policy-change', outcome: 'success',
    fields: SUBJECT, message: 'Audit policy changed[ by {init.usr.name}][: {SubcategoryId} {AuditPolicyChanges}]' },
  { source: 'security', ids: [1102], name: 'The audit log was cleared', type: 'SYS', action: 'log-clear', outcome: 'success',
    fields: SUBJECT, message: 'Security log cleared[ by {init.usr.domain}\\{init.usr.name}]' },
  // Security: accounts and groups
  { source: 'security', ids: [4720], name: 'A user account was created', type: 'AUTH', action: 'account-create', outcome: 'success',
    fields: ACCOUNT, message: 'User account {target.usr.name} created[ by {init.usr.name}]' },
  { source: 'security', ids: [4722], name: 'A user account was enabled', type: 'AUTH', action: 'account-enable', outcome: 'success',
    fields: ACCOUNT, message: 'User account {target.usr.name} enabled[ by {init.usr.name}]' },
  { source: 'security', ids: [4723], name: "An attempt was made to change an account's password", type: 'AUTH', action: 'password-change', outcome: 'success',
    fields: ACCOUNT, message: 'Password change attempted for {target.usr.name}[ by {init.usr.name}]' },
  { source: 'security', ids: [4724], name: "An attempt was made to reset an account's password", type: 'AUTH', action: 'password-reset', outcome: 'success',
    fields: ACCOUNT, message: 'Password reset attempted for {target.usr.name}[ by {init.usr.name}]' },
  { source: 'security', ids: [4725], name: 'A user account was disabled', type: 'AUTH', action: 'account-disable', outcome: 'success',
    fields: ACCOUNT, message: 'User account {target.usr.name} disabled[ by {init.usr.name}]' },
  { source: 'security', ids: [4726], name: 'A user account was deleted', type: 'AUTH', action: 'account-delete', outcome: 'success',
    fields: ACCOUNT, message: 'User account {target.usr.name} deleted[ by {init.usr.name}]' },
  { source: 'security', ids: [4738], name: 'A user account was changed', type: 'AUTH', action: 'account-change', outcome: 'success',
    fields: ACCOUNT, message: 'User account {target.usr.name} changed[ by {init.usr.name}]' },
  { source: 'security', ids: [4740], name: 'A user account was locked out', type: 'AUTH', action: 'account-lockout', outcome: 'success',
    fields: { ...SUBJECT, 'target.usr.name': 'TargetUserName', 'init.host.name': 'TargetDomainName' },
    message: 'User account {target.usr.name} locked out[ (caller {init.host.name})]' },
  { source: 'security', ids: [4767], name: 'A user account was unlocked', type: 'AUTH', action: 'account-unlock', outcome: 'success',
    fields: ACCOUNT, message: 'User account {target.usr.name} unlocked[ by {init.usr.name}]' },
  { source: 'security', ids: [4728], name: 'A member was added to a security-enabled global group', type: 'AUTH', action: 'group-member-add', outcome: 'success',
    fields: GROUP, message: '{target.usr.name} added to global group {target.group.name}[ by {init.usr.name}]' },
  { source: 'security', ids: [4732], name: 'A member was added to a security-enabled local group', type: 'AUTH', action: 'group-member-add', outcome: 'success',
    fields: GROUP, message: '{target.usr.name} added to local group {target.group.name}[ by {init.usr.name}]' },
  { source: 'security', ids: [4756], name: 'A member was added to a security-enabled universal group', type: 'AUTH', action: 'group-member-add', outcome: 'success',
    fields: GROUP, message: '{target.usr.name} added to universal group {target.group.name}[ by {init.usr.name}]' },
  // Security: file shares
  { source: 'security', ids: [5140], name: 'A network share object was accessed', type: 'SYS', action: 'share-access', outcome: 'success',
    fields: SHARE, message: 'Share {target.share.name} accessed by {init.usr.name}[ from {init.host.ip}]' },
  { source: 'security', ids: [5145], name: 'A network share object was checked for access', type: 'SYS', action: 'share-object-access-check',
    fields: { ...SHARE, 'target.file.path': 'RelativeTargetName' }, message: 'Share {target.share.name}[\\{target.file.path}] checked for access by {init.usr.name}[ from {init.host.ip}]' },
  // Eventlog (1102 in Security, 104 in System), Service Control Manager
  { source: 'eventlog', ids: [1102], name: 'The audit log was cleared', type: 'SYS', action: 'log-clear', outcome: 'success',
    fields: SUBJECT, message: 'Security log cleared[ by {init.usr.domain}\\{init.usr.name}]' },
  { source: 'eventlog', ids: [104], name: 'The log file was cleared', type: 'SYS', action: 'log-clear', outcome: 'success',
    fields: { ...SUBJECT, 'target.log.name': 'Channel_2' }, message: 'Event log[ {target.log.name}] cleared[ by {init.usr.domain}\\{init.usr.name}]' },
  { source: 'scm', ids: [7045], name: 'A service was installed in the system', type: 'SYS', action: 'service-install', outcome: 'success',
    fields: { 'target.service.name': 'ServiceName', 'target.process.path': 'ImagePath', 'target.usr.name': 'AccountName' },
    message: 'Service {target.service.name} installed[: {target.process.path}][ ({StartType}, as {target.usr.name})]' },
  { source: 'scm', ids: [7036], name: 'Service state changed', type: 'SYS', action: 'service-state-change', outcome: 'success',
    fields: { 'target.service.name': 'param1,Data1', 'target.service.state': 'param2,Data2' }, message: 'Service {target.service.name} entered the {target.service.state} state' },
  // Sysmon
  { source: 'sysmon', ids: [1], name: 'Process creation', type: 'SYS', action: 'process-create', outcome: 'success',
    fields: SYSMON_NEW_PROC, message: 'Process {target.process.name} started[ by {init.usr.name}][ from {init.process.name}][: {target.process.command_line}]' },
  { source: 'sysmon', ids: [3], name: 'Network connection', type: 'SYS', action: 'network-connection', outcome: 'success',
    fields: { ...SYSMON_PROC, 'init.usr.name': 'User|user', 'init.usr.domain': 'User|domain', 'init.host.ip': 'SourceIp', 'init.host.port': 'SourcePort', 'init.host.name': 'SourceHostname',
      'target.host.ip': 'DestinationIp', 'target.host.port': 'DestinationPort', 'target.host.name': 'DestinationHostname', 'network.transport': 'Protocol' },
    message: '{init.process.name} connected[ {network.transport}] {init.host.ip}[:{init.host.port}] -> {target.host.ip}[:{target.host.port}][ ({target.host.name})]' },
  { source: 'sysmon', ids: [5], name: 'Process terminated', type: 'SYS', action: 'process-exit', outcome: 'success',
    fields: { 'target.process.path': 'Image', 'target.process.name': 'Image|basename', 'target.process.id': 'ProcessId' }, message: 'Process {target.process.name} terminated' },
  { source: 'sysmon', ids: [7], name: 'Image loaded', type: 'SYS', action: 'image-load', outcome: 'success',
    fields: { ...SYSMON_PROC, 'target.file.path': 'ImageLoaded', 'target.file.name': 'ImageLoaded|basename' }, message: '{init.process.name} loaded {target.file.path}' },
  { source: 'sysmon', ids: [8], name: 'CreateRemoteThread', type: 'SYS', action: 'remote-thread-create', outcome: 'success',
    fields: SYSMON_ACCESS, message: '{init.process.name} created a remote thread in {target.process.name}' },
  { source: 'sysmon', ids: [10], name: 'Process accessed', type: 'SYS', action: 'process-access', outcome: 'success',
    fields: SYSMON_ACCESS, message: '{init.process.name} accessed {target.process.name}[ (access {GrantedAccess})]' },
  { source: 'sysmon', ids: [11], name: 'File created', type: 'SYS', action: 'file-create', outcome: 'success',
    fields: SYSMON_FILE, message: '{init.process.name} created file {target.file.path}' },
  { source: 'sysmon', ids: [12], name: 'Registry object added or deleted', type: 'SYS', action: 'registry-key-change', outcome: 'success',
    fields: SYSMON_REG, message: '{init.process.name}[ {EventType}] {target.registry.key}' },
  { source: 'sysmon', ids: [13], name: 'Registry value set', type: 'SYS', action: 'registry-value-set', outcome: 'success',
    fields: SYSMON_REG, message: '{init.process.name} set {target.registry.key}[ = {target.registry.value}]' },
  { source: 'sysmon', ids: [15], name: 'File stream created', type: 'SYS', action: 'file-stream-create', outcome: 'success',
    fields: SYSMON_FILE, message: '{init.process.name} created stream {target.file.path}' },
  { source: 'sysmon', ids: [22], name: 'DNS query', type: 'DNS', action: 'dns-query', outcome: 'status:QueryStatus',
    fields: { ...SYSMON_PROC, 'init.usr.name': 'User|user', 'init.usr.domain': 'User|domain', 'target.host.name': 'QueryName', 'dns.answers': 'QueryResults' },
    message: '{init.process.name} resolved {target.host.name}[ -> {dns.answers}]' },
  { source: 'sysmon', ids: [23], name: 'File deleted', type: 'SYS', action: 'file-delete', outcome: 'success',
    fields: SYSMON_FILE, message: '{init.process.name} deleted {target.file.path}' },
  // PowerShell
  { source: 'powershell', ids: [4103], name: 'Module logging', type: 'SYS', action: 'powershell-pipeline', outcome: 'success',
    fields: { 'init.process.command_line': 'ContextInfo|kv:Host Application', 'init.usr.name': 'ContextInfo|kv:User' },
    message: 'PowerShell pipeline executed[ by {init.usr.name}][: {Payload}]' },
  { source: 'powershell', ids: [4104], name: 'Script block logging', type: 'SYS', action: 'powershell-script-block', outcome: 'success',
    fields: { 'target.file.path': 'Path' }, message: 'PowerShell script block[ {MessageNumber}/{MessageTotal}][ from {target.file.path}]: {ScriptBlockText}' },
  { source: 'powershellClassic', ids: [400], name: 'Engine state changed to Available', type: 'SYS', action: 'powershell-start', outcome: 'success',
    fields: { 'init.process.command_line': 'Data3|kv:HostApplication', 'app.version': 'Data3|kv:EngineVersion' },
    message: 'PowerShell engine started[: {init.process.command_line}]' },
  { source: 'powershellClassic', ids: [800], name: 'Pipeline execution details', type: 'SYS', action: 'powershell-pipeline', outcome: 'success',
    fields: { 'init.process.command_line': 'Data2|kv:HostApplication', 'init.usr.name': 'Data2|kv:UserId' },
    message: 'PowerShell pipeline executed[ by {init.usr.name}]: {Data1}' },
  // Remote Desktop
  { source: 'tsLocal', ids: [21], name: 'Remote Desktop session logon succeeded', type: 'AUTH', action: 'rdp-logon', outcome: 'success',
    fields: TS_SESSION, message: 'RDP session logon for {target.usr.name}[ from {init.host.ip}][ (session {session.id})]' },
  { source: 'tsLocal', ids: [22], name: 'Remote Desktop shell start notification', type: 'AUTH', action: 'rdp-shell-start', outcome: 'success',
    fields: TS_SESSION, message: 'RDP shell started for {target.usr.name}[ from {init.host.ip}][ (session {session.id})]' },
  { source: 'tsLocal', ids: [24], name: 'Remote Desktop session disconnected', type: 'AUTH', action: 'rdp-disconnect', outcome: 'success',
    fields: TS_SESSION, message: 'RDP session disconnected for {target.usr.name}[ from {init.host.ip}][ (session {session.id})]' },
  { source: 'tsLocal', ids: [25], name: 'Remote Desktop session reconnected', type: 'AUTH', action: 'rdp-reconnect', outcome: 'success',
    fields: TS_SESSION, message: 'RDP session reconnected for {target.usr.name}[ from {init.host.ip}][ (session {session.id})]' },
  { source: 'tsRemote', ids: [1149], name: 'Remote Desktop user authentication succeeded', type: 'AUTH', action: 'rdp-authentication', outcome: 'success',
    fields: { 'target.usr.name': 'Param1', 'target.usr.domain': 'Param2', 'init.host.ip': 'Param3' },
    message: 'RDP authentication for {target.usr.name}[ from {init.host.ip}]' },
  // Defender
  { source: 'defender', ids: [1116], name: 'Malware detected', type: 'AV', action: 'malware-detected', outcome: 'unknown',
    fields: DEFENDER, message: 'Defender detected {alarm.name}[ in {target.file.path}][ ({Severity Name})]' },
  { source: 'defender', ids: [1117], name: 'Malware action taken', type: 'AV', action: 'malware-remediated', outcome: 'success',
    fields: DEFENDER, message: 'Defender took action on {alarm.name}[ in {target.file.path}]' },
];
