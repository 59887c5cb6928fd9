// Pipe-delimited records whose first field is a timestamp: HIDS/agent exports, HealthApp-style app logs.
// Spec: none (a family of ad-hoc exports); examples from a HIDS export and loghub HealthApp
// Example: 2013-09-21 14:40:02 -0700|mypc-WIN7||4437|The process C:\Windows\System32\svchost.exe was started
// Fields are kept by position (data.field2 … data.fieldN; field 1 is the time); the last non-empty field is
// the message. Only unambiguous meanings are mapped: a second field that looks like a host name (letters,
// digits, '-', '.', with a '-' or '.' or upper-case letters, not all digits) is obs.host.name when the record
// has 4 or more fields (HIDS layout: time|host|user|id|text). The HIDS/antivirus form analysts describe,
// time|host|ip|signature id|action|description, is read by the shapes of the fields between the host and the
// message: an IP -> obs.host.ip (the host the agent watches, as the host name), a number or id like "SID-5710"
// -> rule.id, an action word (blocked, allowed, quarantined, ...) -> action and outcome; nothing else is guessed.
// Quirks: empty fields (||) are kept empty; a '|' inside the message is rejoined (only the first N-1 split).
import { err, ok } from '../../core/result.ts';
import { parseLeadingTime } from '../../core/time.ts';
import type { EventFields } from '../../core/schema.ts';
import type { TextParser } from '../types.ts';
import { extractEntities } from '../extract/entities.ts';
import { shareOfLines, sniffTime } from '../sniff.ts';
import { isIP } from '../../core/ip.ts';
import { outcomeOf } from '../extract/devicePrefix.ts';

const SIGNATURE = /^(?:[A-Za-z]{1,8}[-:]?)?\d{1,10}(?:[:.]\d{1,6})?$/;
const ACTION = /^(?:allow(?:ed)?|accept(?:ed)?|pass(?:ed)?|permit(?:ted)?|block(?:ed)?|den(?:y|ied)|drop(?:ped)?|reject(?:ed)?|reset|quarantined?|clean(?:ed)?|delete(?:d)?|removed|detect(?:ed)?|alert(?:ed)?|log(?:ged)?|monitor(?:ed)?)$/i;
const HOSTISH = /^(?=.*[A-Za-z])(?=.*[-.A-Z])[A-Za-z0-9][A-Za-z0-9.-]{0,252}$/;

/** Splits on '|' into at most `max` fields (the last one keeps any further '|'). */
function split(line: string, max: number): string[] {
  const out: string[] = [];
  let start = 0;
  for (let i = 0; i < line.length && out.length < max - 1; i++) {
    if (line.charCodeAt(i) === 124) {
      out.push(line.slice(start, i));
      start = i + 1;
    }
  }
  out.push(line.slice(start));
  return out;
}

/** time|host|ip|signature|action|text: the fields between the host and the message, by their shapes. */
function hidsRoles(fields: string[], msg: string, ev: EventFields, hit?: (p: string) => void): void {
  const last = fields.lastIndexOf(msg);
  for (let i = 1; i < last; i++) {
    const f = fields[i].trim();
    if (f === '') continue;
    if (isIP(f)) {
      if (ev['obs.host.ip'] === undefined) ev['obs.host.ip'] = f;
    } else if (ACTION.test(f)) {
      if (ev.action !== undefined) continue;
      ev.action = f.toLowerCase();
      const o = outcomeOf(f) ?? (/^(?:removed|quarantine)$/i.test(f) ? 'failure' : undefined);
      if (o !== undefined) ev.outcome = o;
    } else if (i >= 2 && SIGNATURE.test(f) && ev['rule.id'] === undefined) ev['rule.id'] = f;
  }
  if (ev.action !== undefined && ev['rule.id'] !== undefined) {
    hit?.('hids');
    ev.type = 'IDS';
    // a plain lower-case name ("web01") is a host name in this layout, where the IP of the same host follows it
    if (ev['obs.host.name'] === undefined && /^(?=.*[A-Za-z])[A-Za-z0-9][A-Za-z0-9.-]{0,252}$/.test(fields[1])) ev['obs.host.name'] = fields[1];
  }
}

export const pipe: TextParser = {
  kind: 'text',
  id: 'pipe',
  title: 'Pipe-delimited records with a leading timestamp',
  version: '1',
  url: 'https://github.com/logpai/loghub/tree/master/HealthApp',
  framing: 'line',
  patterns: ['record', 'host', 'hids'],

  sniff(head) {
    const { settings, years } = sniffTime();
    return shareOfLines(head, (l) => {
      const bar = l.indexOf('|');
      if (bar < 0 || l.split('|').length < 3) return false;
      const t = parseLeadingTime(l.slice(0, bar), years, settings);
      return t !== undefined && t.end === bar;
    }) * 0.8;
  },

  parse(line, ctx) {
    const bar = line.indexOf('|');
    if (bar < 0) return err('no "|" in the line');
    const t = parseLeadingTime(line.slice(0, bar), ctx.years, ctx.time);
    if (t === undefined || t.end !== bar) return err('the first "|" field is not a timestamp');
    ctx.hit?.('record');
    // the first record fixes the field count, so a '|' inside a later message stays in the message
    const seen = ctx.state.get('pipe.fields');
    const max = typeof seen === 'number' ? seen : line.split('|').length;
    if (seen === undefined) ctx.state.set('pipe.fields', max);
    const fields = split(line, Math.max(max, 2));
    const ev: EventFields = { ts: t.ts, 'ts.raw': t.raw, 'ts.guess': t.guess, type: 'SYS' };
    for (let i = 1; i < fields.length; i++) ev[`data.field${i + 1}`] = fields[i];
    let msg = '';
    for (let i = fields.length - 1; i >= 1; i--) if (fields[i].trim() !== '') { msg = fields[i]; break; }
    ev.message = msg;
    if (fields.length >= 4 && HOSTISH.test(fields[1])) {
      ctx.hit?.('host');
      ev['obs.host.name'] = fields[1];
    }
    if (fields.length >= 5) hidsRoles(fields, msg, ev, ctx.hit);
    extractEntities(msg, ev);
    return ok(ev);
  },

  samples: [
    {
      input: '2024-03-02 08:14:01|web01|10.0.0.5|5710|blocked|Attempt to login using a non-existent user from 203.0.113.9',
      expect: {
        ts: Date.UTC(2024, 2, 2, 8, 14, 1), type: 'IDS', 'obs.host.name': 'web01', 'obs.host.ip': '10.0.0.5', 'rule.id': '5710', action: 'blocked', outcome: 'failure',
        message: 'Attempt to login using a non-existent user from 203.0.113.9', 'init.host.ip': '203.0.113.9',
      },
    },
    {
      input: '2013-09-21 14:40:02 -0700|mypc-WIN7||4437|The process C:\\Windows\\System32\\svchost.exe was started',
      expect: {
        ts: Date.UTC(2013, 8, 21, 21, 40, 2), 'ts.guess': '', 'obs.host.name': 'mypc-WIN7', 'data.field3': '', 'data.field4': '4437',
        message: 'The process C:\\Windows\\System32\\svchost.exe was started', 'data.paths': 'C:\\Windows\\System32\\svchost.exe',
      },
    },
    {
      input: '20171223-22:15:29:606|Step_LSC|30002312|onStandStepChanged 3579',
      expect: { ts: Date.UTC(2017, 11, 23, 22, 15, 29, 606), 'data.field2': 'Step_LSC', 'data.field3': '30002312', message: 'onStandStepChanged 3579' },
    },
  ],
};
