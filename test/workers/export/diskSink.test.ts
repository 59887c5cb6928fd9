// The export's disk sink (export/diskSink.ts) over a stand-in for the Origin Private File System (Node has none;
// e2e/export.spec.ts checks the real one in Chromium): what is written comes back byte for byte as UTF-8 whatever
// the sizes (pages written apart, small text buffered, bytes, characters of 1 to 4 bytes at every boundary); a
// full quota is an error in words; a cancelled export leaves no file; the sweep removes only old finished files;
// without OPFS the export is kept in memory as before.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DELETE_AFTER_MS, DiskSink, openExportSink, sweepExports } from '../../../src/workers/export/diskSink.ts';

class FakeFile {
  /** what was written, piece by piece at its offset (assembled when read) */
  pieces: { at: number; bytes: Uint8Array }[] = [];
  open = false;
  get size(): number {
    return this.pieces.reduce((n, p) => Math.max(n, p.at + p.bytes.length), 0);
  }
  constructor(private readonly quota = Infinity) {}
  async createSyncAccessHandle() {
    if (this.open) throw new Error('NoModificationAllowedError: a handle is open');
    this.open = true;
    return {
      write: (buf: Uint8Array, o?: { at?: number }) => {
        const at = o?.at ?? 0;
        const n = Math.max(0, Math.min(buf.length, this.quota - at));
        this.pieces.push({ at, bytes: buf.slice(0, n) }); // a copy: the sink reuses its buffer
        return n;
      },
      flush: () => {},
      close: () => { this.open = false; },
    };
  }
  async getFile() {
    const all = new Uint8Array(this.size);
    for (const p of this.pieces) all.set(p.bytes, p.at);
    return new File([all], 'export');
  }
}

class FakeDir {
  readonly files = new Map<string, FakeFile>();
  readonly dirs = new Map<string, FakeDir>();
  quota = Infinity;
  async getDirectoryHandle(name: string) {
    let d = this.dirs.get(name);
    if (d === undefined) this.dirs.set(name, (d = new FakeDir()));
    d.quota = this.quota;
    return d;
  }
  async getFileHandle(name: string) {
    let f = this.files.get(name);
    if (f === undefined) this.files.set(name, (f = new FakeFile(this.quota)));
    return f;
  }
  async removeEntry(name: string) {
    if (!this.files.delete(name)) throw new Error('NotFoundError');
  }
  async *keys() {
    yield* [...this.files.keys()];
  }
}

function withOpfs(quota = Infinity): FakeDir {
  const root = new FakeDir();
  root.quota = quota;
  vi.stubGlobal('navigator', { storage: { getDirectory: async () => root } });
  return root;
}

afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

const exportsOf = (root: FakeDir) => root.dirs.get('logdrop-exports')!.files;

describe('DiskSink', () => {
  it('writes exactly the UTF-8 of what it was given, across buffer and page boundaries', async () => {
    const root = withOpfs();
    const sink = await DiskSink.open();
    expect(sink).toBeDefined();
    const parts: (string | Uint8Array)[] = [
      'ts,message\r\n',
      'é'.repeat(300_000), // a page written apart (2-byte characters)
      '𝄞x'.repeat(700_000), // 4-byte characters as surrogate pairs, past the buffer's size
      new TextEncoder().encode('bytes of a hand-over line\n'),
      'ü', '',
      new Uint8Array(17 << 20).fill(65), // bytes larger than the buffer
      '日本'.repeat(1000) + '\n',
      'a'.repeat((16 << 20) - 7), // more than a third of the buffer: encoded on its own
      '€€€',
      ...Array.from({ length: 100_000 }, (_, i) => `ü€𝄞 line ${i} of text through the buffer\n`), // small text, past the buffer's size
    ];
    for (const p of parts) sink!.write(p);
    const blob = await sink!.finish('text/csv');
    expect(blob.type).toBe('text/csv');
    const want = Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : p)));
    const got = new Uint8Array(await blob.arrayBuffer());
    expect(got.length).toBe(want.length);
    expect(Buffer.compare(got, want)).toBe(0);
    // the file stays until the download had time to read it
    expect(exportsOf(root).size).toBe(1);
  });

  it('a short write (storage full) is an error in words; discard removes the file', async () => {
    const root = withOpfs(1000);
    const sink = await DiskSink.open();
    sink!.write('x'.repeat(500));
    sink!.write('y'.repeat(300_000));
    await expect(sink!.finish('text/plain')).rejects.toThrow(/storage for this site is full/);
    await sink!.discard();
    expect(exportsOf(root).size).toBe(0);
  });

  it('the sweep removes finished files older than the delay, never one being written', async () => {
    const root = withOpfs();
    const old = await DiskSink.open();
    old!.write('old export');
    await old!.finish('text/plain');
    const writing = await DiskSink.open();
    writing!.write('being written');
    expect(exportsOf(root).size).toBe(2);
    await sweepExports(Date.now() + DELETE_AFTER_MS + 1000);
    expect(exportsOf(root).size).toBe(1);
    const blob = await writing!.finish('text/plain');
    expect(await blob.text()).toBe('being written');
  });

  it('without OPFS the export is kept in memory (Node, the single file)', async () => {
    vi.stubGlobal('navigator', {});
    const sink = await openExportSink();
    sink.write('a,b\r\n');
    sink.write(new TextEncoder().encode('1,2\r\n'));
    expect(await (await sink.finish('text/csv')).text()).toBe('a,b\r\n1,2\r\n');
  });
});
