// Shared helpers of the JSON parsers: parse and narrow a record, read dotted paths safely, flatten to
// data.* with a depth cap, serialize without recursion, read timestamps, and sniff a file's first records.
// Reference: https://www.rfc-editor.org/rfc/rfc8259
// Example: {"id":{"orig_h":"10.0.0.1"},"tags":["a","b"]} -> data.id.orig_h=10.0.0.1, data.tags=["a","b"]
// Why: JSON.parse results are `unknown` and keys are log text: reads go through own properties only, so a
// key named "constructor" or "__proto__" is data, never Object.prototype. V8's JSON.parse copes with 10,000
// nested levels but JSON.stringify and recursive walks do not: flattening stops at MAX_FLATTEN_DEPTH and the
// rest is serialized by stringifySafe(), which uses an explicit stack.
import { err, ok, type Result } from '../../core/result.ts';
import type { EventFields } from '../../core/schema.ts';
import { parseIsoTime, type TimeResult, type TimeSettings } from '../../core/time.ts';
import { createJsonFramer } from '../framing/json.ts';
import type { Head, ParseContext } from '../types.ts';
import { KeyLayout } from './keyLayout.ts';

export type JsonObject = Record<string, unknown>;

export const MAX_FLATTEN_DEPTH = 12;

export function isObject(v: unknown): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A record's text -> its top-level object, or why not. */
export function parseJsonObject(text: string): Result<JsonObject> {
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch (e) {
    return err(`invalid JSON: ${e instanceof Error ? e.message : String(e)}`);
  }
  return isObject(v) ? ok(v) : err(`expected a JSON object, found ${Array.isArray(v) ? 'an array' : typeof v}`);
}

/**
 * parse() of a JSON-record format: opens the record (invalid JSON or not an object -> unparsed with why),
 * checks it is one of the format's objects (`is`, else unparsed with `notOne`), then reads it.
 */
export function parseJsonRecord(
  is: (o: JsonObject) => boolean, notOne: string, read: (o: JsonObject, ctx: ParseContext) => Result<EventFields>,
): (record: string, ctx: ParseContext) => Result<EventFields> {
  return (record, ctx) => {
    const parsed = parseJsonObject(record);
    if (!parsed.ok) return parsed;
    return is(parsed.value) ? read(parsed.value, ctx) : err(notOne);
  };
}

/** Own property only: a missing "constructor" key is undefined, not Object. */
export function own(o: unknown, key: string): unknown {
  return isObject(o) && Object.hasOwn(o, key) ? o[key] : undefined;
}

/** Reads a dotted path of own properties ("winlog.event_data"). */
export function getPath(o: unknown, path: string): unknown {
  let cur = o;
  for (const k of path.split('.')) {
    cur = own(cur, k);
    if (cur === undefined) return undefined;
  }
  return cur;
}

/** A scalar as text (numbers and booleans too); objects, arrays and null give undefined. */
export function text(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') return String(v);
  return undefined;
}

/** First path of `paths` holding a scalar, as text. */
export function firstText(o: unknown, paths: readonly string[]): string | undefined {
  for (const p of paths) {
    const t = text(getPath(o, p));
    if (t !== undefined && t !== '') return t;
  }
  return undefined;
}

/** JSON text of any value with an explicit stack (JSON.stringify overflows near 10,000 levels). */
export function stringifySafe(root: unknown): string {
  const out: string[] = [];
  const stack: { entries: [string | null, unknown][]; i: number; close: string }[] = [];
  const open = (v: unknown) => {
    if (Array.isArray(v)) {
      out.push('[');
      stack.push({ entries: v.map((x): [null, unknown] => [null, x]), i: 0, close: ']' });
    } else if (isObject(v)) {
      out.push('{');
      stack.push({ entries: Object.keys(v).map((k): [string, unknown] => [k, v[k]]), i: 0, close: '}' });
    } else {
      out.push(JSON.stringify(v) ?? 'null');
    }
  };
  open(root);
  while (stack.length > 0) {
    const f = stack[stack.length - 1];
    if (f.i === f.entries.length) { out.push(f.close); stack.pop(); continue; }
    const [k, v] = f.entries[f.i];
    if (f.i > 0) out.push(',');
    f.i++;
    if (k !== null) out.push(JSON.stringify(k), ':');
    open(v);
  }
  return out.join('');
}

/**
 * Every key of `o` into `ev` as `${prefix}${dotted.path}`: scalars as text, arrays as JSON text, null skipped,
 * objects below `maxDepth` levels as JSON text. Recursion is bounded by maxDepth.
 */
export function flattenInto(ev: EventFields, prefix: string, o: JsonObject, maxDepth = MAX_FLATTEN_DEPTH): void {
  flattenLaidOut(ev, layoutOf(prefix), o, maxDepth);
}

// one learned layout per prefix the parsers use ('data.'); a few literals, so the map stays tiny
const layouts = new Map<string, KeyLayout>();
function layoutOf(prefix: string): KeyLayout {
  let l = layouts.get(prefix);
  if (l === undefined) {
    l = new KeyLayout(prefix);
    if (layouts.size < 64) layouts.set(prefix, l);
  }
  return l;
}

function flattenLaidOut(ev: EventFields, layout: KeyLayout, o: JsonObject, maxDepth: number): void {
  for (const k of Object.keys(o)) {
    const v = o[k];
    if (v === null || v === undefined) continue;
    if (Array.isArray(v)) ev[layout.name(k)] = stringifySafe(v);
    else if (isObject(v)) {
      if (maxDepth > 1) flattenLaidOut(ev, layout.child(k), v, maxDepth - 1);
      else ev[layout.name(k)] = stringifySafe(v);
    } else ev[layout.name(k)] = text(v) ?? '';
  }
}

/** Epoch number in s, ms, µs or ns (told apart by magnitude) -> ms. */
export function epochToMs(n: number): number | undefined {
  if (!Number.isFinite(n) || n <= 0) return undefined;
  if (n >= 1e17) return n / 1e6; // ns
  if (n >= 1e14) return n / 1e3; // µs (journald __REALTIME_TIMESTAMP)
  if (n >= 1e11) return n; // ms
  if (n >= 1e8) return n * 1000; // s (Zeek ts, with fractions)
  return undefined;
}

/** A JSON timestamp value (ISO text, epoch number or numeric text) -> time, or undefined. */
export function timeOf(v: unknown, settings: TimeSettings): (TimeResult & { raw: string }) | undefined {
  if (typeof v === 'number') {
    const ms = epochToMs(v);
    return ms === undefined ? undefined : { ts: ms, guess: '', raw: String(v) };
  }
  if (typeof v !== 'string' || v === '') return undefined;
  if (/^\d{9,19}(\.\d+)?$/.test(v)) {
    const ms = epochToMs(Number(v));
    return ms === undefined ? undefined : { ts: ms, guess: '', raw: v };
  }
  const t = parseIsoTime(v, settings);
  return t === undefined ? undefined : { ts: t.ts, guess: t.guess, raw: v };
}

/** Sets ts, ts.raw and ts.guess from the first path that holds a readable time; true when one did. */
export function setTime(ev: EventFields, o: unknown, paths: readonly string[], settings: TimeSettings): boolean {
  for (const p of paths) {
    const t = timeOf(getPath(o, p), settings);
    if (t === undefined) continue;
    ev.ts = t.ts;
    ev['ts.raw'] = t.raw;
    if (t.guess !== '') ev['ts.guess'] = t.guess;
    return true;
  }
  return false;
}

export interface JsonSniff {
  /** records framed from the head (the last may be cut by the 64 KiB limit) */
  total: number;
  /** those that parsed to an object */
  objects: JsonObject[];
}

const SNIFF_RECORDS = 20;
const sniffCache = new WeakMap<Head, JsonSniff>();

/** The first records of a file as the JSON framer cuts them, parsed (computed once per head). */
export function sniffJson(head: Head): JsonSniff {
  const cached = sniffCache.get(head);
  if (cached !== undefined) return cached;
  const first = head.text.trimStart()[0];
  const res: JsonSniff = { total: 0, objects: [] };
  if (first === '{' || first === '[') {
    const recs: string[] = [];
    const framer = createJsonFramer();
    const emit = (t: string) => { recs.push(t); };
    const lines = head.text.split('\n');
    for (let i = 0; i < lines.length && recs.length < SNIFF_RECORDS; i++) framer.line(lines[i], i + 1, 0, emit);
    if (recs.length < SNIFF_RECORDS) framer.end(emit);
    for (const r of recs.slice(0, SNIFF_RECORDS)) {
      res.total++;
      const o = parseJsonObject(r);
      if (o.ok) res.objects.push(o.value);
    }
    // the last record may be cut by the head limit: do not count it against the file
    if (res.total > res.objects.length && res.total > 1) res.total--;
  }
  sniffCache.set(head, res);
  return res;
}

/** Share of the head's records that parse and satisfy `test` (0 when the head holds no JSON objects). */
export function jsonShare(head: Head, test: (o: JsonObject) => boolean): number {
  const s = sniffJson(head);
  if (s.objects.length === 0) return 0;
  return s.objects.filter(test).length / s.total;
}
