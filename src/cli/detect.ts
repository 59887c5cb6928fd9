// `logdrop detect [--rules PATH]... FILE...`: the files go through the browser's ingest into the query index,
// the built-in detectors and the given Sigma rules (files, folders, zips) run over it, and each alert prints
// as one JSON line: rule.id, rule.name, alert.severity, ts (first evidence, ISO), the group key fields, count,
// message and the evidence (col.file / col.line, and data.EventRecordID for Windows records). A summary goes to stderr.
import type { Writable } from 'node:stream';
import type { Alert, EventTable, Severity } from '../detect/types.ts';
import { SEVERITIES } from '../detect/types.ts';
import { runDetectors } from '../detect/index.ts';
import { loadRules, runSigma } from '../detect/sigma/index.ts';
import { readRuleFiles } from './ruleFiles.ts';
import type { FileLedgerEntry, IngestOptions } from '../workers/api.ts';
import { caseTable } from '../workers/query/eventTable.ts';
import { queryEngineFromPaths } from './ingestPaths.ts';
import { summaryLine, write } from './normalize.ts';

export interface DetectRun { code: number; ledger: FileLedgerEntry[]; alerts: Alert[] }

export async function detect(paths: string[], rulePaths: string[], options: IngestOptions, out: Writable, err: Writable): Promise<DetectRun> {
  // rules are read before any log file: a wrong rule path fails fast
  const rules = rulePaths.length > 0 ? loadRules(readRuleFiles(rulePaths)) : undefined;
  const { engine, ledger } = await queryEngineFromPaths(paths, options);
  for (const f of ledger) err.write(summaryLine(f) + '\n');
  const table = caseTable(engine.index);
  const { alerts: builtin, detectors } = runDetectors(table);
  const sigma = rules === undefined ? undefined : runSigma(rules, table);
  const alerts = sigma === undefined ? builtin : [...builtin, ...sigma.alerts].sort((a, b) => a.ts - b.ts || a.id.localeCompare(b.id));
  let text = '';
  for (const a of alerts) {
    text += JSON.stringify(alertLine(table, a)) + '\n';
    if (text.length > 1 << 16) {
      await write(out, text);
      text = '';
    }
  }
  await write(out, text);
  const bySeverity = new Map<Severity, number>();
  for (const a of alerts) bySeverity.set(a.severity, (bySeverity.get(a.severity) ?? 0) + 1);
  const sev = [...SEVERITIES].reverse().filter((s) => bySeverity.has(s)).map((s) => `${bySeverity.get(s)} ${s}`).join(', ');
  err.write(`${alerts.length} alerts${sev !== '' ? ` (${sev})` : ''} from ${engine.index.rowCount} events\n`);
  for (const d of detectors) err.write(`  ${d.id}: ${d.alerts} alerts; ${d.coverage.state}: ${d.coverage.reason}\n`);
  if (sigma !== undefined) {
    const count = (s: string) => sigma.coverage.filter((c) => c.status === s).length;
    err.write(`Sigma: ${count('active')} rules active, ${count('inactive')} inactive (no matching log source), ${count('rejected')} rejected\n`);
    for (const c of sigma.coverage) if (c.status === 'rejected') err.write(`  rejected ${c.file}${c.line !== undefined ? `:${c.line}` : ''}: ${c.reason}\n`);
  }
  return { code: 0, ledger, alerts };
}

export function alertLine(table: EventTable, a: Alert): Record<string, unknown> {
  const file = table.column('col.file'), line = table.column('col.line'), record = table.column('data.EventRecordID');
  const read = (c: typeof file, row: number) => {
    if (c === undefined) return undefined;
    if (c.kind === 'dict') return c.ids[row] === 0 ? undefined : c.values[c.ids[row] - 1];
    if (c.kind === 'num') return c.values[row] === c.values[row] ? c.values[row] : undefined;
    return c.valueOf(row);
  };
  const evidence = a.evidence.map((row) => {
    const e: Record<string, string | number> = {};
    const f = read(file, row), l = read(line, row), r = read(record, row);
    if (f !== undefined) e['col.file'] = f;
    if (l !== undefined) e['col.line'] = l;
    if (r !== undefined) e['data.EventRecordID'] = r;
    return e;
  });
  return {
    'rule.id': a.ruleId,
    'rule.name': a.ruleName,
    'alert.severity': a.severity,
    'alert.id': a.id,
    ts: Number.isFinite(a.ts) ? new Date(a.ts).toISOString() : null,
    ...a.group,
    count: a.count,
    message: a.message,
    evidence,
  };
}
