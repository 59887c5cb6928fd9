// EngineApi.query runs in slices (issue 9 item 9): a newer query cancels the running one, cancelQuery
// stops it, progress is reported, and other calls are answered while it runs.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/workers/engine.ts';
import type { QueryProgress } from '../../src/workers/api.ts';

function bigLog(lines: number): File {
  let text = '';
  for (let i = 0; i < lines; i++) text += `Oct  1 10:${String(Math.floor(i / 60) % 60).padStart(2, '0')}:${String(i % 60).padStart(2, '0')} web-01 sshd[42]: Failed password for user${i % 97} from 10.0.${(i >> 8) & 255}.${i & 255} port 22 ssh2\n`;
  return new File([text], 'auth.log');
}

describe('cancellable queries', () => {
  it('a new query cancels the running one; cancelQuery stops a run; the engine answers meanwhile', async () => {
    const engine = createEngine();
    await engine.createCase('cancel');
    await engine.ingest([{ path: 'auth.log', file: bigLog(120_000) }], {}, () => {});
    const all = await engine.query('');
    expect(all.ok && all.handle.total).toBe(120_000);
    if (!all.ok) return;

    // a per-event regex over 120,000 events runs in many slices of 8 ms (a few even on a fast machine)
    const progress: QueryProgress[] = [];
    const first = engine.query('message:/user(1|2)\\d from/', { runId: 1 }, (p) => progress.push(p));
    // answered while the first query runs
    const page = await engine.page(all.handle.id, 0, 2);
    expect(page).toHaveLength(2);
    const second = engine.query('message:/user9\\d from/', { runId: 2 });
    expect(await first).toMatchObject({ ok: false, cancelled: true });
    const r2 = await second;
    expect(r2.ok).toBe(true);

    const third = engine.query('message:/port 2\\d ssh2$/', { runId: 3 });
    await engine.cancelQuery(3);
    expect(await third).toMatchObject({ ok: false, cancelled: true });
    await engine.cancelQuery(99); // no such run: nothing happens
    const done: QueryProgress[] = [];
    const r4 = await engine.query('message:/port 2\\d ssh2$/', { runId: 4 }, (p) => done.push(p));
    expect(r4.ok && r4.handle.total).toBe(120_000);
    expect(done.every((p) => p.runId === 4 && p.done <= p.total)).toBe(true);
  });
});
