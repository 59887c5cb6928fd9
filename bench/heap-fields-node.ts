// `node --expose-gc --import tsx bench/heap-fields-node.ts [windows|linux]`: what the query index's bytes per
// event are made of, field group by field group. The case is loaded as bench/heap-node.ts loads it, then each
// group's fields are dropped from the index in turn and a full GC says how many bytes they held (counts, not
// timings: stable on a loaded machine). The groups: raw, message, other text, data.* keyword fields (split by
// how many distinct values they hold per event), the other keyword fields, numbers, and what remains
// (time order, chunk list, derived fields) after every field is gone. BENCH_BUILT (builtAs.ts): how chunks are built.
// BENCH_KEEP_CHARS=N: long raw text the case keeps as bytes before it deflates (textBlocks.ts keepChars; 0: what
// every event past the default 64 Mi characters costs).
import { readFileSync } from 'node:fs';
import { authLog, evtxFile } from './generate.ts';
import { ingestFile } from '../src/workers/ingest/ingestFile.ts';
import { byteSource } from './byteSource.ts';
import { DEFAULT_DEFLATE_LIMITS, deflatesSettled, setDeflateLimits } from '../src/workers/query/textBlocks.ts';
import { requireGc, usedAfterGc } from './heapBytes.ts';
import { createQueryEngine } from '../src/workers/query/engine.ts';
import { builtAs, builtPath } from './builtAs.ts';
import type { Field } from '../src/workers/query/fields.ts';


/** The group a field's bytes are counted in. */
function groupOf(name: string, f: Field, rows: number): string {
  if (f.kind === 'text') return name === 'raw' ? 'raw (text)' : name === 'message' ? 'message (text)' : 'other text';
  if (f.kind === 'num') return 'numbers';
  const distinct = f.values.length / Math.max(1, f.present);
  const share = f.present / rows;
  const prefix = name.startsWith('data.') ? 'data.*' : 'other keyword';
  return `${prefix} ${distinct > 0.5 ? 'mostly distinct' : 'repeating'}, ${share > 1 / 3 ? 'common' : 'rare'}`;
}

async function main(): Promise<void> {
  requireGc();
  if (process.env.BENCH_KEEP_CHARS !== undefined) setDeflateLimits({ ...DEFAULT_DEFLATE_LIMITS, keepChars: Number(process.env.BENCH_KEEP_CHARS) });
  const which = process.argv[2] ?? 'windows';
  const path = which === 'linux' ? await authLog(Number(process.env.BENCH_LINES ?? 200_000)) : evtxFile(100_000).path;
  const bytes: Uint8Array = readFileSync(path); // not copied: a dropped copy is freed from the array-buffer count only later
  const before = usedAfterGc();
  const q = createQueryEngine();
  let events = 0;
  const built = builtAs();
  const via = builtPath(built, q.index);
  await ingestFile(byteSource(path, bytes), { templates: true, ...via.options }, (chunk) => {
    events += chunk.count;
    q.addChunk(via.resolve(chunk));
  });
  via.end();
  await deflatesSettled(); // long raw text is deflated after each chunk (query/textBlocks.ts)
  const total = usedAfterGc() - before;
  if (bytes.length === -1) console.log('unreachable'); // the file's bytes stay held until measured (counted in before)
  const index = q.index;
  // the index keeps its fields in a private map: the bench reaches in to drop them (no API deletes a field)
  const fieldMap = (index as unknown as { fieldMap: Map<string, Field> }).fieldMap;
  const groups = new Map<string, string[]>();
  for (const [name, f] of fieldMap) {
    const g = groupOf(name, f, events);
    groups.set(g, [...(groups.get(g) ?? []), name]);
  }
  console.log(`${which} (chunks built as ${built}: BENCH_BUILT): ${events.toLocaleString('en-US')} events, ${fieldMap.size} fields; index ${(total / events).toFixed(0)} B/event (heap + array buffers after GC)`);
  console.log('group | fields | B/event | largest fields (B/event)');
  let rest = usedAfterGc();
  for (const [g, names] of [...groups].sort((a, b) => a[0].localeCompare(b[0]))) {
    const per: [string, number][] = [];
    for (const name of names) {
      fieldMap.delete(name);
      const now = usedAfterGc();
      per.push([name, (rest - now) / events]);
      rest = now;
    }
    const sum = per.reduce((n, [, b]) => n + b, 0);
    per.sort((a, b) => b[1] - a[1]);
    console.log(`${g} | ${names.length} | ${sum.toFixed(0)} | ${per.slice(0, 6).map(([n, b]) => `${n} ${b.toFixed(0)}`).join(', ')}`);
  }
  console.log(`what remains without any field (time order, chunk list, engine state) | | ${((rest - before) / events).toFixed(0)} |`);
  if (index.rowCount === -1) console.log('unreachable'); // keeps the index alive until measured
}

void main();
