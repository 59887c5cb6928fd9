// The record's XML tree -> flat fields under the names Sigma rules use (data.EventID, data.Provider_Name, ...).
// Reference: Sigma's Windows field names, https://github.com/SigmaHQ/sigma/wiki/Specification and
// the Event schema https://learn.microsoft.com/en-us/windows/win32/wes/eventschema-schema
// Example: <Execution ProcessID="4" ThreadID="8"/> -> ProcessID=4, ThreadID=8;
//          <Data Name="TargetUserName">bob</Data> -> TargetUserName=bob.
// Naming rules (the same whatever the source: EVTX, XML export, JSON):
// - System: an element's text under its name (EventID, Level, Channel, ...); its attributes as
//   <Element>_<Attribute> (Provider_Name, Provider_Guid, Correlation_ActivityID), except the renames below
//   (TimeCreated, ProcessID, ThreadID, UserID, Qualifiers);
// - EventData: <Data Name="X"> as X; unnamed <Data> elements as Data1, Data2, ... (counting unnamed ones only)
//   and, all of them joined by newlines, as Data (what Sigma's classic-event rules match); other children
//   (Binary) under their element name;
// - UserData and other sections: every leaf element under its own name, its attributes as <Leaf>_<Attribute>;
// - a name already taken (a repeated Data name, an array value, a clash with a System field) gets a suffix
//   _2, _3, ...: the first value keeps the plain name.
import { textOf, type XElement, type XNode } from './tree.ts';

/** System attribute renames: Sigma and Windows' own field list use these short names. */
const SYSTEM_ATTRS: ReadonlyMap<string, string> = new Map([
  ['TimeCreated.SystemTime', 'TimeCreated'],
  ['Execution.ProcessID', 'ProcessID'],
  ['Execution.ThreadID', 'ThreadID'],
  ['Security.UserID', 'UserID'],
  ['EventID.Qualifiers', 'Qualifiers'],
]);

/** A map keyed by log text: no prototype, so a field named __proto__ is just a field. */
export type DataMap = Record<string, string>;

export function newDataMap(): DataMap {
  return Object.create(null) as DataMap;
}

/** Adds a field; a name already taken gets _2, _3 ... (the first value keeps the plain name). */
export function put(data: DataMap, name: string, value: string): void {
  if (!(name in data)) {
    data[name] = value;
    return;
  }
  for (let i = 2; ; i++) {
    const n = `${name}_${i}`;
    if (!(n in data)) {
      data[n] = value;
      return;
    }
  }
}

/** The field name of an attribute of a System child (<TimeCreated SystemTime=...> -> TimeCreated). */
export function systemAttrName(element: string, attribute: string): string {
  return SYSTEM_ATTRS.get(`${element}.${attribute}`) ?? `${element}_${attribute}`;
}

/** The field name of an attribute of a UserData (or other section's) leaf; undefined for namespace declarations. */
export function leafAttrName(element: string, attribute: string): string | undefined {
  return attribute === 'xmlns' || attribute.startsWith('xmlns:') ? undefined : `${element}_${attribute}`;
}

/** What a child element of <Event> is, for the naming rules. */
export const Section = { System: 1, EventData: 2, Container: 3, Leaf: 4 } as const;
export type SectionKind = (typeof Section)[keyof typeof Section];

export function sectionOf(name: string): SectionKind {
  if (name === 'System') return Section.System;
  if (name === 'EventData') return Section.EventData;
  if (name === 'UserData' || name === 'RenderingInfo' || name === 'ProcessingErrorData' || name === 'DebugData') return Section.Container;
  return Section.Leaf;
}

function attr(e: XElement, name: string): string | undefined {
  for (const a of e.attrs) if (a.name === name) return a.value;
  return undefined;
}

function elements(nodes: XNode[]): XElement[] {
  const out: XElement[] = [];
  for (const n of nodes) if (typeof n !== 'string' && n.k === 0) out.push(n);
  return out;
}

function system(sys: XElement, data: DataMap): void {
  for (const e of elements(sys.children)) {
    const text = textOf(e);
    if (text !== '') put(data, e.name, text);
    for (const a of e.attrs) put(data, systemAttrName(e.name, a.name), a.value);
  }
}

function eventData(ed: XElement, data: DataMap): void {
  const unnamed: string[] = [];
  for (const e of elements(ed.children)) {
    if (e.name === 'Data') {
      const name = attr(e, 'Name');
      const text = textOf(e);
      if (name === undefined) {
        unnamed.push(text);
        put(data, `Data${unnamed.length}`, text);
      } else put(data, name, text);
    } else put(data, e.name, textOf(e));
  }
  // Sigma rules on classic events (PowerShell 400/800) match the unnamed values together as "Data"
  if (unnamed.length) put(data, 'Data', unnamed.join('\n'));
}

function leaves(e: XElement, data: DataMap): void {
  const kids = elements(e.children);
  for (const a of e.attrs) {
    const n = leafAttrName(e.name, a.name);
    if (n !== undefined) put(data, n, a.value);
  }
  if (kids.length === 0) {
    put(data, e.name, textOf(e));
    return;
  }
  for (const k of kids) leaves(k, data);
}

/** Flat fields of an <Event> tree (the nodes of one record). */
export function eventFields(nodes: XNode[]): DataMap {
  const data = newDataMap();
  const event = elements(nodes)[0];
  if (!event) return data;
  const sections = elements(event.children);
  for (const s of sections) if (s.name === 'System') system(s, data);
  for (const s of sections) {
    const kind = sectionOf(s.name);
    if (kind === Section.System) continue;
    if (kind === Section.EventData) eventData(s, data);
    else if (kind === Section.Container) for (const k of elements(s.children)) leaves(k, data);
    else leaves(s, data);
  }
  return data;
}
