// The follower on a simulated file system: appends (a line split across two reads), rotation by rename and by
// replacement, truncation, new files, a deleted file, and a restart from stored offsets — every line read once.
import { describe, expect, it } from 'vitest';
import { Follower } from '../../../src/workers/live/follower.ts';
import type { FollowedFile } from '../../../src/workers/live/types.ts';
import { MemoryFs } from './memoryFs.ts';
import { MemoryCase } from './memoryCase.ts';

const sshd = (i: number, msg = `Failed password for root from 203.0.113.${i % 200} port ${40000 + i} ssh2`) =>
  `Dec 10 06:${String(10 + Math.floor(i / 60)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')} LabSZ sshd[${100 + i}]: ${msg}\n`;

function lines(from: number, to: number): string {
  let s = '';
  for (let i = from; i < to; i++) s += sshd(i);
  return s;
}

describe('Follower', () => {
  it('reads only appended bytes and keeps a partial last line until its newline arrives', async () => {
    const fs = new MemoryFs(false);
    const store = new MemoryCase();
    const f = new Follower(fs, store);
    fs.append('auth.log', lines(0, 3));
    const half = sshd(3);
    fs.append('auth.log', half.slice(0, 20));
    const r1 = await f.poll();
    expect(r1.events).toBe(3);
    expect(r1.partial).toBe(1);
    expect(r1.changes.map((c) => c.kind)).toEqual(['new']);
    fs.append('auth.log', half.slice(20) + sshd(4));
    const r2 = await f.poll();
    expect(r2.events).toBe(2);
    expect(r2.partial).toBe(0);
    expect(store.raws()).toEqual(lines(0, 5).trimEnd().split('\n'));
    // the file's own line numbers and byte offsets, not the segment's
    const text = lines(0, 5);
    expect(store.events.map((e) => e['col.line'])).toEqual([1, 2, 3, 4, 5]);
    expect(store.events[3]['col.offset']).toBe(text.indexOf(sshd(3)));
    expect(store.events[4]['app.name']).toBe('sshd');
    const [row] = store.rows.values();
    expect(row).toMatchObject({ path: 'logs/auth.log', events: 5, unparsed: 0, bytesRead: text.length, state: 'done', parserId: 'syslog3164' });
  });

  it('costs only a listing when nothing changed (no reads of an idle folder)', async () => {
    const fs = new MemoryFs(false);
    for (let i = 0; i < 50; i++) fs.append(`app${i}.log`, lines(i, i + 2));
    const f = new Follower(fs, new MemoryCase());
    await f.poll();
    const before = fs.reads;
    const r = await f.poll();
    expect(r.events).toBe(0);
    expect(fs.reads).toBe(before);
  });

  for (const identity of [true, false]) {
    it(`rotation by rename (${identity ? 'inode' : 'first bytes'}): the old file's last lines once, the new file as a new row`, async () => {
      const fs = new MemoryFs(identity);
      const store = new MemoryCase();
      const f = new Follower(fs, store);
      fs.append('auth.log', lines(0, 10));
      await f.poll();
      fs.append('auth.log', lines(10, 12)); // written just before the rotation, not read yet
      fs.rename('auth.log', 'auth.log.1');
      fs.append('auth.log', lines(12, 15));
      const r = await f.poll();
      expect(r.changes.map((c) => c.kind).sort()).toEqual(['moved', 'rotated']);
      expect(r.events).toBe(5);
      expect(store.raws()).toEqual(lines(0, 15).trimEnd().split('\n'));
      const rows = [...store.rows.values()];
      expect(rows.map((x) => x.events)).toEqual([12, 3]);
      expect(rows[0].message).toContain('renamed to logs/auth.log.1');
      // the new auth.log starts at line 1 of its own row
      expect(store.events[12]).toMatchObject({ 'col.line': 1, 'col.offset': 0, fileId: rows[1].id });
    });
  }

  // CI once showed 6 -> 12 -> 13 events in e2e/live-follow.spec.ts for one appended line: a poll between
  // createWritable and close() saw the writer's swap file (`auth.log.crswap`, a copy of the 6 lines read) as a new
  // file and read it from its start; reproduced in Chromium 156 (the swap file is listed while a stream is open)
  for (const identity of [true, false]) {
    it(`a browser writer's swap file (NAME.crswap) is not read: appends through createWritable are read once (${identity ? 'inode' : 'first bytes'})`, async () => {
      const fs = new MemoryFs(identity);
      const store = new MemoryCase();
      const f = new Follower(fs, store);
      fs.append('auth.log', lines(0, 6));
      expect((await f.poll()).events).toBe(6);
      for (let i = 6; i < 9; i++) {
        const w = fs.writable('auth.log');
        expect((await f.poll()).events).toBe(0); // the swap file holds a copy of the 6 lines
        w.write(sshd(i));
        expect((await f.poll()).events).toBe(0); // and now the new line too, not yet in auth.log
        w.close();
        const r = await f.poll();
        expect(r.events).toBe(1);
        expect(r.changes).toEqual([]); // the file under the name only grew: no rotation, no new file
      }
      expect(store.raws()).toEqual(lines(0, 9).trimEnd().split('\n'));
      expect([...store.rows.values()].map((x) => [x.path, x.events])).toEqual([['logs/auth.log', 9]]);
    });
  }

  it('a swap file left alone (its writer crashed) is not read either, and a real rotation after it is followed', async () => {
    const fs = new MemoryFs(false);
    const store = new MemoryCase();
    const f = new Follower(fs, store);
    fs.append('auth.log', lines(0, 3));
    await f.poll();
    fs.writable('auth.log').write(sshd(3)); // never closed
    expect((await f.poll()).events).toBe(0);
    fs.rename('auth.log', 'auth.log.1');
    fs.append('auth.log', lines(10, 12));
    const r = await f.poll();
    expect(r.changes.map((c) => c.kind).sort()).toEqual(['moved', 'rotated']);
    expect(r.events).toBe(2);
    expect(store.raws()).toEqual([...lines(0, 3).trimEnd().split('\n'), ...lines(10, 12).trimEnd().split('\n')]);
  });

  it('a file replaced under the same name with other content (same size) is read from its start as a new row', async () => {
    const fs = new MemoryFs(false);
    const store = new MemoryCase();
    const f = new Follower(fs, store);
    fs.append('app.log', lines(0, 4));
    await f.poll();
    fs.remove('app.log');
    fs.append('app.log', lines(100, 104)); // same length, other bytes
    const r = await f.poll();
    expect(r.changes.map((c) => c.kind)).toEqual(['rotated']);
    expect(store.rows.size).toBe(2);
    expect(store.raws().slice(4)).toEqual(lines(100, 104).trimEnd().split('\n'));
  });

  it('truncation: the file is read again from its start as a new ledger row', async () => {
    const fs = new MemoryFs(true);
    const store = new MemoryCase();
    const f = new Follower(fs, store);
    fs.append('app.log', lines(0, 6));
    await f.poll();
    fs.truncate('app.log');
    fs.append('app.log', lines(6, 8));
    const r = await f.poll();
    expect(r.changes).toMatchObject([{ kind: 'truncated', path: 'logs/app.log' }]);
    expect(r.events).toBe(2);
    const rows = [...store.rows.values()];
    expect(rows.map((x) => x.events)).toEqual([6, 2]);
    expect(rows[0].message).toContain('truncated while followed');
  });

  it('picks up new files in the folder and notes a deleted one', async () => {
    const fs = new MemoryFs(false);
    const store = new MemoryCase();
    const f = new Follower(fs, store);
    fs.append('a.log', lines(0, 2));
    await f.poll();
    fs.append('b.log', lines(2, 5));
    fs.append('old.log.2.gz', new Uint8Array([0x1f, 0x8b, 8, 0]));
    const r = await f.poll();
    expect(r.changes.map((c) => `${c.kind} ${c.path}`)).toEqual(['new logs/b.log', 'skipped logs/old.log.2.gz']);
    expect(r.events).toBe(3);
    fs.remove('a.log');
    const r2 = await f.poll();
    expect(r2.changes.map((c) => `${c.kind} ${c.path}`)).toEqual(['deleted logs/a.log']);
    expect([...store.rows.values()][0].message).toContain('deleted from disk after 2 lines');
    // the compressed file is told once
    expect((await f.poll()).changes).toEqual([]);
  });

  it('resumes from stored offsets after a restart: nothing read twice, nothing skipped', async () => {
    const fs = new MemoryFs(false);
    const store = new MemoryCase();
    const first = new Follower(fs, store);
    fs.append('auth.log', lines(0, 7) + sshd(7).slice(0, 11));
    await first.poll();
    // what the case keeps (IndexedDB clones it): the states survive a structured clone
    const saved: FollowedFile[] = structuredClone(first.states());
    fs.append('auth.log', sshd(7).slice(11) + lines(8, 9));
    fs.append('new.log', lines(9, 10));
    const second = new Follower(fs, store, {}, saved);
    const r = await second.poll();
    expect(r.changes.map((c) => `${c.kind} ${c.path}`)).toEqual(['new logs/new.log']);
    expect(r.events).toBe(3);
    expect(store.raws()).toEqual(lines(0, 10).trimEnd().split('\n'));
    expect(store.events.slice(7, 9).map((e) => e['col.line'])).toEqual([8, 9]);
  });

  it('header formats: appended CSV rows are read with the header of the first read', async () => {
    const fs = new MemoryFs(false);
    const store = new MemoryCase();
    const f = new Follower(fs, store);
    fs.append('logins.csv', 'timestamp,src_ip,username,outcome\n2025-12-10T06:00:00Z,203.0.113.5,root,failure\n2025-12-10T06:00:01Z,203.0.113.5,admin,failure\n');
    await f.poll();
    fs.append('logins.csv', '2025-12-10T06:00:02Z,198.51.100.7,oracle,success\n');
    const r = await f.poll();
    expect(r.events).toBe(1);
    expect(r.unparsed).toBe(0);
    const last = store.events[2];
    expect(last['parser.name']).toBe('csv');
    expect(last['col.line']).toBe(4);
    expect(JSON.stringify(last)).toContain('oracle');
    const [row] = store.rows.values();
    expect(row).toMatchObject({ events: 3, meta: 1, unparsed: 0 });
  });

  it('UTF-16LE with a BOM: appended lines keep their encoding', async () => {
    const fs = new MemoryFs(false);
    const store = new MemoryCase();
    const f = new Follower(fs, store);
    const utf16 = (s: string) => {
      const out = new Uint8Array(s.length * 2);
      for (let i = 0; i < s.length; i++) {
        out[2 * i] = s.charCodeAt(i) & 0xff;
        out[2 * i + 1] = s.charCodeAt(i) >> 8;
      }
      return out;
    };
    fs.append('win.log', new Uint8Array([0xff, 0xfe]));
    fs.append('win.log', utf16(lines(0, 2)));
    await f.poll();
    fs.append('win.log', utf16(lines(2, 4)));
    const r = await f.poll();
    expect(r.events).toBe(2);
    expect(store.raws()).toEqual(lines(0, 4).trimEnd().split('\n'));
  });
});
