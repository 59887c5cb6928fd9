// Every account and host value of the case's keyword fields gets its pseudonym, in the index's dictionary order
// (first arrival), before text that names accounts outside its own event is redacted (an alert's message "for
// root, oracle, deploy", a field's samples): the redactor can only replace names it knows. Each field's
// dictionary is walked from where the last call stopped, so a call after an ingest costs only the new values.
import type { CaseIndex } from '../query/caseIndex.ts';
import type { Redactor } from './redactor.ts';

const seeded = new WeakMap<CaseIndex, WeakMap<Redactor, Map<string, number>>>();

export function seedNames(index: CaseIndex, red: Redactor): void {
  let byRed = seeded.get(index);
  if (byRed === undefined) seeded.set(index, (byRed = new WeakMap()));
  let done = byRed.get(red);
  if (done === undefined) byRed.set(red, (done = new Map()));
  for (const name of index.fieldNames()) {
    const kind = red.kindOf(name);
    if (kind !== 'user' && kind !== 'host') continue;
    const f = index.field(name);
    if (f === undefined || f.kind !== 'dict') continue;
    const from = done.get(name) ?? 0;
    for (let i = from; i < f.values.length; i++) red.value(name, f.values[i]);
    done.set(name, f.values.length);
  }
}
