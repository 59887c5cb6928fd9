// Logon attempts across sources, on normalized fields only, so one detector covers SSH, Windows and the web:
// - action logon (sshd "Failed/Accepted ...", PAM, Windows 4624/4625), kerberos-preauth (4771),
//   credential-validation (4776), with outcome failure or success;
// - web: a POST to a login path (…/login, /signin, /wp-login.php, /j_security_check, /api/session …) fails with
//   401/403 and succeeds below 400; any 401 is an HTTP authentication failure. (Apps that answer a failed
//   form login with 200 give no failures, so they never feed a false "success after failures".)
// sshd's "Invalid user x from ip" is not counted: the "Failed password for invalid user x" line that follows
// it is the attempt (counting both would double every invalid-user attempt).
// Built once per table and kept: a parameter change re-runs windows over these arrays only, and rows appended
// by a live poll extend them (with the cached groups) instead of building them again.
import type { Alert, EventTable } from '../types.ts';
import { classify, dictColumn, numColumn, type DictView } from '../columns.ts';

export const FAIL = 1;
export const SUCCESS = 2;

export interface Logons {
  /** logon attempts with a time, oldest first */
  rows: Uint32Array;
  ts: Float64Array;
  kind: Uint8Array;
  /** ids into users / ips (0 = unknown); user = target.usr.name, else init.usr.name */
  user: Uint32Array;
  ip: Uint32Array;
  users: string[];
  ips: string[];
  /** one object per full build, shared by the arrays extended from it (live polls) */
  lineage: object;
  /** how many polls extended the arrays since the build; userGen / ipGen: per key id, the last one that touched it */
  gen: number;
  userGen: Uint32Array;
  ipGen: Uint32Array;
}

const AUTH_ACTIONS = new Set(['logon', 'kerberos-preauth', 'credential-validation']);
/** The search clause that selects logon attempts (evidence queries): the auth actions above, or web requests. */
export const LOGON_CLAUSE = '(action:(logon kerberos-preauth credential-validation) or type:WEB)';
const LOGIN_PATH = /(^|\/)(log-?in|log-?on|sign-?in|sign_in|auth|authenticate|session|sessions|wp-login\.php|j_security_check|token)(\/|\.|$)/i;

/** Ids of several dictionary columns folded into one dictionary (first non-empty column wins per row). */
class JointDict {
  readonly values: string[] = [];
  private readonly lookup = new Map<string, number>();
  /** `prev` = the remap of this column made before its dictionary grew (values only ever append) */
  remap(col: DictView | undefined, prev?: Uint32Array): Uint32Array {
    const out = new Uint32Array(col === undefined ? 1 : col.values.length + 1);
    let from = 1;
    if (prev !== undefined) {
      out.set(prev.subarray(0, Math.min(prev.length, out.length)));
      from = prev.length;
    }
    if (col !== undefined) {
      for (let i = from; i < out.length; i++) {
        const v = col.values[i - 1];
        if (v === '' || v === '-') continue;
        let id = this.lookup.get(v);
        if (id === undefined) {
          this.values.push(v);
          id = this.values.length;
          this.lookup.set(v, id);
        }
        out[i] = id;
      }
    }
    return out;
  }
}

/** Per-dictionary-id verdicts, extended (not recomputed) as the dictionary grows. */
function verdicts(col: DictView | undefined, f: (value: string) => number, prev?: Uint8Array): Uint8Array {
  if (prev === undefined || col === undefined) return classify(col, f);
  if (prev.length === col.values.length + 1) return prev;
  const out = new Uint8Array(col.values.length + 1);
  out.set(prev.subarray(0, Math.min(prev.length, out.length)));
  for (let i = prev.length; i < out.length; i++) out[i] = f(col.values[i - 1]);
  return out;
}

/** What a build keeps so that appended rows extend it: the joint dictionaries and the per-id verdicts. */
interface BuildState {
  rowCount: number;
  logons: Logons;
  userDict: JointDict;
  ipDict: JointDict;
  maps: { tu?: Uint32Array; iu?: Uint32Array; ip?: Uint32Array };
  verdicts: { auth?: Uint8Array; outcome?: Uint8Array; web?: Uint8Array; login?: Uint8Array; post?: Uint8Array };
}

const cache = new WeakMap<EventTable, BuildState>();

/**
 * The logon arrays of the table. When rows were appended since the last call (a live poll) and none of their
 * logons is older than the newest one already held, the arrays are extended with the new rows only: the result
 * is what a full build gives (time order with ties in row order), the dictionaries' ids aside, which no
 * detector shows. Anything else (rows removed, an append that lands in the past) builds again from scratch.
 */
export function logons(table: EventTable): Logons {
  const hit = cache.get(table);
  if (hit !== undefined && hit.rowCount === table.rowCount) return hit.logons;
  const next = (hit !== undefined && hit.rowCount < table.rowCount ? extend(table, hit) : undefined) ?? build(table);
  cache.set(table, next);
  return next.logons;
}

/** Classifies rows as FAIL, SUCCESS or 0 (not a logon attempt) with the table's columns and the state's verdicts. */
function classifier(table: EventTable, prev?: BuildState) {
  const action = dictColumn(table, 'action'), outcome = dictColumn(table, 'outcome'), type = dictColumn(table, 'type');
  const path = dictColumn(table, 'target.uri.path'), method = dictColumn(table, 'web.request.method');
  const rc = numColumn(table, 'web.request.rc');
  const pv = prev?.verdicts;
  const v = {
    auth: verdicts(action, (x) => (AUTH_ACTIONS.has(x) ? 1 : 0), pv?.auth),
    outcome: verdicts(outcome, (x) => (x === 'failure' ? FAIL : x === 'success' ? SUCCESS : 0), pv?.outcome),
    web: verdicts(type, (x) => (x === 'WEB' ? 1 : 0), pv?.web),
    login: verdicts(path, (x) => (LOGIN_PATH.test(x) ? 1 : 0), pv?.login),
    post: verdicts(method, (x) => (x.toUpperCase() === 'POST' ? 1 : 0), pv?.post),
  };
  const tu = dictColumn(table, 'target.usr.name'), iu = dictColumn(table, 'init.usr.name'), ipc = dictColumn(table, 'init.host.ip');
  const userDict = prev?.userDict ?? new JointDict(), ipDict = prev?.ipDict ?? new JointDict();
  const maps = { tu: userDict.remap(tu, prev?.maps.tu), iu: userDict.remap(iu, prev?.maps.iu), ip: ipDict.remap(ipc, prev?.maps.ip) };
  const kindOf = (r: number): number => {
    if (action !== undefined && v.auth[action.ids[r]] === 1 && outcome !== undefined) return v.outcome[outcome.ids[r]];
    if (type !== undefined && v.web[type.ids[r]] === 1 && rc !== undefined) {
      const code = rc[r];
      if (code === 401) return FAIL;
      if (path !== undefined && method !== undefined && v.login[path.ids[r]] === 1 && v.post[method.ids[r]] === 1 && code === code) {
        return code === 403 ? FAIL : code < 400 ? SUCCESS : 0;
      }
    }
    return 0;
  };
  const userOf = (r: number): number => {
    const u = tu !== undefined ? maps.tu[tu.ids[r]] : 0;
    return u !== 0 ? u : iu !== undefined ? maps.iu[iu.ids[r]] : 0;
  };
  const ipOf = (r: number): number => (ipc !== undefined ? maps.ip[ipc.ids[r]] : 0);
  return { kindOf, userOf, ipOf, userDict, ipDict, maps, verdicts: v };
}

function build(table: EventTable): BuildState {
  const c = classifier(table);
  const order = table.timeOrder();
  const n = order.length;
  const rows = new Uint32Array(n), ts = new Float64Array(n), kind = new Uint8Array(n), user = new Uint32Array(n), ip = new Uint32Array(n);
  let k = 0;
  for (let i = 0; i < n; i++) {
    const r = order[i];
    const cls = c.kindOf(r);
    if (cls === 0) continue;
    const t = table.tsOf(r);
    if (t !== t) continue; // a logon without a time cannot be placed in a window
    rows[k] = r;
    ts[k] = t;
    kind[k] = cls;
    user[k] = c.userOf(r);
    ip[k] = c.ipOf(r);
    k++;
  }
  const logons: Logons = {
    rows: rows.slice(0, k), ts: ts.slice(0, k), kind: kind.slice(0, k), user: user.slice(0, k), ip: ip.slice(0, k),
    users: c.userDict.values, ips: c.ipDict.values,
    lineage: {}, gen: 0, userGen: new Uint32Array(c.userDict.values.length + 1), ipGen: new Uint32Array(c.ipDict.values.length + 1),
  };
  return { rowCount: table.rowCount, logons, userDict: c.userDict, ipDict: c.ipDict, maps: c.maps, verdicts: c.verdicts };
}

/** The state extended with the rows appended since it was built; undefined when a new logon is older than the newest held. */
function extend(table: EventTable, prev: BuildState): BuildState | undefined {
  const c = classifier(table, prev);
  const old = prev.logons, n = old.rows.length;
  const last = n === 0 ? -Infinity : old.ts[n - 1];
  const added: number[] = [];
  for (let r = prev.rowCount; r < table.rowCount; r++) {
    if (c.kindOf(r) === 0) continue;
    const t = table.tsOf(r);
    if (t !== t) continue;
    if (t < last) return undefined; // lands among the held logons: their positions would shift
    added.push(r);
  }
  // the time order of the case: by time, ties in row order
  added.sort((a, b) => table.tsOf(a) - table.tsOf(b) || a - b);
  const m = n + added.length;
  const grow = <A extends Uint32Array | Float64Array | Uint8Array>(a: A, make: (len: number) => A): A => {
    const out = make(m);
    out.set(a);
    return out;
  };
  const rows = grow(old.rows, (len) => new Uint32Array(len)), ts = grow(old.ts, (len) => new Float64Array(len));
  const kind = grow(old.kind, (len) => new Uint8Array(len));
  const user = grow(old.user, (len) => new Uint32Array(len)), ip = grow(old.ip, (len) => new Uint32Array(len));
  for (let j = 0; j < added.length; j++) {
    const r = added[j], k = n + j;
    rows[k] = r;
    ts[k] = table.tsOf(r);
    kind[k] = c.kindOf(r);
    user[k] = c.userOf(r);
    ip[k] = c.ipOf(r);
  }
  const gen = old.gen + 1;
  const userGen = new Uint32Array(c.userDict.values.length + 1), ipGen = new Uint32Array(c.ipDict.values.length + 1);
  userGen.set(old.userGen);
  ipGen.set(old.ipGen);
  for (let k = n; k < m; k++) {
    userGen[user[k]] = gen;
    ipGen[ip[k]] = gen;
  }
  const logons: Logons = { rows, ts, kind, user, ip, users: c.userDict.values, ips: c.ipDict.values, lineage: old.lineage, gen, userGen, ipGen };
  // the groups and failure lists of the old arrays carry over: only the groups the new logons touch change
  extendGroups(old, old.user, logons, user);
  extendGroups(old, old.ip, logons, ip);
  return { rowCount: table.rowCount, logons, userDict: c.userDict, ipDict: c.ipDict, maps: c.maps, verdicts: c.verdicts };
}

const groupCache = new WeakMap<Uint32Array, Map<number, Map<number, Uint32Array>>>();

/**
 * Positions (into Logons arrays, so in time order) of the attempts of one kind (0 = any), grouped by a key id
 * (l.user or l.ip); groups in first-seen order. Parameter-free, so cached with the logon arrays.
 */
export function groupPositions(l: Logons, key: Uint32Array, want: number): Map<number, Uint32Array> {
  let byKind = groupCache.get(key);
  if (byKind === undefined) groupCache.set(key, (byKind = new Map()));
  const hit = byKind.get(want);
  if (hit !== undefined) return hit;
  // two passes over flat arrays (count, then fill): no per-group array growth
  const n = l.rows.length;
  const counts = new Uint32Array(Math.max(l.users.length, l.ips.length) + 1);
  const order: number[] = [];
  for (let i = 0; i < n; i++) {
    if ((want !== 0 && l.kind[i] !== want) || key[i] === 0) continue;
    if (counts[key[i]]++ === 0) order.push(key[i]);
  }
  const out = new Map<number, Uint32Array>();
  const fill = new Uint32Array(counts.length);
  for (const k of order) out.set(k, new Uint32Array(counts[k]));
  for (let i = 0; i < n; i++) {
    if ((want !== 0 && l.kind[i] !== want) || key[i] === 0) continue;
    out.get(key[i])![fill[key[i]]++] = i;
  }
  byKind.set(want, out);
  return out;
}

const keyedCache = new WeakMap<object, Map<string, { params: string; gen: number; byKey: Map<number, Alert[]> }>>();

/**
 * The alerts of a detector whose groups are independent (one key's alerts read only that key's logons): per key,
 * `runKey(k)`, except for keys no logon touched since the last run of the same `slot` (detector and key column)
 * with the same parameters over the same lineage of arrays, whose alerts are reused. A live poll thus costs
 * the keys it touches, and the result is the full run's. Only the last run per slot is kept.
 */
export function keyedAlerts(l: Logons, key: Uint32Array, slot: string, params: unknown, keys: Iterable<number>, runKey: (k: number) => Alert[]): Alert[] {
  const sig = JSON.stringify(params);
  const gens = key === l.user ? l.userGen : key === l.ip ? l.ipGen : undefined;
  let byVariant = keyedCache.get(l.lineage);
  if (byVariant === undefined) keyedCache.set(l.lineage, (byVariant = new Map()));
  const prev = byVariant.get(slot);
  const last = gens !== undefined && prev !== undefined && prev.params === sig ? prev : undefined;
  const byKey = new Map<number, Alert[]>();
  const out: Alert[] = [];
  for (const k of keys) {
    const kept = last !== undefined && gens![k] <= last.gen ? last.byKey.get(k) : undefined;
    const alerts = kept ?? runKey(k);
    byKey.set(k, alerts);
    for (const a of alerts) out.push(a);
  }
  byVariant.set(slot, { params: sig, gen: l.gen, byKey });
  return out;
}

export interface KeyFailures {
  /** positions into the Logons arrays, in time order */
  pos: Uint32Array;
  /** their times (epoch ms), ascending: windows are binary searches over it */
  ts: Float64Array;
}

const failureCache = new WeakMap<Uint32Array, Map<number, KeyFailures>>();

/** The failed logons of each key (l.user or l.ip) with their times: what the failure-counting detectors open with. */
export function failuresBy(l: Logons, key: Uint32Array): Map<number, KeyFailures> {
  const hit = failureCache.get(key);
  if (hit !== undefined) return hit;
  const out = new Map<number, KeyFailures>();
  for (const [k, pos] of groupPositions(l, key, FAIL)) out.set(k, { pos, ts: Float64Array.from(pos, (p) => l.ts[p]) });
  failureCache.set(key, out);
  return out;
}

/**
 * Carries the cached groups of `oldKey` over to `key` (the same key column extended with appended logons), in
 * place: groups no new logon touches keep their arrays; touched ones get the new positions at their end, and
 * new groups come last, which is the first-seen order a full grouping gives. The old arrays are not read again.
 */
function extendGroups(old: Logons, oldKey: Uint32Array, l: Logons, key: Uint32Array): void {
  const byKind = groupCache.get(oldKey);
  if (byKind === undefined) return;
  for (const [want, groups] of byKind) {
    const added = new Map<number, number[]>();
    for (let i = old.rows.length; i < l.rows.length; i++) {
      if ((want !== 0 && l.kind[i] !== want) || key[i] === 0) continue;
      const list = added.get(key[i]);
      if (list === undefined) added.set(key[i], [i]);
      else list.push(i);
    }
    for (const [k, more] of added) {
      const pos = groups.get(k);
      if (pos === undefined) groups.set(k, Uint32Array.from(more));
      else {
        const grown = new Uint32Array(pos.length + more.length);
        grown.set(pos);
        grown.set(more, pos.length);
        groups.set(k, grown);
      }
    }
  }
  groupCache.set(key, byKind);
  const failures = failureCache.get(oldKey), fails = byKind.get(FAIL);
  if (failures === undefined || fails === undefined) return;
  for (const [k, pos] of fails) {
    const had = failures.get(k);
    if (had === undefined || had.pos !== pos) failures.set(k, { pos, ts: Float64Array.from(pos, (p) => l.ts[p]) });
  }
  failureCache.set(key, failures);
}

/** The coverage of a detector over logons: active when the case has any, with what it found. */
export function logonCoverage(table: EventTable, what: string): { state: 'active' | 'inactive'; reason: string } {
  const l = logons(table);
  let fail = 0;
  for (let i = 0; i < l.kind.length; i++) if (l.kind[i] === FAIL) fail++;
  if (l.rows.length === 0) return { state: 'inactive', reason: `no logon events (SSH, Windows 4624/4625/4771/4776, web login) in this case` };
  return { state: 'active', reason: `${l.rows.length} logon attempts (${fail} failed)${what}` };
}
