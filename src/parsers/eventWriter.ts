// The direct write path (issue 15): a parser with `write` (types.ts TextParser) puts each field of a record
// straight into the reader's EventWriter instead of returning one object per event. In the ingest the writer is
// the chunk builder's row (workers/chunk/rowWriter.ts): no event object, no walk over its keys, no column lookup
// by name per field. Fields are named by slots, small numbers from one registry (`fieldSlot`), resolved once: a
// parser module resolves its literal field names when it loads.
// Parsers that return objects keep working unchanged, and a moved parser keeps one implementation: `parseByWriting`
// gives its parse() from its write() through an ObjectWriter (the samples, the fallback of mixed files and
// every other caller of parse() see the object they saw before, keys in the order they were first written).
// Example: const HOST = fieldSlot('obs.host.name'); ... out.set(HOST, 'web01').
import type { EventFields } from '../core/schema.ts';
import { err, ok, type Result } from '../core/result.ts';
import type { ParseContext } from './types.ts';

/**
 * Where a parser writes one record's fields. A field written twice keeps its first place and its last value (as
 * an object's key does); a record the parser refuses (write returned why) is dropped whatever it wrote.
 */
export interface EventWriter {
  set(slot: number, value: string | number): void;
  /** the value written to the slot for this record so far */
  get(slot: number): string | number | undefined;
}

// Map, not an object: field names may come from log text (data.<key>)
const slots = new Map<string, number>();
const names: string[] = [];

/**
 * The slot of a field name: the same number for the same name, for the life of the thread. Resolve literal names
 * once (module constants), not per record. Names from log text (data.netfilter.<key>) are resolved per record;
 * the registry then holds each distinct name once, as the case index holds each field once.
 */
export function fieldSlot(name: string): number {
  let s = slots.get(name);
  if (s === undefined) {
    s = names.push(name) - 1;
    slots.set(name, s);
  }
  return s;
}

export function slotName(slot: number): string {
  return names[slot];
}

/** An EventWriter that fills an EventFields object (a new one, or one a parser has started). */
export class ObjectWriter implements EventWriter {
  constructor(readonly fields: EventFields = {}) {}

  set(slot: number, value: string | number): void {
    this.fields[names[slot]] = value;
  }

  get(slot: number): string | number | undefined {
    return this.fields[names[slot]];
  }
}

/** What a parser's write() is: undefined when the record became fields, else why it could not. */
export type WriteRecord = (record: string, ctx: ParseContext, out: EventWriter) => string | undefined;

/** A parse() built from a write(): the same fields, as one object. */
export function parseByWriting(write: WriteRecord): (record: string, ctx: ParseContext) => Result<EventFields> {
  return (record, ctx) => {
    const out = new ObjectWriter();
    const why = write(record, ctx, out);
    return why === undefined ? ok(out.fields) : err(why);
  };
}
