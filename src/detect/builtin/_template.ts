// TEMPLATE: copy to src/detect/builtin/<id>.ts, rename, and register the copy in src/detect/index.ts (files
// named _*.ts are never registered; test/detect/samples.test.ts checks this one like a real detector).
// One self-describing unit: what it looks for, its parameters with defaults and ranges, what to do about it,
// samples that document and test it, and a run over the columnar EventTable (no per-event objects).
// Reference: the source that defines the behaviour (an ATT&CK technique, a vendor's event documentation).
// Example input: { ts, 'obs.host.name': 'web01', action: 'service-install', outcome: 'success' } x 3 in 5 min.
import type { EventTable } from '../types.ts';
import { makeAlert } from './alerts.ts';
import { MINUTE, num, type Detector, type Params } from './detector.ts';

const T0 = Date.UTC(2026, 2, 3, 2, 0);
const ev = (i: number, host = 'web01') => ({ ts: T0 + i * MINUTE, 'obs.host.name': host, action: 'service-install', outcome: 'success' });

/** Rows of the case whose `field` is `value`, oldest first (dictionary columns: one compare per distinct value). */
function rowsWith(table: EventTable, field: string, value: string): number[] {
  const col = table.column(field);
  if (col === undefined || col.kind !== 'dict') return [];
  const id = col.values.indexOf(value) + 1;
  if (id === 0) return [];
  const out: number[] = [];
  for (const row of table.timeOrder()) if (col.ids[row] === id) out.push(row);
  return out;
}

export const templateDetector: Detector = {
  id: 'builtin.template',
  title: 'Repeated service installs on one host (template)',
  description: 'Several services installed on the same host within a short window: the shape of a unit to copy.',
  severity: 'medium',
  params: [
    { name: 'threshold', label: 'Installs', kind: 'number', default: 3, min: 2, max: 1000, step: 1, unit: 'events', description: 'installs on one host that raise an alert' },
    { name: 'windowMinutes', label: 'Window', kind: 'number', default: 10, min: 1, max: 1440, step: 1, unit: 'minutes', description: 'the installs must fall within this window (from the first one)' },
  ],
  remediation: 'Check who installed the services and what they run; remove the ones nobody can account for.',
  playbook: ['List the services installed on the host in the window.', 'Find the account that installed them.', 'Compare with change records.'],
  samples: [
    { title: 'three installs in two minutes', events: [ev(0), ev(1), ev(2)], expect: { count: 1, groups: [{ 'obs.host.name': 'web01' }] } },
    { title: 'two installs', events: [ev(0), ev(1)], expect: { count: 0 } },
    { title: 'three installs on two hosts', events: [ev(0), ev(1, 'web02'), ev(2)], expect: { count: 0 } },
  ],
  coverage: (table) => (table.column('action') === undefined
    ? { state: 'inactive', reason: 'no event of this case has an action' }
    : { state: 'active', reason: 'reads action and obs.host.name' }),
  run(table: EventTable, params: Params) {
    const host = table.column('obs.host.name');
    if (host === undefined || host.kind !== 'dict') return [];
    const threshold = num(params, 'threshold'), width = num(params, 'windowMinutes') * MINUTE;
    // per host, a window opens at its first install; it fires once the threshold is reached within the window
    const byHost = new Map<number, number[]>();
    for (const row of rowsWith(table, 'action', 'service-install')) {
      const rows = byHost.get(host.ids[row]) ?? [];
      rows.push(row);
      byHost.set(host.ids[row], rows);
    }
    const alerts = [];
    for (const [id, rows] of byHost) {
      if (id === 0) continue;
      for (let start = 0; start < rows.length;) {
        const t0 = table.tsOf(rows[start]);
        let end = start;
        while (end + 1 < rows.length && table.tsOf(rows[end + 1]) < t0 + width) end++;
        const inWindow = rows.slice(start, end + 1);
        if (inWindow.length >= threshold) {
          const name = host.values[id - 1];
          alerts.push(makeAlert(table, templateDetector, params, {
            group: { 'obs.host.name': name }, windowStart: t0, windowEnd: t0 + width, rows: inWindow,
            message: `${inWindow.length} services installed on ${name} within ${params.windowMinutes} minutes`,
            filter: `obs.host.name:"${name}" and action:service-install`,
          }));
        }
        start = end + 1;
      }
    }
    return alerts;
  },
};
