// What a case would hold for the follower's tests: rows by id, and the events of every chunk in arrival order
// (a chunk written twice fails the test).
import type { FollowHooks } from '../../../src/workers/live/types.ts';
import type { FileLedgerEntry } from '../../../src/workers/api.ts';
import { eventAt, type EventChunk } from '../../../src/workers/chunk/chunk.ts';
import type { EventFields } from '../../../src/core/schema.ts';

/** What a case would hold: rows by id, and the events of every chunk in arrival order. */
export class MemoryCase implements FollowHooks {
  rows = new Map<number, FileLedgerEntry>();
  events: EventFields[] = [];
  keys = new Set<string>();
  saves = 0;
  private nextId = 1;
  async addFile(entry: Omit<FileLedgerEntry, 'id'>): Promise<number> {
    const id = this.nextId++;
    this.rows.set(id, { ...entry, id });
    return id;
  }
  async updateFile(entry: FileLedgerEntry): Promise<void> {
    this.rows.set(entry.id, entry);
  }
  async chunk(chunk: EventChunk): Promise<void> {
    const key = `${chunk.fileId}/${chunk.seq}`;
    if (this.keys.has(key)) throw new Error(`chunk ${key} written twice`);
    this.keys.add(key);
    for (let r = 0; r < chunk.count; r++) this.events.push({ ...eventAt(chunk, r), fileId: chunk.fileId });
  }
  async saved(): Promise<void> {
    this.saves++;
  }
  raws(): string[] {
    return this.events.map((e) => String(e.raw));
  }
}
