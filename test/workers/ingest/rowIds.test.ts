// Row ids of an ingest given by the reading side (issue 9 item 11): with a reserved range (firstRowId) a member
// does not wait for the engine to answer its addFile before it is read, so an archive of thousands of small
// members makes no blocking round trip per member; a row's failed write is still that member's failure.
import { describe, expect, it } from 'vitest';
import { strToU8, zipSync } from 'fflate';
import { ingestBundle, type BundleIngestHooks } from '../../../src/workers/ingest/ingestBundle.ts';
import { toSource } from '../../../src/workers/ingest/runner.ts';
import type { FileLedgerEntry } from '../../../src/workers/api.ts';

const MEMBERS = 12;

function zipOf(members: number): File {
  const files: Record<string, Uint8Array> = {};
  for (let i = 0; i < members; i++) files[`logs/m${i}.log`] = strToU8(`Oct  1 10:00:0${i % 10} host-${i} sshd[1]: Failed password for root from 10.0.0.${i} port 22 ssh2\n`);
  return new File([zipSync(files) as Uint8Array<ArrayBuffer>], 'members.zip');
}

function hooks(answer: (id: number) => Promise<number>) {
  const added: number[] = [];
  const chunks: number[] = [];
  const h: BundleIngestHooks = {
    addFile: (entry) => {
      added.push(entry.id!);
      return answer(entry.id!);
    },
    updateFile: async () => {},
    chunk: async (c) => { chunks.push(c.fileId); },
    progress: () => {},
  };
  return { h, added, chunks };
}

describe('row ids given by the reading side', () => {
  it('reads the next members while the engine has not yet answered any addFile', async () => {
    let release!: () => void;
    const answered = new Promise<void>((r) => { release = r; });
    const { h, added, chunks } = hooks(async (id) => { await answered; return id; });
    const file = zipOf(MEMBERS);
    const ingest = ingestBundle([toSource({ path: 'members.zip', file })], { firstRowId: 500 }, h);
    // every member is read and its chunk handed over before a single addFile was answered
    await expect.poll(() => chunks.length).toBe(MEMBERS);
    expect(added).toEqual(Array.from({ length: MEMBERS }, (_, i) => 500 + i));
    expect(chunks).toEqual(added);
    release();
    const rows = await ingest;
    expect(rows.map((r) => [r.id, r.state, r.events])).toEqual(added.map((id) => [id, 'done', 1]));
  });

  it('a failed row write fails its member like a failed chunk write (the disk is full)', async () => {
    const { h } = hooks(async (id) => {
      if (id === 502) throw Object.assign(new Error('quota'), { name: 'QuotaExceededError' });
      return id;
    });
    const rows: FileLedgerEntry[] = await ingestBundle([toSource({ path: 'members.zip', file: zipOf(MEMBERS) })], { firstRowId: 500 }, h);
    const failed = rows.find((r) => r.id === 502);
    expect(failed?.state).toBe('incomplete');
    expect(failed?.message).toMatch(/^Storage is full/);
  });
});
