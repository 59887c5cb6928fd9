// TEMPLATE for a new parser: copy this file to formats/<id>.ts, rename the export, register it in
// parsers/index.ts at its place in the order (specific formats first), and replace the example format with
// yours. Files whose name starts with '_' are templates: never registered, but test/parsers/registry.test.ts
// checks them against the contract like any parser, so this one stays a working starting point.
//
// The header says what a reader needs (keep these five lines in your copy):
// <Format name> (<who writes it>): one record per <line | JSON value | <Event> | CSV row>.
// Spec (or best public description): <https://...>
// Example: 2024-03-01T10:00:00Z web01 backup[311]: finished job nightly in 42 s
// Roles: <which fields are the initiator (init.*) and which the target (target.*), or "none">.
// Quirks: <what real files do that the spec does not say: zones, encodings, odd lines>.
import { err, ok } from '../../core/result.ts';
import { parseIsoTime } from '../../core/time.ts';
import type { EventFields } from '../../core/schema.ts';
import type { TextParser } from '../types.ts';
import { shareOfLines } from '../sniff.ts';

//                 time (ISO 8601)   host      program   [pid]          message
const LINE = /^(\S+T\S+) (\S+) ([\w./-]+)(?:\[(\d+)\])?: (.*)$/;

export const template: TextParser = {
  kind: 'text',
  /** equals the file name (without .ts) */
  id: '_template',
  title: 'Template: ISO-time host program[pid]: message',
  /** bump when the events it produces change */
  version: '1',
  url: 'https://www.rfc-editor.org/rfc/rfc3339',
  /** line, json, xml-event or csv: how the file is cut into records before parse() */
  framing: 'line',
  /** names reported through ctx.hit; the registry test wants each one hit by a sample */
  patterns: ['line', 'pid'],

  /** 0..1 from the head only: high on a sure match so the generic parsers after it do not win */
  sniff(head) {
    return shareOfLines(head, LINE) * 0.8;
  },

  /** one record -> its fields or why not (Result, never a throw); raw, col.* and parser.* are added by the pipeline */
  parse(line, ctx) {
    const m = LINE.exec(line);
    if (m === null) return err('not a "time host program[pid]: message" line');
    ctx.hit?.('line');
    const t = parseIsoTime(m[1], ctx.time);
    if (t === undefined) return err(`invalid time "${m[1]}"`);
    const ev: EventFields = { ts: t.ts, 'ts.raw': m[1], type: 'SYS', 'obs.host.name': m[2], 'app.name': m[3], message: m[5] };
    if (t.guess !== '') ev['ts.guess'] = t.guess;
    if (m[4] !== undefined) {
      ctx.hit?.('pid');
      ev['obs.process.id'] = m[4];
    }
    return ok(ev);
  },

  /** real records (from a public log or the format's documentation), each with the fields it must give */
  samples: [
    {
      input: '2024-03-01T10:00:00Z web01 backup[311]: finished job nightly in 42 s',
      expect: { ts: Date.UTC(2024, 2, 1, 10), 'obs.host.name': 'web01', 'app.name': 'backup', 'obs.process.id': '311', message: 'finished job nightly in 42 s' },
    },
  ],
};
