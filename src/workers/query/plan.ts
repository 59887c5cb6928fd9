// The compiled form of a query: column scans bound to the index's fields. Keyword matches are already
// reduced to a table over the field's dictionary (each distinct value tested once, not each row).
import type { LinearRegex } from '../../core/regex.ts';
import type { DictField, NumField, TextField } from './fields.ts';

export type Plan =
  | { op: 'all' }
  | { op: 'none' }
  | { op: 'and'; kids: Plan[] }
  | { op: 'or'; kids: Plan[] }
  | { op: 'not'; kid: Plan }
  /** rows whose dict id has table[id] = 1 */
  | { op: 'dict'; field: DictField; table: Uint8Array }
  /** rows whose dict id is one of `ids` (a few values out of many: no table per term) */
  | { op: 'dictIds'; field: DictField; ids: readonly number[] }
  /** lo/hi bounds; NaN (missing) never passes */
  | { op: 'numRange'; field: NumField; lo: number; hi: number; loIncl: boolean; hiIncl: boolean }
  /** wildcards and regexes on numbers: tested on the number's text */
  | { op: 'numTest'; field: NumField; re: LinearRegex }
  /** case-insensitive substring (needle already lower-cased) */
  | { op: 'textContains'; field: TextField; needle: string }
  | { op: 'textTest'; field: TextField; re: LinearRegex }
  | { op: 'textExists'; field: TextField }
  /** free text: message, or raw where message is empty */
  | { op: 'free'; needle: string }
  | { op: 'freeTest'; re: LinearRegex };
