// The flat fields of a Windows event as normalize.ts and message.ts read them (names without 'data.').
// Reference: ../evtx/fields.ts (the naming rules). Example: { EventID: '4625', TargetUserName: 'bob' } ->
// names ['EventID', 'TargetUserName'], keys ['data.EventID', 'data.TargetUserName'], get('EventID') = '4625'.

/** '', '-' and a missing value all mean "no value" in Windows logs. */
export function empty(v: string | undefined): boolean {
  return v === undefined || v === '' || v === '-';
}

export function present(v: string | undefined): v is string {
  return v !== undefined && v !== '' && v !== '-';
}

/**
 * Read access to a record's flat fields (names without 'data.'), in insertion order, with `keys[i]` =
 * 'data.' + names[i]. The EVTX parser hands its per-record list (evtx/walk.ts) straight to normalizeWindowsFields.
 */
export interface WindowsFields {
  readonly count: number;
  readonly names: readonly string[];
  readonly keys: readonly string[];
  readonly values: readonly string[];
  get(name: string): string | undefined;
}

/** A clean map (prototype-free, text values) seen as WindowsFields. */
export class RecordFields implements WindowsFields {
  readonly names: string[];
  readonly keys: string[];
  readonly values: string[];
  readonly count: number;
  constructor(private readonly data: Record<string, string>) {
    this.names = Object.keys(data);
    this.keys = this.names.map(dataKey);
    this.values = this.names.map((k) => data[k]);
    this.count = this.names.length;
  }
  get(name: string): string | undefined {
    return this.data[name];
  }
}

export function isFields(x: Record<string, string> | WindowsFields): x is WindowsFields {
  return x instanceof RecordFields || (typeof x.get === 'function' && Array.isArray(x.names));
}


const DATA_KEYS = new Map<string, string>();
/** 'data.' + name, cached: the same few hundred names repeat in every event. */
export function dataKey(name: string): string {
  let k = DATA_KEYS.get(name);
  if (k === undefined) {
    k = `data.${name}`;
    if (DATA_KEYS.size < 50_000) DATA_KEYS.set(name, k);
  }
  return k;
}
