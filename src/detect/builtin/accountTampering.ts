// Account lifecycle and tampering, on normalized actions so Windows and Linux share one table:
// accounts created/deleted/enabled (4720/4726/4722, useradd/userdel), a member added to a privileged group
// (4728/4732/4756, usermod -aG sudo|wheel|adm), audit log cleared (1102, 104), service installed (7045/4697),
// scheduled task created (4698), and sudo to root by a new account (created in the case, or first seen less
// than `newUserHours` before, after the case had that much history). Events of one kind for the same host and
// object within the merge window make one alert with a count.
import type { Alert, EventTable, Severity } from '../types.ts';
import { classify, dictColumn, valueAt } from '../columns.ts';
import { makeAlert, q } from './alerts.ts';
import { MINUTE, num, type Detector, type Params } from './detector.ts';
import { firstSeenUsers } from './firstSeen.ts';
import { appendAll } from '../../core/appendAll.ts';

interface Kind { label: string; severity: Severity; object: string; actions: readonly string[] }

const KINDS: readonly Kind[] = [
  { label: 'Account created', severity: 'medium', object: 'target.usr.name', actions: ['account-create', 'user-created'] },
  { label: 'Account deleted', severity: 'medium', object: 'target.usr.name', actions: ['account-delete', 'user-deleted'] },
  { label: 'Account enabled', severity: 'low', object: 'target.usr.name', actions: ['account-enable'] },
  { label: 'Added to a privileged group', severity: 'high', object: 'target.usr.name', actions: ['group-member-add', 'group-member-added'] },
  { label: 'Audit log cleared', severity: 'high', object: 'obs.host.name', actions: ['log-clear'] },
  { label: 'Service installed', severity: 'medium', object: 'target.service.name', actions: ['service-install'] },
  { label: 'Scheduled task created', severity: 'medium', object: 'target.task.name', actions: ['task-create'] },
];
const SUDO = KINDS.length + 1;
const GROUP_KIND = 4;

const T0 = Date.UTC(2026, 2, 3, 3, 0);
const at = (min: number, e: Record<string, string>) => ({ ts: T0 + min * MINUTE, 'obs.host.name': 'web01', ...e });

export const accountTampering: Detector = {
  id: 'builtin.account-tampering',
  title: 'Account changes and tampering',
  description: 'Accounts created, deleted or enabled, members added to privileged groups, audit logs cleared, services and scheduled tasks installed, and sudo to root by a new account.',
  severity: 'high',
  params: [
    { name: 'mergeMinutes', label: 'Merge window', kind: 'number', default: 60, min: 1, max: 1440, step: 1, unit: 'minutes', description: 'events of one kind for the same host and object within this window make one alert' },
    { name: 'newUserHours', label: 'New account age', kind: 'number', default: 24, min: 1, max: 24 * 90, step: 1, unit: 'hours', description: 'an account first seen less than this before its sudo to root counts as new' },
    { name: 'allGroups', label: 'Every group', kind: 'boolean', default: false, description: 'alert on additions to any group, not only privileged ones' },
  ],
  remediation: 'Confirm each change with its owner (change ticket); undo unapproved accounts, group memberships, services and tasks, and preserve the host for forensics if the audit log was cleared.',
  playbook: [
    'Who made the change (init.usr.name) and from which session or logon?',
    'Was it approved? If not: disable the new account, remove it from privileged groups, stop and delete the service or task.',
    'An audit log cleared is anti-forensics: collect what remains (other logs, memory) before anything else.',
    'Search for what the new account did afterwards.',
  ],
  samples: [
    { title: 'useradd then usermod -aG sudo (two lines of one change)', events: [
      at(0, { action: 'user-created', 'target.usr.name': 'backdoor' }),
      at(1, { action: 'group-member-added', 'target.usr.name': 'backdoor', 'target.group.name': 'sudo' }),
      at(1, { action: 'group-member-added', 'target.usr.name': 'backdoor', 'target.group.name': 'sudo' }),
    ], expect: { count: 2 } },
    { title: 'added to a non-privileged group', events: [at(0, { action: 'group-member-added', 'target.usr.name': 'bob', 'target.group.name': 'docker' })], expect: { count: 0 } },
    { title: 'Windows 1102 audit log cleared', events: [at(0, { action: 'log-clear', 'alarm.id': '1102', 'init.usr.name': 'admin' })], expect: { count: 1, groups: [{ 'obs.host.name': 'web01', action: 'log-clear' }] } },
  ],
  coverage(table) {
    const action = dictColumn(table, 'action');
    const present = KINDS.filter((k) => k.actions.some((a) => action?.values.includes(a))).map((k) => k.label.toLowerCase());
    if (action?.values.includes('sudo') === true) present.push('sudo');
    return present.length === 0
      ? { state: 'inactive', reason: 'no account, group, log-clear, service, task or sudo events in this case' }
      : { state: 'active', reason: `events present: ${present.join(', ')}` };
  },
  run(table, params) {
    return runTampering(table, params);
  },
};

const PRIVILEGED = new Set(['sudo', 'wheel', 'adm', 'admin', 'root', 'administrators', 'domain admins', 'enterprise admins', 'schema admins',
  'remote desktop users', 'backup operators', 'account operators', 'server operators', 'dnsadmins', 'group policy creator owners', 'hyper-v administrators']);

interface Pending { start: number; rows: number[]; group: Record<string, string>; kind: number; filter: string }

function runTampering(table: EventTable, params: Params): Alert[] {
  const action = dictColumn(table, 'action');
  if (action === undefined) return [];
  const byAction = new Map<string, number>();
  KINDS.forEach((k, i) => k.actions.forEach((a) => byAction.set(a, i + 1)));
  byAction.set('sudo', SUDO);
  const kindOf = classify(action, (v) => byAction.get(v) ?? 0);
  const host = table.column('obs.host.name'), group = dictColumn(table, 'target.group.name');
  const objectCols = KINDS.map((k) => table.column(k.object));
  const outcome = table.column('outcome'), init = table.column('init.usr.name'), target = table.column('target.usr.name');
  const privileged = classify(group, (v) => (PRIVILEGED.has(v.toLowerCase()) ? 1 : 0));
  const allGroups = params.allGroups === true, width = num(params, 'mergeMinutes') * MINUTE;
  const newWithin = num(params, 'newUserHours') * 60 * MINUTE;
  const order = table.timeOrder();
  const open = new Map<string, Pending>();
  const done: Pending[] = [];
  let seen: ReturnType<typeof firstSeenUsers> | undefined;
  for (let i = 0; i < order.length; i++) {
    const r = order[i];
    const kind = kindOf[action.ids[r]];
    if (kind === 0) continue;
    const t = table.tsOf(r);
    const h = valueAt(host, r) ?? '';
    let object: string;
    const g: Record<string, string> = { 'obs.host.name': h };
    if (kind === SUDO) {
      if (valueAt(outcome, r) !== 'success' || valueAt(target, r) !== 'root') continue;
      const who = valueAt(init, r);
      if (who === undefined || who === 'root') continue;
      seen ??= firstSeenUsers(table);
      const first = seen.first.get(who);
      const created = seen.created.get(who);
      const isNew = (created !== undefined && created <= t) || (first !== undefined && t - first < newWithin && first - seen.caseStart >= newWithin);
      if (!isNew) continue;
      object = who;
      g.action = 'sudo';
      g['init.usr.name'] = who;
    } else {
      const k = KINDS[kind - 1];
      if (kind === GROUP_KIND && !allGroups && (group === undefined || privileged[group.ids[r]] !== 1)) continue;
      object = valueAt(objectCols[kind - 1], r) ?? '';
      g.action = action.values[action.ids[r] - 1];
      if (k.object !== 'obs.host.name' && object !== '') g[k.object] = object;
      if (kind === GROUP_KIND && group !== undefined && group.ids[r] !== 0) g['target.group.name'] = group.values[group.ids[r] - 1];
    }
    const key = `${kind}\u0000${h}\u0000${object}\u0000${g['target.group.name'] ?? ''}`;
    const cur = open.get(key);
    if (cur !== undefined && t < cur.start + width) {
      cur.rows.push(r);
      continue;
    }
    if (cur !== undefined) done.push(cur);
    const filter = Object.entries(g).filter(([, v]) => v !== '').map(([f, v]) => `${f}:${q(v)}`).join(' and ');
    open.set(key, { start: t, rows: [r], group: g, kind, filter });
  }
  appendAll(done, open.values());
  return done.map((a) => {
    const k = a.kind === SUDO ? undefined : KINDS[a.kind - 1];
    const label = k?.label ?? 'Sudo to root by a new account';
    const severity: Severity = k?.severity ?? 'high';
    const what = a.kind === SUDO ? a.group['init.usr.name']
      : a.kind === GROUP_KIND ? `${a.group['target.usr.name'] ?? '?'} → ${a.group['target.group.name'] ?? '?'}`
        : k?.object === 'obs.host.name' ? '' : (a.group[k?.object ?? ''] ?? '');
    const on = a.group['obs.host.name'] !== '' ? ` on ${a.group['obs.host.name']}` : '';
    return makeAlert(table, accountTampering, params, {
      group: a.group, windowStart: a.start, windowEnd: a.start + width, rows: a.rows, severity,
      message: `${label}${what !== '' ? `: ${what}` : ''}${on}${a.rows.length > 1 ? ` (${a.rows.length} events)` : ''}`,
      filter: a.filter,
    });
  });
}
