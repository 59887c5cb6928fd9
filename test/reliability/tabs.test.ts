// Issue 9 items 1 and 13: two tabs on one case. Two engines in one process stand for two tabs: they share
// IndexedDB (fake-indexeddb), the single-holder lock fallback and BroadcastChannel.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/workers/engine.ts';
import type { CaseNotice } from '../../src/workers/api.ts';
import { dropped, pausingRunner, syslogLines, total } from './helpers.ts';
import { tryLockCase } from '../../src/workers/tabs/caseLock.ts';
import { CaseStore } from '../../src/workers/store/caseStore.ts';

const until = async (check: () => boolean | Promise<boolean>) => {
  for (let i = 0; i < 500 && !(await check()); i++) await new Promise((r) => setTimeout(r, 10));
};

describe('a second tab and a live ingest (item 1)', () => {
  it('the second tab sees the case as being written, cannot remove the file, and refreshes when the writer is done', async () => {
    const pause = pausingRunner();
    const a = createEngine({ runIngest: pause.runner });
    const info = await a.createCase('live');
    const ingest = a.ingest([dropped('big.log', syslogLines(45_000))], {}, () => {});
    await pause.started; // a has stored its first chunk and keeps writing

    const b = createEngine();
    const notices: CaseNotice[] = [];
    await b.watchCases((n) => notices.push(n));
    const opened = await b.openCase(info.id);
    expect(opened.writtenElsewhere).toBe(true);
    const [row] = await b.ledger();
    // before: the repair made it 'incomplete' and offered Remove; removing it left 10,000 of 45,000 events
    expect(row.state).toBe('reading');
    await expect(b.removeFile(row.id)).rejects.toThrow(/being written in another tab/);
    await expect(b.ingest([dropped('other.log', syslogLines(10))], {}, () => {})).rejects.toThrow(/being written in another tab/);

    pause.release();
    const done = await ingest;
    expect(done.files[0]).toMatchObject({ state: 'done', events: 45_000 });
    await until(() => notices.some((n) => n.kind === 'written'));
    expect(notices.at(-1)).toMatchObject({ kind: 'written', caseId: info.id, info: { events: 45_000 } });
    expect(notices.at(-1)?.info?.writtenElsewhere).toBeUndefined();
    expect(await total(b)).toBe(45_000);
    expect((await b.ledger())[0]).toMatchObject({ state: 'done', events: 45_000 });
  });

  it('a writer whose tab died sends no notice: its released lock ends the read-only view, and the repair runs then', async () => {
    const a = createEngine();
    const info = await a.createCase('dead writer');
    await a.ingest([dropped('a.log', syslogLines(50))], {}, () => {});
    // a tab that took the lock, wrote a row 'reading', and died (the browser drops its lock; no notice is sent)
    const dead = await tryLockCase(info.id);
    const store = await CaseStore.open(info.id);
    await store.addFile({
      path: 'half.log', size: 100, sha256: '', parserId: 'syslog3164', confidence: 1, state: 'reading', bytesRead: 40,
      events: 0, unparsed: 0, meta: 0, tzOffsetMinutes: 0, timeGuess: '', issues: [],
    });
    store.close();

    const b = createEngine();
    const notices: CaseNotice[] = [];
    await b.watchCases((n) => notices.push(n));
    expect((await b.openCase(info.id)).writtenElsewhere).toBe(true);
    expect((await b.ledger()).map((f) => f.state)).toEqual(['done', 'reading']);
    dead?.release();
    await until(() => notices.length > 0);
    expect(notices[0]).toMatchObject({ kind: 'written', info: { events: 50, files: 2 } });
    expect((await b.ledger()).map((f) => f.state)).toEqual(['done', 'incomplete']);
  });

  it('deleting a case another tab has open: that tab is told and lets go, its next action is a plain error', async () => {
    const a = createEngine();
    const info = await a.createCase('to delete');
    await a.ingest([dropped('a.log', syslogLines(20))], {}, () => {});
    const notices: CaseNotice[] = [];
    await a.watchCases((n) => notices.push(n));

    const b = createEngine();
    await b.deleteCase(info.id);
    await until(() => notices.length > 0);
    expect(notices).toEqual([{ kind: 'deleted', caseId: info.id }]);
    // before: "The database connection is closing" on every later call until a reload
    await expect(a.ingest([dropped('b.log', syslogLines(5))], {}, () => {})).rejects.toThrow(/^no case is open$/);
    expect(await a.ledger()).toEqual([]);
    // the tab carries on with another case
    await a.createCase('next');
    expect((await a.ingest([dropped('c.log', syslogLines(7))], {}, () => {})).files[0].events).toBe(7);
  });

  it('a case being written in another tab cannot be deleted', async () => {
    const pause = pausingRunner();
    const a = createEngine({ runIngest: pause.runner });
    const info = await a.createCase('busy');
    const ingest = a.ingest([dropped('big.log', syslogLines(25_000))], {}, () => {});
    await pause.started;
    await expect(createEngine().deleteCase(info.id)).rejects.toThrow(/being written in another tab/);
    pause.release();
    await ingest;
    expect(await total(a)).toBe(25_000);
  });
});

describe('two tabs ingesting into one case (item 13)', () => {
  it('each tab counts the other tab\'s events once it has written them, without a reload', async () => {
    const a = createEngine();
    const info = await a.createCase('shared');
    const b = createEngine();
    await b.openCase(info.id);
    const seen: CaseNotice[] = [];
    await a.watchCases((n) => seen.push(n));
    await b.watchCases((n) => seen.push(n));

    await a.ingest([dropped('a.log', syslogLines(300, 'a'))], {}, () => {});
    await until(async () => (await total(b)) === 300);
    await b.ingest([dropped('b.log', syslogLines(200, 'b'))], {}, () => {});
    await until(async () => (await total(a)) === 500);
    // before: a counted 300 and b 200 until each was reloaded
    expect(await total(a)).toBe(500);
    expect(await total(b)).toBe(500);
    expect((await a.listCases()).find((c) => c.id === info.id)?.events).toBe(500);
  });
});
