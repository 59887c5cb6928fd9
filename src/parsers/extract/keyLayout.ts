// Learned key layout of JSON records: most JSON logs repeat the same keys in every record, so the flattened
// field name of each key ("data." + "process" + "." + "name") is built once and then found by the key itself.
// Why: a name concatenated per record is a new string that V8 must hash and intern again when it becomes a
// property of the event; JSON.parse gives keys already interned, so a Map lookup by key is cheap.
// Bounded: keys are log text, and a file with ever-new keys (ids as keys) must not grow memory. Past
// MAX_KEYS a node stops learning and names are built per record, as before.

const MAX_KEYS = 2048;

export class KeyLayout {
  private readonly names = new Map<string, string>();
  private readonly children = new Map<string, KeyLayout>();

  constructor(readonly prefix: string) {}

  /** prefix + key, built once per key */
  name(key: string): string {
    let n = this.names.get(key);
    if (n === undefined) {
      n = this.prefix + key;
      if (this.names.size < MAX_KEYS) this.names.set(key, n);
    }
    return n;
  }

  /** the layout of an object nested under `key` (its names start with name(key) + '.') */
  child(key: string): KeyLayout {
    let c = this.children.get(key);
    if (c === undefined) {
      c = new KeyLayout(this.name(key) + '.');
      if (this.children.size < MAX_KEYS) this.children.set(key, c);
    }
    return c;
  }
}

/** A bounded memo of a function of one string key (per-key facts every record would otherwise recompute). */
export class KeyMemo<T> {
  private readonly memo = new Map<string, T>();

  constructor(private readonly compute: (key: string) => T) {}

  get(key: string): T {
    let v = this.memo.get(key);
    if (v === undefined) {
      v = this.compute(key);
      if (this.memo.size < MAX_KEYS) this.memo.set(key, v);
    }
    return v;
  }
}
