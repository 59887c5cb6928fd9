// The rule tester: a pasted rule (one or several YAML documents) is loaded and run over the open case on its
// own, without touching the case's rules. It answers with the parse errors (line and column in the pasted
// text), each document's coverage, the first matching events with why they matched, and the alerts it would raise.
import type { EventTable } from '../../detect/types.ts';
import { explainMatches, loadRules, runSigma } from '../../detect/sigma/index.ts';
import type { SigmaTestMatch, SigmaTestResult } from '../api.ts';
import { coverageRow } from './caseSigma.ts';

const PATH = 'pasted rule';
/** a pasted text past this is refused: the tester answers as the user types */
const MAX_TEXT = 256 * 1024;

function messageOf(table: EventTable, row: number): string {
  const col = table.column('message');
  let s: string | undefined;
  if (col?.kind === 'text') s = col.valueOf(row);
  else if (col?.kind === 'dict') s = col.ids[row] === 0 ? undefined : col.values[col.ids[row] - 1];
  if (s === undefined || s === '') {
    const raw = table.column('raw');
    s = raw?.kind === 'text' ? raw.valueOf(row) : undefined;
  }
  s ??= '';
  return s.length > 300 ? `${s.slice(0, 300)}…` : s;
}

export function testSigmaRule(table: EventTable, text: string, limit: number): SigmaTestResult {
  const t0 = performance.now();
  if (text.length > MAX_TEXT) {
    return { issues: [{ line: 1, column: 1, message: `the pasted text is larger than ${MAX_TEXT / 1024} KiB` }], rules: [], total: 0, matches: [], alerts: [], runMs: 0 };
  }
  const set = loadRules([{ path: PATH, text }]);
  const run = runSigma(set, table, { maxEvidence: 20 });
  const levels = new Map([...set.rules, ...set.correlations, ...set.filters].map((d) => [d.id, d.level]));
  const none = new Set<string>();
  const rules = run.coverage.map((c) => coverageRow(c, levels.get(c.id), none, new Set()));
  const matches: SigmaTestMatch[] = [];
  let total = 0;
  for (const m of run.matches.values()) {
    if (m.rule.id.endsWith('#events')) continue; // the hidden selection of a legacy aggregation: its alerts say it
    total += m.rows.length;
    const room = Math.max(0, limit - matches.length);
    if (room === 0) continue;
    for (const e of explainMatches(table, m, Array.from(m.rows.subarray(0, room)))) {
      matches.push({ row: e.row, ts: table.tsOf(e.row), rule: m.rule.id, message: messageOf(table, e.row), identifiers: e.identifiers, fields: e.fields });
    }
  }
  return {
    issues: set.issues.map((i) => ({ line: i.line, column: i.column, message: i.message })),
    rules, total, matches,
    alerts: run.alerts.slice(0, limit).map((a) => ({ ruleId: a.ruleId, message: a.message, count: a.count })),
    runMs: performance.now() - t0,
  };
}
