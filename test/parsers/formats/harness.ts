// Test helpers for text parsers: a default context, sample checks, and a whole file through framing + parse
// (the same steps ingest takes, minus decoding and storage).
import { expect } from 'vitest';
import { YearGuesser, type TimeSettings } from '../../../src/core/time.ts';
import type { EventFields } from '../../../src/core/schema.ts';
import { createFramer } from '../../../src/parsers/framing/index.ts';
import type { Head, ParseContext, TextParser } from '../../../src/parsers/types.ts';
import { PARSERS } from '../../../src/parsers/index.ts';

export function makeCtx(file = 'test.log', hits?: Set<string>): ParseContext {
  const time: TimeSettings = { tzOffsetMinutes: 0, referenceMs: Date.UTC(2024, 5, 1) };
  return { file, time, years: new YearGuesser(time), state: new Map(), hit: hits ? (p) => hits.add(p) : undefined };
}

/** Every sample parses to (a superset of) its expect; every declared pattern is hit by some sample. */
export function checkSamples(parser: TextParser): void {
  const hits = new Set<string>();
  for (const s of parser.samples) {
    const ctx = makeCtx('sample', hits);
    // stateful formats (CSV, Zeek TSV): the sample's header lines come first in the same record list
    const recs = frameAll(parser, s.input);
    let last: EventFields | undefined;
    for (const r of recs) {
      if (parser.isMeta?.(r.text, ctx)) continue;
      const res = parser.parse(r.text, ctx);
      expect(res, `sample ${s.input.slice(0, 80)}`).toMatchObject({ ok: true });
      if (res.ok) last = res.value;
    }
    expect(last, s.input.slice(0, 80)).toMatchObject(s.expect);
  }
  for (const p of parser.patterns ?? []) expect(hits, `pattern ${p}`).toContain(p);
}

export interface Rec { text: string; line: number; offset: number }

export function frameAll(parser: TextParser, text: string): Rec[] {
  const framer = createFramer(parser.framing);
  const out: Rec[] = [];
  const emit = (t: string, line: number, offset: number) => { out.push({ text: t, line, offset }); };
  const lines = text.split('\n');
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  let offset = 0;
  lines.forEach((l, i) => {
    framer.line(l.endsWith('\r') ? l.slice(0, -1) : l, i + 1, offset, emit);
    offset += Buffer.byteLength(l) + 1;
  });
  framer.end(emit);
  return out;
}

export interface FileResult { events: EventFields[]; unparsed: { text: string; error: string }[]; meta: number }

export function parseFile(parser: TextParser, text: string, file = 'file'): FileResult {
  const ctx = makeCtx(file);
  const res: FileResult = { events: [], unparsed: [], meta: 0 };
  for (const r of frameAll(parser, text)) {
    if (parser.isMeta?.(r.text, ctx)) { res.meta++; continue; }
    const p = parser.parse(r.text, ctx);
    if (p.ok) res.events.push(p.value);
    else res.unparsed.push({ text: r.text, error: p.error });
  }
  return res;
}

/** A Head as ingest builds it: the first 64 KiB, decoded, and its first complete lines. */
export function makeHead(bytes: Uint8Array, name = ''): Head {
  const head = bytes.subarray(0, 65536);
  let text = new TextDecoder('utf-8').decode(head);
  if (head[0] === 0xff && head[1] === 0xfe) text = new TextDecoder('utf-16le').decode(head);
  const parts = text.split(/\r?\n/);
  if (bytes.length > head.length) parts.pop(); // the last line may be cut
  return { name, bytes: head, text, lines: parts.slice(0, 50) };
}

/** The parser content sniffing picks: the best score over PARSERS, earlier wins ties. */
export function bestParser(head: Head): { id: string; score: number } {
  let best = { id: '', score: -1 };
  for (const p of PARSERS) {
    const s = p.sniff(head);
    if (s > best.score) best = { id: p.id, score: s };
  }
  return best;
}
