// How the case index takes in one chunk's dictionary column: each entry's id in the case's dictionary.
// A packed column (chunk/packedDict.ts) is read in place: an entry the case already has is compared through
// a slice that dies at once; only values new to the case are kept.
import { dictEntry, dictSize, type DictLike } from '../chunk/packedDict.ts';
// a copy lets the chunk's joined string go
import { ownCopy } from '../../core/text/ownCopy.ts';


/**
 * remap[i + 1] = the case id of entry i (remap[0] = 0, the absent value). `known` finds a value the case has;
 * `intern` adds one (in entry order, so ids stay in order of first use) or finds it.
 */
export function remapEntries(col: DictLike, known: ReadonlyMap<string, number>, intern: (value: string) => number): Uint32Array {
  const n = dictSize(col);
  const remap = new Uint32Array(n + 1);
  if (!('dictEnds' in col)) {
    for (let i = 0; i < n; i++) remap[i + 1] = intern(col.dict[i]);
    return remap;
  }
  // packed: first the entries the case knows; what is new is kept as slices of the joined text only when
  // it is most of it (a copy of each would cost more), else copied out so the joined text is not retained
  let newChars = 0;
  const fresh: number[] = [], freshValues: string[] = [];
  for (let i = 0; i < n; i++) {
    const v = dictEntry(col, i);
    const id = known.get(v);
    if (id !== undefined) remap[i + 1] = id;
    else {
      fresh.push(i);
      freshValues.push(v);
      newChars += v.length;
    }
  }
  const keepSlices = newChars * 2 >= col.dictText.length;
  for (let k = 0; k < fresh.length; k++) remap[fresh[k] + 1] = intern(keepSlices ? freshValues[k] : ownCopy(freshValues[k]));
  return remap;
}
