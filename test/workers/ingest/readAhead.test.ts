// How far the reading of an archive runs ahead of the writes (issue 9 item 11, ingestBundle TAILS_BEHIND): far
// enough that one IndexedDB transaction can take a full group of small members (ledgerBatch.ts GROUP_MAX, 64),
// and no further (the chunks in flight stay bounded). With 16, the reading stopped after 17 members at every
// commit, and 10,000 two-line members took ~600 transactions' round trips.
import { describe, expect, it } from 'vitest';
import { zipSync } from 'fflate';
import { ingestBundle } from '../../../src/workers/ingest/ingestBundle.ts';
import type { WireChunk } from '../../../src/workers/chunk/packedDict.ts';
import { sourceFromBytes } from '../../harness/ingest.ts';
import { enc, syslogLines } from '../../reliability/helpers.ts';

const MEMBERS = 200;
const LINES = 2;

function zip(): Uint8Array {
  const files: Record<string, Uint8Array> = {};
  for (let m = 0; m < MEMBERS; m++) files[`logs/m${String(m).padStart(3, '0')}.log`] = enc(syslogLines(LINES, `m${m}`));
  return zipSync(files);
}

/** macrotask turns until the count stops moving (the reading waits for a write) */
async function settled(count: () => number): Promise<number> {
  let last = -1, still = 0;
  while (still < 20) {
    await new Promise((r) => setTimeout(r, 0));
    if (count() === last) still++;
    else [last, still] = [count(), 0];
  }
  return last;
}

describe('reading ahead of the writes', () => {
  it('reads 64 small members while none of their writes is confirmed, then waits; every member is stored once let go', async () => {
    let nextId = 1, added = 0, held = true;
    const waiting: (() => void)[] = [];
    const stored: number[] = [];
    const run = ingestBundle([sourceFromBytes('many.zip', zip(), 0)], { textAsBytes: true }, {
      addFile: async () => { added++; return nextId++; },
      updateFile: async () => {},
      progress: () => {},
      chunk: (c: WireChunk) => new Promise<void>((resolve) => {
        const done = () => { stored.push(c.count); resolve(); };
        if (held) waiting.push(done);
        else done();
      }),
    });
    // before: 17 (16 members' tails behind the reading, and the one read next)
    const ahead = await settled(() => added);
    expect(ahead).toBeGreaterThanOrEqual(64);
    expect(ahead).toBeLessThanOrEqual(66); // bounded: MAX_PENDING_CHUNKS
    expect(stored).toHaveLength(0);
    held = false;
    for (const w of waiting.splice(0)) w();
    const rows = await run;
    expect(rows).toHaveLength(MEMBERS);
    expect(rows.every((r) => r.state === 'done' && r.events === LINES)).toBe(true);
    expect(stored.reduce((a, b) => a + b, 0)).toBe(MEMBERS * LINES);
  });
});
