// Test helper (evtx-digest.test.ts): one SHA-256 over everything the evtx parser reports for the whole corpus (raw XML, every field
// with its type, unparsed records, issues), plus the same for deterministically damaged copies of each file
// (bytes flipped inside the records) so the error paths are covered too. Field keys are sorted: the digest
// pins values, not the insertion order of the event object.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { EventFields } from '../../src/core/schema.ts';
import { YearGuesser } from '../../src/core/time.ts';
import type { BinaryParser, ParseContext } from '../../src/parsers/types.ts';
import { corpusPath, listCorpus } from '../harness/corpus.ts';
import { UTC } from '../harness/parsers.ts';

function fieldsLine(f: EventFields): string {
  const keys = Object.keys(f).sort();
  let s = '';
  for (const k of keys) s += `${JSON.stringify(k)}:${typeof f[k]}:${JSON.stringify(f[k])}\u0001`;
  return s;
}

/** xorshift32 flips: `n` bytes past the file header, seeded, so a failure can be replayed. */
export function damage(bytes: Uint8Array, seed: number, n: number): Uint8Array {
  const out = bytes.slice();
  let x = seed >>> 0 || 1;
  for (let i = 0; i < n; i++) {
    x ^= x << 13; x >>>= 0; x ^= x >>> 17; x ^= x << 5; x >>>= 0;
    const at = 4096 + 512 + (x % Math.max(1, out.length - 4096 - 512));
    x ^= x << 13; x >>>= 0; x ^= x >>> 17; x ^= x << 5; x >>>= 0;
    if (at < out.length) out[at] ^= (x & 0xff) | 1;
  }
  return out;
}

async function feed(parser: BinaryParser, bytes: Uint8Array, file: string, h: ReturnType<typeof createHash>): Promise<number> {
  const time = UTC;
  const ctx: ParseContext = { file, time, years: new YearGuesser(time), state: new Map() };
  async function* pieces(): AsyncIterable<Uint8Array> {
    for (let i = 0; i < bytes.length; i += 1 << 20) yield bytes.subarray(i, Math.min(bytes.length, i + (1 << 20)));
  }
  let n = 0;
  await parser.parseBytes(pieces(), ctx, {
    event: (fields, raw, ordinal, offset) => { n++; h.update(`E${ordinal}@${offset}\n${raw}\n${fieldsLine(fields)}\n`); },
    unparsed: (raw, ordinal, offset, reason) => { n++; h.update(`U${ordinal}@${offset}\n${raw}\n${reason}\n`); },
    issue: (offset, reason) => { h.update(`I${offset}\n${reason}\n`); },
  });
  return n;
}

export async function corpusDigest(parser: BinaryParser): Promise<{ clean: string; damaged: string; records: number }> {
  const files = listCorpus('.', (p) => p.endsWith('.evtx'));
  const clean = createHash('sha256');
  const damaged = createHash('sha256');
  let records = 0;
  for (const rel of files) {
    const bytes = new Uint8Array(readFileSync(corpusPath(rel)));
    clean.update(`F${rel}\n`);
    records += await feed(parser, bytes, rel, clean);
    for (let seed = 1; seed <= 6; seed++) {
      damaged.update(`F${rel}#${seed}\n`);
      await feed(parser, damage(bytes, seed * 7919 + rel.length, seed * 3), rel, damaged);
    }
  }
  return { clean: clean.digest('hex'), damaged: damaged.digest('hex'), records };
}
