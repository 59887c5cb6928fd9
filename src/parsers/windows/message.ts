// Message templates of the Windows table (events.ts `message`): '{x}' placeholders and '[optional parts]'.
// Reference: the table's header comment in events.ts. Example: 'Failed logon for {target.usr.name}[ from
// {init.host.ip}]' with no init.host.ip -> 'Failed logon for bob'. A template is split once (compileMessage);
// fillMessage, the regex version, stays the reference and the fallback for the odd cases.
import type { EventFields } from '../../core/schema.ts';
import { isFields, present, RecordFields, type WindowsFields } from './data.ts';

/** Whitespace that oneLine changes: anything but a single inner space. */
const NEEDS_SQUASH = /[^\S ]| {2}|^ | $/;

export function oneLine(s: string, max: number): string {
  // cut before collapsing whitespace: values can be whole scripts (4104) and this runs per event
  const head = s.length > max * 4 ? s.slice(0, max * 4) : s;
  const t = NEEDS_SQUASH.test(head) ? head.replace(/\s+/g, ' ').trim() : head;
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}

function placeholder(name: string, out: EventFields, data: WindowsFields): string {
  const v = Object.hasOwn(out, name) ? String(out[name]) : data.get(name);
  return present(v) ? oneLine(v, 200) : '';
}

/** Fills a message template: {x} placeholders, [optional parts] dropped when one of their placeholders is empty. */
export function fillMessage(template: string, out: EventFields, input: Record<string, string> | WindowsFields): string {
  const data = isFields(input) ? input : new RecordFields(input);
  const fill = (part: string): string | undefined => {
    let missing = false;
    const s = part.replace(/\{([^}]+)\}/g, (_m, name: string) => {
      const v = placeholder(name, out, data);
      if (v === '') missing = true;
      return v;
    });
    return missing ? undefined : s;
  };
  const text = template.replace(/\[([^\]]*)\]/g, (_m, part: string) => fill(part) ?? '');
  return oneLine(text.replace(/\{([^}]+)\}/g, (_m, name: string) => placeholder(name, out, data) || '?'), 500);
}

/**
 * A message template split once into parts: text, {placeholder}, [optional group of text and placeholders].
 * Even indexes of `texts`/`names` alternate text and placeholder names; a group is its own Message.
 */
export interface Message {
  /** literal texts; names[i] follows texts[i] ('' = none) */
  texts: string[];
  names: string[];
  /** groups[i], when set, replaces names[i] */
  groups: (Message | undefined)[];
}

/** undefined when the template has braces outside placeholders (then fillMessage does it the long way). */
export function compileMessage(template: string): Message | undefined {
  const msg: Message = { texts: [], names: [], groups: [] };
  const re = /\[([^\]]*)\]|\{([^}]+)\}/g;
  let last = 0;
  for (let m = re.exec(template); m; m = re.exec(template)) {
    msg.texts.push(template.slice(last, m.index));
    if (m[1] !== undefined) {
      const g = compilePlain(m[1]);
      if (!g) return undefined;
      msg.names.push('');
      msg.groups.push(g);
    } else {
      msg.names.push(m[2]);
      msg.groups.push(undefined);
    }
    last = re.lastIndex;
  }
  msg.texts.push(template.slice(last));
  msg.names.push('');
  msg.groups.push(undefined);
  return msg.texts.some((t) => /[{}[\]]/.test(t)) ? undefined : msg;
}

function compilePlain(part: string): Message | undefined {
  const msg: Message = { texts: [], names: [], groups: [] };
  const re = /\{([^}]+)\}/g;
  let last = 0;
  for (let m = re.exec(part); m; m = re.exec(part)) {
    msg.texts.push(part.slice(last, m.index));
    msg.names.push(m[1]);
    msg.groups.push(undefined);
    last = re.lastIndex;
  }
  msg.texts.push(part.slice(last));
  msg.names.push('');
  msg.groups.push(undefined);
  return msg.texts.some((t) => /[{}]/.test(t)) ? undefined : msg;
}

/** A group's text, or undefined when one of its placeholders is empty. */
function fillGroup(g: Message, out: EventFields, data: WindowsFields): string | undefined {
  let s = '';
  for (let i = 0; i < g.texts.length; i++) {
    s += g.texts[i];
    const name = g.names[i];
    if (name === '') continue;
    const v = placeholder(name, out, data);
    if (v === '') return undefined;
    s += v;
  }
  return s;
}

/** fillMessage with a compiled template; the long way when a filled group holds braces (they would be re-read). */
export function fillCompiled(template: string, msg: Message | undefined, out: EventFields, data: WindowsFields): string {
  if (msg === undefined) return fillMessage(template, out, data);
  let s = '';
  for (let i = 0; i < msg.texts.length; i++) {
    s += msg.texts[i];
    const g = msg.groups[i];
    if (g !== undefined) {
      const t = fillGroup(g, out, data);
      if (t === undefined) continue;
      if (t.includes('{') || t.includes('}')) return fillMessage(template, out, data);
      s += t;
    } else if (msg.names[i] !== '') s += placeholder(msg.names[i], out, data) || '?';
  }
  return oneLine(s, 500);
}
