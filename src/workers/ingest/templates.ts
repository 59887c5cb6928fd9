// Message templates mined during ingest (issue 12 "categorize"): each event's message joins a Drain cluster
// (src/core/template/drain.ts), one miner per file. A cluster's template still generalises as later messages
// arrive, so events carry their cluster number until their chunk is built; the chunk then gets the templates
// as they stand at that moment: template.text, and template.id (a hash of the text, the same in every file).
import type { EventFields } from '../../core/schema.ts';
import { Drain, templateId } from '../../core/template/drain.ts';
import type { DictColumn, EventChunk } from '../chunk/chunk.ts';

const CLUSTER = 'template.id';

export class TemplateMiner {
  private readonly drain = new Drain({ threshold: 0.7 });

  /** Puts the event in its cluster (by message); events without a message get no template. */
  add(event: EventFields): void {
    const m = event.message;
    if (typeof m === 'string' && m !== '') event[CLUSTER] = this.drain.add(m).id;
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
    const remap = new Uint32Array(col.dict.length + 1);
    col.dict.forEach((cluster, i) => {
      const text = this.drain.text(this.drain.clusters[Number(cluster)]);
      let id = index.get(text);
      if (id === undefined) {
        id = texts.push(text);
        index.set(text, id);
      }
      remap[i + 1] = id;
    });
    const ids = col.ids.map((id) => remap[id]);
    const textColumn: DictColumn = { kind: 'dict', dict: texts, ids };
    chunk.columns[CLUSTER] = { kind: 'dict', dict: texts.map(templateId), ids: ids.slice() };
    chunk.columns['template.text'] = textColumn;
  }
}
