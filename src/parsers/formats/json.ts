// Generic JSON: any JSON object per record (JSON lines, pretty-printed, arrays) that no specific parser
// claimed. LAST of the JSON parsers in the registry.
// Reference: https://www.rfc-editor.org/rfc/rfc8259, https://jsonlines.org/
// Example: {"time":"2024-10-17T12:00:00Z","level":"warn","msg":"disk almost full","host":"db1","disk":{"free_pct":4}}
//   -> ts, alarm.sev=warn, message="disk almost full", obs.host.name=db1, data.disk.free_pct=4
// Every key is kept flattened under data.<dotted.path> (arrays as JSON text); the time, message and common
// keys (src_ip, user, host, ...) are discovered by name (extract/common.ts). Nesting deeper than
// MAX_FLATTEN_DEPTH stays as JSON text, so a 10,000-level value cannot overflow the stack.
import { ok } from '../../core/result.ts';
import type { TextParser } from '../types.ts';
import { flattenInto, parseJsonObject, sniffJson } from '../extract/json.ts';
import { applyCommonKeys } from '../extract/common.ts';
import { KeyMemo } from '../extract/keyLayout.ts';
import { JsonShapes } from '../extract/jsonShape.ts';

/** ctx.state key of the file's learned record shapes */
const SHAPES = 'json.shapes';

/** 'data.process.name' -> 'process.name', once per distinct field name */
const shortKey = new KeyMemo((name) => name.slice(5));

export const json: TextParser = {
  kind: 'text',
  id: 'json',
  title: 'JSON (generic: JSON lines, arrays, pretty-printed)',
  version: '1',
  url: 'https://www.rfc-editor.org/rfc/rfc8259',
  framing: 'json',
  patterns: ['time', 'no-time'],

  sniff(head) {
    const s = sniffJson(head);
    return s.total === 0 ? 0 : (s.objects.length / s.total) * 0.5;
  },

  parse(record, ctx) {
    const parsed = parseJsonObject(record);
    if (!parsed.ok) return parsed;
    // most files repeat a few record shapes: each learned once per file (extract/jsonShape.ts)
    let shapes = ctx.state.get(SHAPES) as JsonShapes | undefined;
    if (shapes === undefined) ctx.state.set(SHAPES, shapes = new JsonShapes());
    let ev = shapes.read(parsed.value, ctx.time);
    if (ev === undefined) {
      ev = {};
      flattenInto(ev, 'data.', parsed.value);
      const entries: [string, string][] = [];
      for (const k of Object.keys(ev)) entries.push([shortKey.get(k), String(ev[k])]);
      applyCommonKeys(ev, entries, ctx.time);
    }
    ctx.hit?.(ev.ts === undefined ? 'no-time' : 'time');
    return ok(ev);
  },

  samples: [
    {
      // Go log/slog JSONHandler style application log
      input: '{"time":"2024-10-17T12:00:00.250Z","level":"warn","msg":"disk almost full","host":"db1","disk":{"free_pct":4,"mounts":["/","/var"]}}',
      expect: {
        ts: Date.UTC(2024, 9, 17, 12, 0, 0, 250), 'alarm.sev': 'warn', message: 'disk almost full', 'obs.host.name': 'db1',
        'data.disk.free_pct': '4', 'data.disk.mounts': '["/","/var"]',
      },
    },
    {
      // Docker json-file driver log line (nanosecond time)
      input: '{"log":"192.168.1.5 - - \\"GET / HTTP/1.1\\" 200 612\\n","stream":"stdout","time":"2019-05-22T09:54:21.263541234Z"}',
      expect: { 'ts.raw': '2019-05-22T09:54:21.263541234Z', message: '192.168.1.5 - - "GET / HTTP/1.1" 200 612\n', 'data.stream': 'stdout' },
    },
    {
      input: '{"src_ip":"203.0.113.9","src_port":"51515","user":"alice","outcome":"FAILED","event":"login"}',
      expect: { 'init.host.ip': '203.0.113.9', 'init.host.port': 51515, 'target.usr.name': 'alice', outcome: 'failure', 'data.event': 'login' },
    },
  ],
};
