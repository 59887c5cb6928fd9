// The catch-all: any non-empty line of any text file becomes an event. LAST in the registry.
// Spec: none (best effort); time forms: src/core/time.ts parseLeadingTime; entities: ../extract/entities.ts
// Example: 2024-01-02 10:11:12 WARN Accepted connection from 10.0.0.5 port 5050 for user bob
// What it fills: ts (when the line starts with a known time form, optionally [bracketed]), alarm.sev (when a
// level word follows the time), message (the rest), and the entity lists data.ips/urls/domains/paths/users;
// init/target only where the text says "from <ip>"/"src=<ip>" or "to <ip>"/"dst=<ip>".
// Quirks: sniff is always a low positive score, so any specific parser that recognises the file wins;
// an empty (or whitespace-only) line is meta (skipped and counted), never an event.
import { err, ok } from '../../core/result.ts';
import { parseLeadingTime } from '../../core/time.ts';
import type { EventFields } from '../../core/schema.ts';
import type { TextParser } from '../types.ts';
import { extractEntities } from '../extract/entities.ts';

const LEVEL = /^[[(<]?(TRACE|DEBUG|INFO|NOTICE|WARN(?:ING)?|ERROR|ERR|CRIT(?:ICAL)?|FATAL|ALERT|EMERG(?:ENCY)?|SEVERE|VERBOSE)[\])>:]?(?=\s|$)\s*/i;
// a separator some writers put after the time: ",", " - ", " | ", ":"
const SEP = /^\s*(?:[,|:]|-(?=\s))?\s*/;

export const generic: TextParser = {
  kind: 'text',
  id: 'generic',
  title: 'Any text log (timestamp and entities, best effort)',
  version: '1',
  url: 'https://github.com/logdrop/logdrop/blob/main/src/parsers/formats/generic.ts',
  framing: 'line',
  patterns: ['time', 'no-time', 'level'],

  sniff(head) {
    return head.text.length > 0 ? 0.05 : 0.01;
  },

  isMeta(line) {
    return line.trim() === '';
  },

  parse(line, ctx) {
    if (line.trim() === '') return err('empty line');
    const ev: EventFields = { type: 'SYS' };
    let rest = line;
    const t = parseLeadingTime(line, ctx.years, ctx.time);
    if (t !== undefined) {
      ctx.hit?.('time');
      ev.ts = t.ts;
      ev['ts.raw'] = t.raw;
      ev['ts.guess'] = t.guess;
      rest = line.slice(t.end).replace(SEP, '');
      const lv = LEVEL.exec(rest);
      if (lv !== null) {
        ctx.hit?.('level');
        ev['alarm.sev'] = lv[1].toUpperCase();
        rest = rest.slice(lv[0].length);
      }
    } else ctx.hit?.('no-time');
    ev.message = rest.trim();
    extractEntities(line, ev);
    return ok(ev);
  },

  samples: [
    {
      input: '2024-01-02 10:11:12 (WARN) Accepted connection from 10.0.0.5 port 5050 for user bob',
      expect: {
        ts: Date.UTC(2024, 0, 2, 10, 11, 12), 'ts.guess': 'zone', 'alarm.sev': 'WARN', message: 'Accepted connection from 10.0.0.5 port 5050 for user bob',
        'init.host.ip': '10.0.0.5', 'init.host.port': 5050, 'data.ips': '10.0.0.5', 'data.users': 'bob',
      },
    },
    {
      input: 'WARNING:root:disk almost full on /var/lib/docker (see https://docs.example.org/disk)',
      expect: { message: 'WARNING:root:disk almost full on /var/lib/docker (see https://docs.example.org/disk)', 'data.paths': '/var/lib/docker', 'data.urls': 'https://docs.example.org/disk', 'data.domains': 'docs.example.org' },
    },
    {
      input: '[10/Oct/2000:13:55:36 -0700] copied C:\\Users\\bob\\secret.docx to 192.0.2.7:445',
      expect: { ts: Date.UTC(2000, 9, 10, 20, 55, 36), 'ts.guess': '', 'data.paths': 'C:\\Users\\bob\\secret.docx', 'target.host.ip': '192.0.2.7', 'target.host.port': 445 },
    },
    {
      input: 'something happened between 10.1.1.1 and 2001:db8::1 (version 6.1.7601.23505)',
      expect: { 'data.ips': '10.1.1.1,2001:db8::1', message: 'something happened between 10.1.1.1 and 2001:db8::1 (version 6.1.7601.23505)' },
    },
  ],
};
