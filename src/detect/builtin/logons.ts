// Logon attempts across sources, on normalized fields only, so one detector covers SSH, Windows and the web:
// - action logon (sshd "Failed/Accepted ...", PAM, Windows 4624/4625), kerberos-preauth (4771),
//   credential-validation (4776), with outcome failure or success;
// - web: a POST to a login path (…/login, /signin, /wp-login.php, /j_security_check, /api/session …) fails with
//   401/403 and succeeds below 400; any 401 is an HTTP authentication failure. (Apps that answer a failed
//   form login with 200 give no failures, so they never feed a false "success after failures".)
// sshd's "Invalid user x from ip" is not counted: the "Failed password for invalid user x" line that follows
// it is the attempt (counting both would double every invalid-user attempt).
// Built once per table size and kept: a parameter change re-runs windows over these arrays only.
import type { EventTable } from '../types.ts';
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
}

const AUTH_ACTIONS = new Set(['logon', 'kerberos-preauth', 'credential-validation']);
/** The search clause that selects logon attempts (evidence queries): the auth actions above, or web requests. */
export const LOGON_CLAUSE = '(action:(logon kerberos-preauth credential-validation) or type:WEB)';
const LOGIN_PATH = /(^|\/)(log-?in|log-?on|sign-?in|sign_in|auth|authenticate|session|sessions|wp-login\.php|j_security_check|token)(\/|\.|$)/i;

/** Ids of several dictionary columns folded into one dictionary (first non-empty column wins per row). */
class JointDict {
  readonly values: string[] = [];
  private readonly lookup = new Map<string, number>();
  remap(col: DictView | undefined): Uint32Array {
    const out = new Uint32Array(col === undefined ? 1 : col.values.length + 1);
    if (col !== undefined) {
      for (let i = 1; i < out.length; i++) {
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

const cache = new WeakMap<EventTable, { rowCount: number; logons: Logons }>();

export function logons(table: EventTable): Logons {
  const hit = cache.get(table);
  if (hit !== undefined && hit.rowCount === table.rowCount) return hit.logons;
  const value = build(table);
  cache.set(table, { rowCount: table.rowCount, logons: value });
  return value;
}

function build(table: EventTable): Logons {
  const action = dictColumn(table, 'action'), outcome = dictColumn(table, 'outcome'), type = dictColumn(table, 'type');
  const path = dictColumn(table, 'target.uri.path'), method = dictColumn(table, 'web.request.method');
  const rc = numColumn(table, 'web.request.rc');
  const isAuth = classify(action, (v) => (AUTH_ACTIONS.has(v) ? 1 : 0));
  const outcomeOf = classify(outcome, (v) => (v === 'failure' ? FAIL : v === 'success' ? SUCCESS : 0));
  const isWeb = classify(type, (v) => (v === 'WEB' ? 1 : 0));
  const isLoginPath = classify(path, (v) => (LOGIN_PATH.test(v) ? 1 : 0));
  const isPost = classify(method, (v) => (v.toUpperCase() === 'POST' ? 1 : 0));
  const userDict = new JointDict(), ipDict = new JointDict();
  const tu = dictColumn(table, 'target.usr.name'), iu = dictColumn(table, 'init.usr.name'), ipc = dictColumn(table, 'init.host.ip');
  const tuMap = userDict.remap(tu), iuMap = userDict.remap(iu), ipMap = ipDict.remap(ipc);

  const order = table.timeOrder();
  const n = order.length;
  const rows = new Uint32Array(n), ts = new Float64Array(n), kind = new Uint8Array(n), user = new Uint32Array(n), ip = new Uint32Array(n);
  let k = 0;
  for (let i = 0; i < n; i++) {
    const r = order[i];
    let cls = 0;
    if (action !== undefined && isAuth[action.ids[r]] === 1 && outcome !== undefined) cls = outcomeOf[outcome.ids[r]];
    else if (type !== undefined && isWeb[type.ids[r]] === 1 && rc !== undefined) {
      const code = rc[r];
      if (code === 401) cls = FAIL;
      else if (path !== undefined && method !== undefined && isLoginPath[path.ids[r]] === 1 && isPost[method.ids[r]] === 1 && code === code) {
        cls = code === 403 ? FAIL : code < 400 ? SUCCESS : 0;
      }
    }
    if (cls === 0) continue;
    const t = table.tsOf(r);
    if (t !== t) continue; // a logon without a time cannot be placed in a window
    rows[k] = r;
    ts[k] = t;
    kind[k] = cls;
    const u = tu !== undefined ? tuMap[tu.ids[r]] : 0;
    user[k] = u !== 0 ? u : iu !== undefined ? iuMap[iu.ids[r]] : 0;
    ip[k] = ipc !== undefined ? ipMap[ipc.ids[r]] : 0;
    k++;
  }
  return {
    rows: rows.slice(0, k), ts: ts.slice(0, k), kind: kind.slice(0, k), user: user.slice(0, k), ip: ip.slice(0, k),
    users: userDict.values, ips: ipDict.values,
  };
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

/** The coverage of a detector over logons: active when the case has any, with what it found. */
export function logonCoverage(table: EventTable, what: string): { state: 'active' | 'inactive'; reason: string } {
  const l = logons(table);
  let fail = 0;
  for (let i = 0; i < l.kind.length; i++) if (l.kind[i] === FAIL) fail++;
  if (l.rows.length === 0) return { state: 'inactive', reason: `no logon events (SSH, Windows 4624/4625/4771/4776, web login) in this case` };
  return { state: 'active', reason: `${l.rows.length} logon attempts (${fail} failed)${what}` };
}
