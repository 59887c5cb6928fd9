// Windows events rendered as JSON, one object per record, in the four shapes the corpus and the field show:
// - flat (NXLog / OTRF Security-Datasets): {"EventID":4688,"Channel":"Security","Hostname":"WORKSTATION5",
//   "SourceName":"Microsoft-Windows-Security-Auditing","TimeCreated":"2020-10-21T11:28:11.220Z","NewProcessName":...}
//   EventData fields sit at the top level beside the System ones;
// - Winlogbeat / ECS: {"@timestamp":...,"winlog":{"event_id":4624,"channel":"Security","event_data":{...}}}
// - evtx_dump / SigmaHQ regression JSON: {"Event":{"System":{"EventID":1,"TimeCreated":{"#attributes":
//   {"SystemTime":"..."}}},"EventData":{"Image":...}}}
// - Azure Sentinel: SecurityEvent rows whose EventData is an XML string, and Syslog rows whose SyslogMessage
//   is a whole <Event> (Sysmon for Linux).
// References: https://github.com/OTRF/Security-Datasets, https://www.elastic.co/guide/en/beats/winlogbeat/current/exported-fields-winlog.html,
// https://learn.microsoft.com/en-us/azure/azure-monitor/reference/tables/securityevent
// Every shape ends as the data map of ../evtx/fields.ts (Sigma names: EventID, Channel, Provider_Name,
// Computer, EventRecordID, ...) and goes through the shared Windows normalization.
import { err, ok } from '../../core/result.ts';
import type { EventFields } from '../../core/schema.ts';
import type { TextParser } from '../types.ts';
import { getPath, isObject, type JsonObject, jsonShare, own, parseJsonRecord, stringifySafe, text, timeOf } from '../extract/json.ts';
import { eventDataXml, eventXmlData, newDataMap, windowsEventFields, type DataMap } from '../extract/windowsEvent.ts';
import { eventFields } from '../evtx/fields.ts';
import type { XElement, XNode } from '../evtx/tree.ts';
import { appendAll } from '../../core/appendAll.ts';

/** Adds a field; a name already taken gets _2, _3 ... (the rule of evtx/fields.ts). */
function put(data: DataMap, name: string, value: unknown): void {
  if (value === null || value === undefined) return;
  const v = text(value) ?? stringifySafe(value);
  let n = name;
  for (let i = 2; n in data; i++) n = `${name}_${i}`;
  data[n] = v;
}

/** Top-level keys of `o` not yet in `data` (what is left of a row after the known keys were mapped). */
function rest(data: DataMap, o: JsonObject, skip: ReadonlySet<string>): void {
  for (const k of Object.keys(o)) if (!skip.has(k) && !(k in data)) put(data, k, o[k]);
}

// Winlogbeat winlog.* -> Sigma names
const WINLOG: readonly [string, string][] = [
  ['event_id', 'EventID'], ['channel', 'Channel'], ['provider_name', 'Provider_Name'], ['provider_guid', 'Provider_Guid'],
  ['computer_name', 'Computer'], ['record_id', 'EventRecordID'], ['version', 'Version'], ['task', 'Task'], ['opcode', 'Opcode'],
  ['keywords', 'Keywords'], ['process.pid', 'ProcessID'], ['process.thread.id', 'ThreadID'], ['user.identifier', 'UserID'],
  ['activity_id', 'Correlation_ActivityID'], ['related_activity_id', 'Correlation_RelatedActivityID'],
];

function fromWinlogbeat(o: JsonObject, winlog: JsonObject): DataMap {
  const data = newDataMap();
  for (const [from, to] of WINLOG) put(data, to, getPath(winlog, from));
  put(data, 'TimeCreated', own(o, '@timestamp'));
  put(data, 'Level', getPath(o, 'log.level'));
  for (const section of ['event_data', 'user_data']) {
    const s = own(winlog, section);
    if (isObject(s)) for (const k of Object.keys(s)) put(data, k, s[k]);
  }
  put(data, 'Message', own(o, 'message'));
  return data;
}

/** evtx_dump JSON ("#attributes", "#text") -> the XML tree fields.ts reads, so the names are identical. */
function jsonToXNode(name: string, v: unknown, depth: number): XElement[] {
  if (Array.isArray(v)) return depth > 16 ? [] : v.flatMap((x) => jsonToXNode(name, x, depth + 1));
  const el: XElement = { k: 0, name, attrs: [], children: [] };
  if (!isObject(v)) {
    el.children.push(v === null ? '' : text(v) ?? '');
    return [el];
  }
  for (const k of Object.keys(v)) {
    const c = v[k];
    if (k === '#attributes' && isObject(c)) {
      for (const a of Object.keys(c)) el.attrs.push({ name: a, value: text(c[a]) ?? '' });
    } else if (k === '#text') {
      el.children.push(text(c) ?? stringifySafe(c));
    } else if (depth < 16) {
      appendAll(el.children, jsonToXNode(k, c, depth + 1));
    }
  }
  return [el];
}

function fromEvtxDump(event: JsonObject): DataMap {
  const children: XNode[] = [];
  for (const k of Object.keys(event)) {
    const v = event[k];
    if (k === 'EventData' && isObject(v)) {
      // {"Image": "..."} is <Data Name="Image">...</Data>
      const ed: XElement = { k: 0, name: 'EventData', attrs: [], children: [] };
      for (const n of Object.keys(v)) {
        if (n === '#attributes') continue;
        const val = v[n];
        ed.children.push({ k: 0, name: 'Data', attrs: [{ name: 'Name', value: n }], children: [val === null ? '' : text(val) ?? stringifySafe(val)] });
      }
      children.push(ed);
    } else if (k !== '#attributes') {
      appendAll(children, jsonToXNode(k, v, 1));
    }
  }
  return eventFields([{ k: 0, name: 'Event', attrs: [], children }]);
}

const FLAT_RENAMES: readonly [string, string][] = [
  ['SourceName', 'Provider_Name'], ['EventSourceName', 'Provider_Name'], ['ProviderName', 'Provider_Name'], ['Provider', 'Provider_Name'],
  ['ProviderGuid', 'Provider_Guid'], ['Hostname', 'Computer'], ['RecordNumber', 'EventRecordID'],
];
const TIME_KEYS = ['TimeCreated', '@timestamp', 'TimeGenerated', 'EventTime', 'timestamp'];

function fromFlat(o: JsonObject): DataMap {
  const data = newDataMap();
  for (const k of ['EventID', 'Channel', 'Computer']) put(data, k, own(o, k));
  for (const [from, to] of FLAT_RENAMES) if (!(to in data)) put(data, to, own(o, from));
  for (const k of TIME_KEYS) if (!('TimeCreated' in data)) put(data, 'TimeCreated', own(o, k));
  const ed = own(o, 'EventData');
  if (typeof ed === 'string' && ed.trimStart().startsWith('<')) {
    const r = eventDataXml(ed, data); // Sentinel SecurityEvent: EventData is XML text
    if (!r.ok) put(data, 'EventData', ed);
  }
  rest(data, o, new Set(['EventData']));
  return data;
}

function isSyslogEvent(o: JsonObject): boolean {
  const m = own(o, 'SyslogMessage');
  return typeof m === 'string' && m.startsWith('<Event');
}

function isWindows(o: JsonObject): boolean {
  if (isObject(own(o, 'winlog'))) return getPath(o, 'winlog.event_id') !== undefined || getPath(o, 'winlog.channel') !== undefined;
  if (isObject(getPath(o, 'Event.System'))) return true;
  if (isSyslogEvent(o)) return true;
  return own(o, 'EventID') !== undefined
    && (own(o, 'Channel') !== undefined || own(o, 'SourceName') !== undefined || own(o, 'EventSourceName') !== undefined);
}

export const windowsJson: TextParser = {
  kind: 'text',
  id: 'windows-json',
  title: 'Windows events as JSON (NXLog/OTRF, Winlogbeat, evtx_dump, Azure Sentinel)',
  version: '1',
  url: 'https://github.com/OTRF/Security-Datasets',
  framing: 'json',
  patterns: ['flat', 'winlogbeat', 'evtx-dump', 'sentinel-xml', 'syslog-event-xml'],

  sniff(head) {
    return jsonShare(head, isWindows) * 0.95;
  },

  parse: parseJsonRecord(isWindows, 'not a Windows event (no EventID with Channel/SourceName, winlog.* or Event.System)', (o, ctx) => {
    let data: DataMap;
    const winlog = own(o, 'winlog');
    const event = own(o, 'Event');
    if (isObject(winlog)) {
      ctx.hit?.('winlogbeat');
      data = fromWinlogbeat(o, winlog);
    } else if (isObject(event) && isObject(own(event, 'System'))) {
      ctx.hit?.('evtx-dump');
      data = fromEvtxDump(event);
    } else if (isSyslogEvent(o)) {
      // Sentinel cuts long SyslogMessage values: read what is there and say so
      const d = eventXmlData(String(own(o, 'SyslogMessage')), true);
      if (!d.ok) return err(`SyslogMessage: ${d.error}`);
      ctx.hit?.('syslog-event-xml');
      data = d.value.data;
      if (d.value.truncated) data['parse.warning'] = 'SyslogMessage XML is truncated';
      rest(data, o, new Set(['SyslogMessage']));
    } else {
      ctx.hit?.(typeof own(o, 'EventData') === 'string' ? 'sentinel-xml' : 'flat');
      data = fromFlat(o);
    }
    const ev: EventFields = windowsEventFields(data, ctx.time);
    // a zoned @timestamp beats a zone-less TimeCreated ("2020-10-18 07:50:06.220" in OTRF files)
    if (ev.ts === undefined || String(ev['ts.guess'] ?? '').includes('zone')) {
      const t = timeOf(own(o, '@timestamp'), ctx.time);
      if (t !== undefined && t.guess === '') {
        ev.ts = t.ts;
        ev['ts.raw'] = t.raw;
        delete ev['ts.guess'];
      }
    }
    // DESIGN: a Windows message is the rendered description when the record carries one, else the summary
    if (data.Message !== undefined && data.Message !== '') ev.message = data.Message;
    if (data['parse.warning'] !== undefined) ev['parse.warning'] = data['parse.warning'];
    return ok(ev);
  }),

  samples: [
    {
      // OTRF cmd_discover_iexplorer_version_registry.zip, first line (flat NXLog style)
      input: String.raw`{"Message":"The audit log was cleared.\r\nSubject:\r\n\tSecurity ID:\tS-1-5-21-3940915590-64593676-1414006259-500\r\n\tAccount Name:\twardog\r\n\tDomain Name:\tWORKSTATION5\r\n\tLogon ID:\t0xC61D9","EventID":1102,"SourceName":"Microsoft-Windows-Eventlog","TimeCreated":"2020-10-21T11:28:08.823Z","Hostname":"WORKSTATION5","Task":"104","Level":"4","Keywords":"0x4020000000000000","Channel":"Security","ProviderGuid":"{fc65ddd8-d6ef-4962-83d5-6e5cfe9ce148}","@timestamp":"2020-10-21T11:28:08.823Z"}`,
      expect: {
        ts: Date.UTC(2020, 9, 21, 11, 28, 8, 823), 'alarm.id': '1102', 'obs.host.name': 'WORKSTATION5',
        'data.EventID': '1102', 'data.Channel': 'Security', 'data.Provider_Name': 'Microsoft-Windows-Eventlog',
        'data.Computer': 'WORKSTATION5', 'data.Keywords': '0x4020000000000000',
      },
    },
    {
      // Winlogbeat 7 document (elastic/beats winlogbeat docs, security module example)
      input: '{"@timestamp":"2019-11-07T10:37:19.344Z","event":{"code":4624,"kind":"event","provider":"Microsoft-Windows-Security-Auditing","action":"logged-in","category":"authentication","outcome":"success"},"host":{"name":"vagrant"},"log":{"level":"information"},"message":"An account was successfully logged on.","winlog":{"channel":"Security","computer_name":"vagrant","event_id":4624,"keywords":["Audit Success"],"opcode":"Info","process":{"pid":596,"thread":{"id":2636}},"provider_guid":"{54849625-5478-4994-A5BA-3E3B0328C30D}","provider_name":"Microsoft-Windows-Security-Auditing","record_id":5016,"task":"Logon","event_data":{"AuthenticationPackageName":"Negotiate","IpAddress":"-","LogonType":"5","SubjectUserName":"VAGRANT$","TargetUserName":"SYSTEM","TargetDomainName":"NT AUTHORITY"}}}',
      expect: {
        ts: Date.UTC(2019, 10, 7, 10, 37, 19, 344), 'alarm.id': '4624', 'data.Channel': 'Security', 'data.Computer': 'vagrant',
        'data.EventRecordID': '5016', 'data.ProcessID': '596', 'data.Keywords': '["Audit Success"]', 'data.LogonType': '5',
        'data.TargetUserName': 'SYSTEM', message: 'An account was successfully logged on.',
      },
    },
    {
      // SigmaHQ regression_data JSON (evtx_dump), abridged to the System block and two EventData fields
      input: String.raw`{"Event":{"#attributes":{"xmlns":"http://schemas.microsoft.com/win/2004/08/events/event"},"System":{"Provider":{"#attributes":{"Name":"Microsoft-Windows-Sysmon","Guid":"5770385F-C22A-43E0-BF4C-06F5698FFBD9"}},"EventID":1,"Version":5,"Level":4,"Task":1,"Opcode":0,"Keywords":"0x8000000000000000","TimeCreated":{"#attributes":{"SystemTime":"2025-12-15T11:49:00.470910Z"}},"EventRecordID":74726,"Correlation":null,"Execution":{"#attributes":{"ProcessID":3320,"ThreadID":4216}},"Channel":"Microsoft-Windows-Sysmon/Operational","Computer":"swachchhanda","Security":{"#attributes":{"UserID":"S-1-5-18"}}},"EventData":{"RuleName":"-","Image":"C:\\Windows\\System32\\wbem\\WMIC.exe"}}}`,
      expect: {
        ts: 1765799340470.91, // 2025-12-15T11:49:00.470910Z 'alarm.id': '1', 'data.Provider_Name': 'Microsoft-Windows-Sysmon',
        'data.EventRecordID': '74726', 'data.ProcessID': '3320', 'data.UserID': 'S-1-5-18', 'data.Image': 'C:\\Windows\\System32\\wbem\\WMIC.exe',
      },
    },
    {
      // OTRF Log4Shell securityauditing_...json (Azure Sentinel SecurityEvent, EventData as XML), abridged
      input: String.raw`{"TenantId":"redacted","TimeGenerated":"2022-05-13T08:54:05.21Z","SourceSystem":"OpsManager","Computer":"WORKSTATION5","EventSourceName":"Microsoft-Windows-Security-Auditing","Channel":"Security","Task":1,"Level":"0","EventData":"\u003cEventData xmlns=\"http://schemas.microsoft.com/win/2004/08/events/event\"\u003e\r\n  \u003cData Name=\"ProcessID\"\u003e3936\u003c/Data\u003e\r\n  \u003cData Name=\"SourceAddress\"\u003e192.168.3.5\u003c/Data\u003e\r\n  \u003cData Name=\"SourcePort\"\u003e50452\u003c/Data\u003e\r\n  \u003cData Name=\"DestAddress\"\u003e192.168.2.5\u003c/Data\u003e\r\n  \u003cData Name=\"DestPort\"\u003e8080\u003c/Data\u003e\r\n\u003c/EventData\u003e","EventID":5156,"Activity":"5156 - The Windows Filtering Platform has allowed a connection.","Type":"SecurityEvent"}`,
      expect: {
        ts: Date.UTC(2022, 4, 13, 8, 54, 5, 210), 'alarm.id': '5156', 'data.Provider_Name': 'Microsoft-Windows-Security-Auditing',
        'data.SourceAddress': '192.168.3.5', 'data.DestPort': '8080', 'data.Activity': '5156 - The Windows Filtering Platform has allowed a connection.',
      },
    },
    {
      // OTRF Log4Shell syslog_sysmon_...json (Sentinel Syslog row carrying a Sysmon for Linux <Event>), abridged
      input: String.raw`{"TenantId":"redacted","SourceSystem":"Linux","TimeGenerated":"2022-05-11T18:10:20.4Z","Computer":"UBUNTU5","EventTime":"2022-05-11T18:10:20Z","Facility":"user","HostName":"UBUNTU5","SeverityLevel":"info","SyslogMessage":"\u003cEvent\u003e\u003cSystem\u003e\u003cProvider Name=\"Linux-Sysmon\" Guid=\"{ff032593-a8d3-4f13-b0d6-01fc615a0f97}\"/\u003e\u003cEventID\u003e5\u003c/EventID\u003e\u003cVersion\u003e3\u003c/Version\u003e\u003cLevel\u003e4\u003c/Level\u003e\u003cTask\u003e5\u003c/Task\u003e\u003cOpcode\u003e0\u003c/Opcode\u003e\u003cKeywords\u003e0x8000000000000000\u003c/Keywords\u003e\u003cTimeCreated SystemTime=\"2022-05-11T18:10:20.399931000Z\"/\u003e\u003cEventRecordID\u003e245753\u003c/EventRecordID\u003e\u003cCorrelation/\u003e\u003cExecution ProcessID=\"1590\" ThreadID=\"1590\"/\u003e\u003cChannel\u003eLinux-Sysmon/Operational\u003c/Channel\u003e\u003cComputer\u003eUBUNTU5\u003c/Computer\u003e\u003cSecurity UserId=\"0\"/\u003e\u003c/System\u003e\u003cEventData\u003e\u003cData Name=\"RuleName\"\u003e-\u003c/Data\u003e\u003cData Name=\"UtcTime\"\u003e2022-05-11 18:10:20.395\u003c/Data\u003e\u003cData Name=\"ProcessGuid\"\u003e{94325212-f5aa-627b-082b-60e4b9550000}\u003c/Data\u003e\u003cData Name=\"ProcessId\"\u003e1774\u003c/Data\u003e\u003cData Name=\"Image\"\u003ewdavdaemon\u003c/Data\u003e\u003cData Name=\"User\"\u003eroot\u003c/Data\u003e\u003c/EventData\u003e\u003c/Event\u003e","HostIP":"192.168.2.5","ProcessName":"sysmon","Type":"Syslog"}`,
      expect: {
        'alarm.id': '5', 'data.Channel': 'Linux-Sysmon/Operational', 'data.EventRecordID': '245753', 'data.Image': 'wdavdaemon',
        'data.HostIP': '192.168.2.5', 'obs.host.name': 'UBUNTU5',
      },
    },
  ],
};
