// Crafted inputs and engine plumbing for the reliability suite (issue 9): syslog lines in known numbers,
// files as a browser hands them over, a runner that pauses mid-ingest (a tab still writing) or dies (a reload).
import { inThreadRunner, type IngestRunner } from '../../src/workers/ingest/runner.ts';
import type { DroppedFile, EngineApi, FileLedgerEntry } from '../../src/workers/api.ts';

export const DAY = Date.UTC(2026, 0, 1);

/** n syslog lines, numbered from `from`, each a distinct event. */
export function syslogLines(n: number, tag = 'app', from = 0): string {
  let s = '';
  for (let i = from; i < from + n; i++) s += `Jan 15 10:30:${String(i % 60).padStart(2, '0')} web01 ${tag}[${i}]: request ${i} done\n`;
  return s;
}

export const enc = (s: string) => new TextEncoder().encode(s);

export function dropped(path: string, bytes: Uint8Array | string, lastModified = DAY): DroppedFile {
  const data = typeof bytes === 'string' ? enc(bytes) : bytes;
  return { path, file: new File([data as Uint8Array<ArrayBuffer>], path.split('/').pop() ?? path, { lastModified }) };
}

export async function total(engine: EngineApi, text = ''): Promise<number> {
  const q = await engine.query(text);
  if (!q.ok) throw new Error(q.error.message);
  return q.handle.total;
}

/** lines in = events + unparsed (+ blank/meta lines) for every row that was read */
export function accounted(rows: readonly FileLedgerEntry[]): number {
  return rows.reduce((n, r) => n + r.events + r.unparsed + r.meta, 0);
}

/**
 * A runner whose ingest stops after its second stored chunk (the first one's bookkeeping done) until `release()`:
 * a tab in the middle of writing. Files need more than 20,000 records; to cancel mid-file, more than 50,000
 * (up to three more chunks are parsed while the paused one is written).
 */
export function pausingRunner(): { runner: IngestRunner; started: Promise<void>; release(): void } {
  let release!: () => void;
  let started!: () => void;
  const gate = new Promise<void>((r) => { release = r; });
  const startedP = new Promise<void>((r) => { started = r; });
  let stored = 0;
  const runner: IngestRunner = (files, options, hooks) => inThreadRunner(files, options, {
    ...hooks,
    chunk: async (chunk) => {
      await hooks.chunk(chunk);
      if (++stored === 2) {
        started();
        await gate;
      }
    },
  });
  return { runner, started: startedP, release };
}

/** A runner that dies (as a closed or reloaded tab does) when the `dieAt`-th file is about to be read. */
export function dyingRunner(dieAt: number): IngestRunner {
  return (files, options, hooks) => {
    let files_ = 0;
    return inThreadRunner(files, options, {
      ...hooks,
      // the row is sent, then the reading stops where it stands (thrown at once: rows get their ids on the
      // reading side, so a rejected addFile would only fail that member, not end the ingest as a closed tab does)
      addFile: (entry) => {
        const added = hooks.addFile(entry);
        if (++files_ === dieAt) {
          void added.catch(() => {});
          throw new Error('tab closed');
        }
        return added;
      },
    });
  };
}
