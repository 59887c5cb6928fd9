// When each account name first appears in the case (as init.usr.name or target.usr.name), and when accounts
// were created (useradd, 4720): what "a new account" means for the sudo rule. Built once per table size.
import type { EventTable } from '../types.ts';
import { dictColumn } from '../columns.ts';

export interface FirstSeen { caseStart: number; first: Map<string, number>; created: Map<string, number> }

const cache = new WeakMap<EventTable, { rowCount: number; value: FirstSeen }>();
const CREATE = new Set(['account-create', 'user-created']);

export function firstSeenUsers(table: EventTable): FirstSeen {
  const hit = cache.get(table);
  if (hit !== undefined && hit.rowCount === table.rowCount) return hit.value;
  const first = new Map<string, number>(), created = new Map<string, number>();
  const order = table.timeOrder();
  let caseStart = NaN;
  const action = dictColumn(table, 'action');
  for (const field of ['init.usr.name', 'target.usr.name']) {
    const col = dictColumn(table, field);
    if (col === undefined) continue;
    const firstById = new Float64Array(col.values.length + 1).fill(NaN);
    for (let i = 0; i < order.length; i++) {
      const r = order[i], id = col.ids[r];
      const t = table.tsOf(r);
      if (t !== t) break; // rows without a time come last
      if (caseStart !== caseStart) caseStart = t;
      if (id === 0) continue;
      if (firstById[id] !== firstById[id]) firstById[id] = t;
      if (field === 'target.usr.name' && action !== undefined && action.ids[r] !== 0 && CREATE.has(action.values[action.ids[r] - 1])) {
        const name = col.values[id - 1];
        if (!created.has(name)) created.set(name, t);
      }
    }
    for (let id = 1; id < firstById.length; id++) {
      const t = firstById[id];
      if (t !== t) continue;
      const name = col.values[id - 1];
      const prev = first.get(name);
      if (prev === undefined || t < prev) first.set(name, t);
    }
  }
  const value = { caseStart: caseStart === caseStart ? caseStart : 0, first, created };
  cache.set(table, { rowCount: table.rowCount, value });
  return value;
}
