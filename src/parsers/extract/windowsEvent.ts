// Windows events from text renderings (XML, JSON) -> the same flat data map the EVTX parser builds, then the
// shared Windows normalization. Naming rules live in ../evtx/fields.ts (one set of names whatever the source);
// this file only adapts other trees to it.
// Reference: https://learn.microsoft.com/en-us/windows/win32/wes/eventschema-schema
// Example: <Event><System><Provider Name="Microsoft-Windows-Sysmon"/><EventID>3</EventID>...</System>
//   <EventData><Data Name="SourceIp">10.0.2.16</Data></EventData></Event>
//   -> data.Provider_Name=Microsoft-Windows-Sysmon, data.EventID=3, data.SourceIp=10.0.2.16, alarm.id=3, ...
import { err, ok, type Result } from '../../core/result.ts';
import type { EventFields } from '../../core/schema.ts';
import { parseIsoTime, type TimeSettings } from '../../core/time.ts';
import { eventFields, newDataMap, type DataMap } from '../evtx/fields.ts';
import type { XElement, XNode } from '../evtx/tree.ts';
import { normalizeWindowsEvent } from '../windows/normalize.ts';
import { parseXml, type XmlElement } from './xml.ts';

export { newDataMap, type DataMap };

/** Our XML reader's element -> the EVTX tree node fields.ts reads (depth is capped by parseXml). */
function toXNode(el: XmlElement): XElement {
  const children: XNode[] = [];
  if (el.children.length === 0 || el.text.trim() !== '') children.push(el.text);
  for (const c of el.children) children.push(toXNode(c));
  return { k: 0, name: el.name, attrs: [...el.attrs].map(([name, value]) => ({ name, value })), children };
}

/**
 * An <Event> element's text -> its data map (System fields under Sigma names, EventData, UserData).
 * `lenient` reads an element cut short (see parseXml) and says so with `truncated`.
 */
export function eventXmlData(xml: string, lenient = false): Result<{ data: DataMap; truncated: boolean }> {
  const tree = parseXml(xml, lenient);
  if (!tree.ok) return tree;
  if (tree.value.name !== 'Event') return err(`expected an <Event> element, found <${tree.value.name}>`);
  return ok({ data: eventFields([toXNode(tree.value)]), truncated: tree.value.truncated === true });
}

/** `<EventData><Data Name="X">v</Data>...</EventData>` alone (Azure Sentinel SecurityEvent) -> its fields. */
export function eventDataXml(xml: string, data: DataMap): Result<void> {
  const tree = parseXml(xml);
  if (!tree.ok) return tree;
  const fields = eventFields([{ k: 0, name: 'Event', attrs: [], children: [toXNode(tree.value)] }]);
  for (const k in fields) {
    let n = k; // a name already taken gets _2, _3 ... (the rule of evtx/fields.ts)
    for (let i = 2; n in data; i++) n = `${k}_${i}`;
    data[n] = fields[k];
  }
  return ok(undefined);
}

/**
 * The data map -> normalized fields. The shared table (windows/normalize.ts) does the work; the few core
 * fields DESIGN.md requires of every Windows event are filled here only when it left them out.
 */
export function windowsEventFields(data: DataMap, time: TimeSettings): EventFields {
  const ev = normalizeWindowsEvent(data, time);
  if (ev.ts === undefined && data.TimeCreated !== undefined) {
    const t = parseIsoTime(data.TimeCreated, time);
    if (t !== undefined) {
      ev.ts = t.ts;
      ev['ts.raw'] = data.TimeCreated;
      if (t.guess !== '') ev['ts.guess'] = t.guess;
    }
  }
  if (ev['alarm.id'] === undefined && data.EventID !== undefined) ev['alarm.id'] = data.EventID;
  if (ev['obs.host.name'] === undefined && data.Computer !== undefined) ev['obs.host.name'] = data.Computer;
  if (ev['app.name'] === undefined && data.Provider_Name !== undefined) ev['app.name'] = data.Provider_Name;
  return ev;
}
