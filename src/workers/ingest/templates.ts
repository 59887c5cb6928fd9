// Message templates mined during ingest (issue 12 "categorize"): each event's message joins a Drain cluster
// (src/core/template/drain.ts), one miner per file. A cluster's template still generalises as later messages
// arrive, so the miner keeps each row's cluster number (not a field on the event) until the row's chunk is
// built; the chunk then gets the templates as they stand at that moment: template.text, and template.id (a hash
// of the text, the same in every file).
// The miner is fed exactly the events the chunk builder is fed, in the same order (ingestFile's sink), so its
// row n is the chunk's row n. Writing the cluster number on every event object cost a property (a new object
// shape) per event and a dictionary lookup per event in the builder: most of mining's cost besides Drain.
import type { EventFields } from '../../core/schema.ts';
import { Drain, templateId } from '../../core/template/drain.ts';
import { valueAt, type DictColumn } from '../chunk/chunk.ts';
import type { WireChunk } from '../chunk/packedDict.ts';
import { sparseIds } from '../chunk/sparse.ts';
import { packedValueAt } from '../chunk/byteText.ts';

export class TemplateMiner {
  private readonly drain = new Drain({ threshold: 0.7 });

  /** cluster number + 1 of each row of the chunk being built (0: the event has no message) */
  private rows = new Uint32Array(1024);
  private count = 0;

  /** Puts the event in its cluster (by message); events without a message get no template. */
  add(event: EventFields): void {
    const m = event.message;
    if (this.count === this.rows.length) {
      const more = new Uint32Array(this.rows.length * 2);
      more.set(this.rows);
      this.rows = more;
    }
    this.rows[this.count++] = typeof m === 'string' && m !== '' ? this.drain.add(m).id + 1 : 0;
  }

  get templates(): number {
    return this.drain.clusters.length;
  }

  /** Adds template.id and template.text to the chunk built from the events added since the last chunk. */
  attach(chunk: WireChunk): void {
    const n = chunk.count;
    if (n !== this.count) throw new Error(`bug: the template miner saw ${this.count} events, the chunk has ${n}`);
    this.count = 0;
    // two clusters may have come to the same text: one dictionary entry per text, in order of first use
    const texts: string[] = [];
    const index = new Map<string, number>();
    const idOf = (text: string): number => {
      let id = index.get(text);
      if (id === undefined) {
        id = texts.push(text);
        index.set(text, id);
      }
      return id;
    };
    const clusters = this.drain.clusters;
    /** cluster number + 1 -> its text's id (0: not met yet in this chunk) */
    const textId = new Map<number, number>();
    const refinable = new Set<number>();
    const ids = new Uint32Array(n);
    const rows = this.rows;
    let present = 0;
    for (let r = 0; r < n; r++) {
      const k = rows[r];
      if (k === 0) continue;
      present++;
      let id = textId.get(k);
      if (id === undefined) {
        const c = clusters[k - 1];
        id = idOf(this.drain.text(c));
        textId.set(k, id);
        if (this.drain.refinable(c)) refinable.add(k);
      }
      ids[r] = id;
    }
    if (present === 0) return;
    // clusters whose <*> are few constant words: each event gets the text with its own word there
    const message = chunk.columns.message;
    if (message !== undefined && message.kind === 'text' && refinable.size > 0) {
      for (let r = 0; r < n; r++) {
        const k = rows[r];
        if (k === 0 || !refinable.has(k)) continue;
        // built as bytes in the ingest worker (textAsBytes), as a string elsewhere
        const m = 'textBytes' in message ? packedValueAt(message, r) : valueAt(message, r);
        if (typeof m === 'string') ids[r] = idOf(this.drain.refine(clusters[k - 1], m));
      }
    }
    // dense or sparse (chunk format 3) by the builder's rule; each column its own buffers: a chunk's buffers
    // are transferred, and a buffer may be listed only once
    const sparse = sparseIds(ids, n);
    const templateIds = texts.map(templateId);
    if (sparse === undefined) {
      chunk.columns['template.id'] = { kind: 'dict', dict: templateIds, ids: ids.slice() };
      chunk.columns['template.text'] = { kind: 'dict', dict: texts, ids } satisfies DictColumn;
    } else {
      chunk.columns['template.id'] = { kind: 'dict', dict: templateIds, ids: sparse.ids.slice(), rows: sparse.rows.slice() };
      chunk.columns['template.text'] = { kind: 'dict', dict: texts, ids: sparse.ids, rows: sparse.rows };
    }
  }
}
