// The flat fields of one EVTX record (what fields.ts names), as walk.ts fills them and windows/normalize.ts reads them.
// Example: add('TargetUserName', 'data.TargetUserName', 'bob') then get('TargetUserName') -> 'bob'.
/**
 * The flat fields of one record in insertion order, with lookup by name, reused from record to record: a
 * record costs no map of its own (a 40-key object per record was a good part of the time). A name is
 * present when the map holds an index at or past `base`, the start of the current record.
 */
export class FieldList {
  readonly names: string[] = [];
  /** 'data.' + name */
  readonly keys: string[] = [];
  readonly values: string[] = [];
  count = 0;
  private readonly at = new Map<string, number>();
  private base = 0;

  clear(): void {
    this.base += this.count;
    this.count = 0;
    // names come from the log: bound the map
    if (this.at.size > 50_000) this.at.clear();
  }

  has(name: string): boolean {
    const i = this.at.get(name);
    return i !== undefined && i >= this.base;
  }

  get(name: string): string | undefined {
    const i = this.at.get(name);
    return i !== undefined && i >= this.base ? this.values[i - this.base] : undefined;
  }

  /** Adds a field whose name is not taken yet. */
  add(name: string, key: string, value: string): void {
    this.at.set(name, this.base + this.count);
    this.names[this.count] = name;
    this.keys[this.count] = key;
    this.values[this.count++] = value;
  }
}
