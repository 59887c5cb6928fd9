// Issue 12 "Done when": on public logs that are not in the corpus, >= 95% of lines get the right timestamp
// through the generic path (the parser forced to `generic`, as `--parser generic` does). One table row per
// sample (generic-public.samples.ts); the shares are printed, and every sample must reach 95%.
import { describe, expect, it } from 'vitest';
import type { EventFields } from '../../../src/core/schema.ts';
import { ingestFile } from '../../../src/workers/ingest/ingestFile.ts';
import { eventAt } from '../../../src/workers/chunk/chunk.ts';
import { PUBLIC_SAMPLES as BATCH_1, REFERENCE, type PublicSample } from './generic-public.samples.ts';
import { HELD_OUT } from './generic-public.heldout.ts';

const PUBLIC_SAMPLES = [...BATCH_1, ...HELD_OUT];

async function throughGeneric(s: PublicSample): Promise<EventFields[]> {
  const bytes = new TextEncoder().encode(s.lines.map(([l]) => l).join('\n') + '\n');
  const events: EventFields[] = [];
  await ingestFile({
    path: 'public.log', lastModified: REFERENCE,
    open: () => new ReadableStream<Uint8Array>({ start(c) { c.enqueue(bytes); c.close(); } }),
  }, { parserId: 'generic', templates: false, tzOffsetMinutes: s.tz ?? 0 }, (c) => { for (let r = 0; r < c.count; r++) events.push(eventAt(c, r)); });
  return events;
}

/** right: the expected instant within a microsecond, or no time where the line carries none */
function right(got: unknown, want: number | undefined): boolean {
  if (want === undefined) return got === undefined;
  return typeof got === 'number' && Math.abs(got - want) < 0.001;
}

describe('timestamps of public logs outside the corpus, generic path', () => {
  const rows: string[] = [];
  const total = [0, 0], good = [0, 0];
  for (const s of PUBLIC_SAMPLES) {
    it(s.name, async () => {
      const events = await throughGeneric(s);
      expect(events.length).toBe(s.lines.length);
      const wrong: string[] = [];
      s.lines.forEach(([line, want], i) => {
        const got = events[i].ts;
        if (right(got, want)) good[s.batch === 2 ? 1 : 0]++;
        else wrong.push(`  ${line.slice(0, 70)}: got ${typeof got === 'number' ? new Date(got).toISOString() : 'none'}, want ${want === undefined ? 'none' : new Date(want).toISOString()}`);
      });
      total[s.batch === 2 ? 1 : 0] += s.lines.length;
      const share = (s.lines.length - wrong.length) / s.lines.length;
      rows.push(`${(share * 100).toFixed(1).padStart(6)}%  ${s.batch === 2 ? '(held out) ' : ''}${s.name}`);
      expect(wrong, `${s.name}\n${wrong.join('\n')}`).toEqual([]);
      expect(share).toBeGreaterThanOrEqual(0.95);
    });
  }
  it('prints the table', () => {
    const pct = (i: number) => `${(good[i] / Math.max(1, total[i]) * 100).toFixed(1)}% of ${total[i]} lines`;
    console.log(`right timestamps per sample (generic path):\n${rows.join('\n')}\nbatch 1: ${pct(0)}; held-out batch 2: ${pct(1)}`);
    expect(rows.length).toBe(PUBLIC_SAMPLES.length);
  });
});
