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
import type { DictColumn } from '../chunk/chunk.ts';
import { rawOf, type WireChunk } from '../chunk/packedDict.ts';
import { sparseIds } from '../chunk/sparse.ts';
import { spannedValueAt } from '../chunk/rawSpans.ts';

/** the flag of a row whose message had no shape number (drain.ts lastShape -1) */
const UNSHAPED = 0x80000000;

export class TemplateMiner {
  private readonly drain = new Drain({ threshold: 0.7 });

  /**
   * Per row of the chunk being built: 0 (the event has no message), shape number + 1 (the miner knows its
   * tokens: refine() needs no message), or cluster number + 1 with UNSHAPED set (its message is read again).
   */
  private rows = new Uint32Array(1024);
  private count = 0;
  /** per shape number + 1: the stamp of the pass that knows its text id (shapeText) */
  private shapeStamp = new Uint32Array(0);
  private shapeText = new Uint32Array(0);
  private stamp = 0;

  private remember(k: number, stamp: number, id: number): void {
    if (k >= this.shapeStamp.length) {
      const size = Math.max(1024, k * 2);
      const s = new Uint32Array(size), t = new Uint32Array(size);
      s.set(this.shapeStamp);
      t.set(this.shapeText);
      this.shapeStamp = s;
      this.shapeText = t;
    }
    this.shapeStamp[k] = stamp;
    this.shapeText[k] = id;
  }

  /** Puts the event in its cluster (by message); events without a message get no template. */
  add(event: EventFields): void {
    const m = event.message;
    if (this.count === this.rows.length) {
      const more = new Uint32Array(this.rows.length * 2);
      more.set(this.rows);
      this.rows = more;
    }
    let k = 0;
    if (typeof m === 'string' && m !== '') {
      const c = this.drain.add(m);
      const shape = this.drain.lastShape;
      k = shape >= 0 ? shape + 1 : (c.id + 1) | UNSHAPED;
    }
    this.rows[this.count++] = k >>> 0;
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
    const drain = this.drain;
    /** cluster number -> its text's id in this chunk */
    const byCluster = new Map<number, number>();
    const refinable = new Set<number>();
    // each shape's id looked up once per chunk (a stamp per shape: no map lookup per row)
    const stamp = ++this.stamp;
    const ids = new Uint32Array(n);
    const rows = this.rows;
    let present = 0;
    for (let r = 0; r < n; r++) {
      const k = rows[r];
      if (k === 0) continue;
      present++;
      const shaped = k < UNSHAPED;
      if (shaped && k < this.shapeStamp.length && this.shapeStamp[k] === stamp) {
        ids[r] = this.shapeText[k];
        continue;
      }
      const c = shaped ? drain.shapeCluster(k - 1) : (k & ~UNSHAPED) - 1;
      let id = byCluster.get(c);
      if (id === undefined) {
        id = idOf(drain.text(clusters[c]));
        byCluster.set(c, id);
        if (drain.refinable(clusters[c])) refinable.add(c);
      }
      ids[r] = id;
      if (shaped) this.remember(k, stamp, id);
    }
    // clusters whose <*> are few constant words: each event gets the text with its own word there (made once
    // per shape and chunk; the message read again only for a row without a shape)
    if (refinable.size > 0) {
      const message = chunk.columns.message;
      ++this.stamp;
      for (let r = 0; r < n; r++) {
        const k = rows[r];
        if (k === 0) continue;
        const shaped = k < UNSHAPED;
        if (shaped && k < this.shapeStamp.length && this.shapeStamp[k] === this.stamp) {
          ids[r] = this.shapeText[k];
          continue;
        }
        const c = shaped ? drain.shapeCluster(k - 1) : (k & ~UNSHAPED) - 1;
        if (!refinable.has(c)) continue;
        if (shaped) {
          ids[r] = idOf(drain.refineShape(clusters[c], k - 1));
          this.remember(k, this.stamp, ids[r]);
        } else if (message !== undefined) {
          // built as bytes in the ingest worker (textAsBytes), maybe as a span of raw (textSpans), a string elsewhere
          const m = message.kind !== 'text' ? undefined : spannedValueAt(message, r, rawOf(chunk));
          if (typeof m === 'string') ids[r] = idOf(drain.refine(clusters[c], m));
        }
      }
    }
    if (present === 0) return;
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
