// The chunk builder's side of the direct write path (parsers/eventWriter.ts, issue 15): one record's fields are
// held by slot in a reused array while the parser writes them, then appended to the chunk's columns in the order
// they were first written (ChunkBuilder.addWritten): no event object, no walk over its keys, no column found by
// name per field. Holding the row until it is committed keeps what an object gave: a field written twice keeps
// its first place and its last value (no dictionary id is taken for a value it replaced), and a record the parser
// refuses leaves nothing behind (`discard`).
import type { EventWriter } from '../../parsers/eventWriter.ts';

export class RowWriter implements EventWriter {
  /** per slot: the value written for the current row, undefined when none */
  readonly values: (string | number | undefined)[] = [];
  /** the slots written for the current row, in the order first written: slots[0, count) */
  slots = new Uint32Array(64);
  count = 0;

  set(slot: number, value: string | number): void {
    const values = this.values;
    // kept packed (no holes, no read past the end): a holey array's loads take a slower path
    while (values.length <= slot) values.push(undefined);
    if (values[slot] === undefined) {
      if (this.count === this.slots.length) {
        const more = new Uint32Array(this.count * 2);
        more.set(this.slots);
        this.slots = more;
      }
      this.slots[this.count++] = slot;
    }
    values[slot] = value;
  }

  get(slot: number): string | number | undefined {
    return slot < this.values.length ? this.values[slot] : undefined;
  }

  /** Forgets the current row (after it was appended, or when the parser refused the record). */
  discard(): void {
    const values = this.values, slots = this.slots;
    for (let i = 0; i < this.count; i++) values[slots[i]] = undefined;
    this.count = 0;
  }
}
