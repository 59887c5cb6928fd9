// Message templates mined during ingest (issue 12 "categorize"): each event's message joins a Drain cluster
// (src/core/template/drain.ts), one miner per file. A cluster's template still generalises as later messages
// arrive, so events carry their cluster number until their chunk is built; the chunk then gets the templates
// as they stand at that moment: template.text, and template.id (a hash of the text, the same in every file).
import type { EventFields } from '../../core/schema.ts';
import { Drain, templateId } from '../../core/template/drain.ts';
import { valueAt, type DictColumn, type EventChunk } from '../chunk/chunk.ts';

const CLUSTER = 'template.id';

export class TemplateMiner {
  private readonly drain = new Drain({ threshold: 0.7 });

  /** each cluster's number as the text the chunk's dictionary column keeps (made once, not per event) */
  private readonly keys: string[] = [];

  /** Puts the event in its cluster (by message); events without a message get no template. */
  add(event: EventFields): void {
    const m = event.message;
    if (typeof m !== 'string' || m === '') return;
    const id = this.drain.add(m).id;
    event[CLUSTER] = this.keys[id] ??= String(id);
  }

  get templates(): number {
    return this.drain.clusters.length;
  }

  /** Replaces the chunk's cluster numbers with template ids and adds the template texts. */
  attach(chunk: EventChunk): void {
    const col = chunk.columns[CLUSTER];
    if (col === undefined || col.kind !== 'dict') return;
    // two clusters may have come to the same text: one dictionary entry per text
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
    const remap = new Uint32Array(col.dict.length + 1);
    const refinable: boolean[] = [];
    col.dict.forEach((cluster, i) => {
      const c = this.drain.clusters[Number(cluster)];
      refinable[i + 1] = this.drain.refinable(c);
      remap[i + 1] = idOf(this.drain.text(c));
    });
    const ids = col.ids.map((id) => remap[id]);
    // clusters whose <*> are few constant words: each event gets the text with its own word there
    const message = chunk.columns.message;
    // a sparse column (chunk format 3): entry i is chunk row rows[i]
    const rows = col.rows;
    if (message !== undefined && refinable.some(Boolean)) {
      for (let i = 0; i < ids.length; i++) {
        const k = col.ids[i];
        if (refinable[k] !== true) continue;
        const m = valueAt(message, rows === undefined ? i : rows[i]);
        if (typeof m === 'string') ids[i] = idOf(this.drain.refine(this.drain.clusters[Number(col.dict[k - 1])], m));
      }
    }
    // each column its own buffers: a chunk's buffers are transferred, and a buffer may be listed only once
    const textColumn: DictColumn = rows === undefined ? { kind: 'dict', dict: texts, ids } : { kind: 'dict', dict: texts, ids, rows };
    chunk.columns[CLUSTER] = rows === undefined ? { kind: 'dict', dict: texts.map(templateId), ids: ids.slice() }
      : { kind: 'dict', dict: texts.map(templateId), ids: ids.slice(), rows: rows.slice() };
    chunk.columns['template.text'] = textColumn;
  }
}
