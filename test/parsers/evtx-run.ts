// Test helper: runs the evtx parser over bytes (in pieces of a chosen size) and collects what it reports.
import type { EventFields } from '../../src/core/schema.ts';
import { YearGuesser } from '../../src/core/time.ts';
import { evtx } from '../../src/parsers/formats/evtx.ts';
import type { ParseContext } from '../../src/parsers/types.ts';
import { UTC } from '../harness/parsers.ts';

export interface Collected {
  events: { fields: EventFields; raw: string; ordinal: number; offset: number }[];
  unparsed: { raw: string; ordinal: number; offset: number; reason: string }[];
  issues: { offset: number; reason: string }[];
}

export async function runEvtx(bytes: Uint8Array, pieceSize = 1 << 20, file = 'test.evtx'): Promise<Collected> {
  const out: Collected = { events: [], unparsed: [], issues: [] };
  const time = UTC;
  const ctx: ParseContext = { file, time, years: new YearGuesser(time), state: new Map() };
  async function* pieces(): AsyncIterable<Uint8Array> {
    for (let i = 0; i < bytes.length; i += pieceSize) yield bytes.subarray(i, Math.min(bytes.length, i + pieceSize));
  }
  await evtx.parseBytes(pieces(), ctx, {
    event: (fields, raw, ordinal, offset) => out.events.push({ fields, raw, ordinal, offset }),
    unparsed: (raw, ordinal, offset, reason) => out.unparsed.push({ raw, ordinal, offset, reason }),
    issue: (offset, reason) => out.issues.push({ offset, reason }),
  });
  return out;
}
