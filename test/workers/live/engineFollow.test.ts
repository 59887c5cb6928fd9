// Live follow through the engine (Node, fake-indexeddb, a simulated file system in place of the granted
// handles): appended lines are stored, indexed and detected with a LiveUpdate per poll; after a "reload" (a new
// engine on the same database) the follow needs its permission again, then resumes from the stored offsets.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../../src/workers/engine.ts';
import type { FollowSource, LiveUpdate } from '../../../src/workers/api.ts';
import { MemoryFs } from './memoryFs.ts';
import { CaseStore } from '../../../src/workers/store/caseStore.ts';
import { ChunkBuilder } from '../../../src/workers/chunk/chunk.ts';

const line = (i: number, msg = `Failed password for invalid user u${i} from 203.0.113.45 port ${40000 + i} ssh2`) =>
  `Mar  3 02:00:${String(i).padStart(2, '0')} web01 sshd[${100 + i}]: ${msg}\n`;

/** a handle stand-in: the simulated file system ignores it, and it has no queryPermission (as in a worker) */
const folder = { kind: 'folder', name: 'logs', handle: {} } as unknown as Omit<FollowSource, 'id'>;

function updates(engine: ReturnType<typeof createEngine>) {
  const got: LiveUpdate[] = [];
  let wake: (() => void) | undefined;
  void engine.watchLive((u) => {
    got.push(u);
    wake?.();
  });
  return {
    got,
    async next(pred: (u: LiveUpdate) => boolean): Promise<LiveUpdate> {
      for (;;) {
        const hit = got.find(pred);
        if (hit !== undefined) return hit;
        await new Promise<void>((r) => { wake = r; });
      }
    },
  };
}

describe('engine live follow', () => {
  it('stores, indexes and detects appended lines, then resumes after a reload with nothing read twice', async () => {
    const fs = new MemoryFs(false);
    fs.append('auth.log', line(0) + line(1));
    const engine = createEngine({ followFs: () => fs });
    const info = await engine.createCase('live');
    const live = updates(engine);
    await engine.followSettings({ intervalMs: 250, notifyAt: 'high' });
    const started = await engine.followAdd([folder]);
    expect(started.active).toBe(true);
    await live.next((u) => u.events === 2);
    fs.append('auth.log', line(2) + line(3) + line(4) + line(5));
    const alerted = await live.next((u) => u.alerts.some((a) => a.ruleId === 'builtin.bruteforce.ip'));
    expect(alerted.alerts.find((a) => a.ruleId === 'builtin.bruteforce.ip')).toMatchObject({ change: 'new', severity: 'high', count: 6 });
    expect(alerted.notify.map((n) => n.alert.ruleId)).toEqual(['builtin.bruteforce.ip']);
    expect(alerted.info.events).toBe(6);
    const q = await engine.query('src_ip:203.0.113.45');
    expect(q.ok && q.handle.total).toBe(6);
    const msg = await engine.alertMessage(alerted.alerts[0].id, 'markdown');
    expect(msg).toContain('**HIGH: Brute force from one address**');
    await engine.followStop();

    // a chunk stored after the last saved offset (the tab closed between the two): it must not be kept twice
    const [followed] = await engine.ledger();
    const store = await CaseStore.open(info.id);
    const orphan = new ChunkBuilder(10);
    orphan.add({ ts: Date.UTC(2025, 2, 3, 2, 0, 6), raw: 'orphan', message: 'orphan', 'col.line': 7, 'col.offset': 0 });
    await store.putChunk(orphan.build(followed.id, 2));
    store.close();

    // written while no tab followed; then the tab is reloaded
    fs.append('auth.log', line(6) + line(7, 'Accepted password for deploy from 203.0.113.45 port 41000 ssh2'));
    const reloaded = createEngine({ followFs: () => fs });
    await reloaded.openCase(info.id);
    const status = await reloaded.followStatus();
    expect(status).toMatchObject({ active: false, needsPermission: true, intervalMs: 250 });
    expect(status.files).toMatchObject([{ path: 'logs/auth.log', lines: 6, state: 'following' }]);
    const live2 = updates(reloaded);
    await reloaded.followStart();
    const resumed = await live2.next((u) => u.events > 0);
    expect(resumed.events).toBe(2);
    expect(resumed.alerts.map((a) => `${a.ruleId} ${a.change}`)).toContain('builtin.success-after-failures new');
    await reloaded.followStop();
    const all = await reloaded.query('');
    expect(all.ok && all.handle.total).toBe(8);
    const orphans = await reloaded.query('raw:orphan');
    expect(orphans.ok && orphans.handle.total).toBe(0);
    const rows = all.ok ? await reloaded.page(all.handle.id, 0, 20) : [];
    expect(rows.map((r) => r.fields['col.line']).sort((a, b) => Number(a) - Number(b))).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    const [row] = await reloaded.ledger();
    expect(row).toMatchObject({ path: 'logs/auth.log', events: 8, state: 'done' });
  }, 60_000);
});
