// Shared helpers of the Sigma table tests: a rule from a detection snippet, run over Windows Security events.
import { loadRules, runSigma, type RuleSet } from '../../src/detect/sigma/index.ts';
import { memoryTable, type MemoryEvent } from '../harness/memoryTable.ts';

/** Windows Security events with the given data.* fields (and an optional ts). */
export function secEvents(fields: readonly Record<string, string | number | undefined>[]): MemoryEvent[] {
  return fields.map((f) => {
    const e: MemoryEvent = { 'data.Channel': 'Security', 'parser.name': 'evtx' };
    for (const [k, v] of Object.entries(f)) e[k === 'ts' || k === 'message' ? k : `data.${k}`] = v;
    return e;
  });
}

export function ruleYaml(detection: string, id = 'r1'): string {
  const body = detection.trim().split('\n').map((l) => `    ${l}`).join('\n');
  return `title: Test ${id}\nid: ${id}\nlevel: high\nlogsource:\n    product: windows\n    service: security\ndetection:\n${body}\n`;
}

export function load(text: string, placeholders?: Record<string, string[]>): RuleSet {
  return loadRules([{ path: 'test.yml', text }], { placeholders });
}

/** Rows of `events` the rule (a detection snippet) matches; throws with the reasons when it is rejected. */
export function matchRows(detection: string, events: readonly Record<string, string | number | undefined>[], placeholders?: Record<string, string[]>): number[] {
  const set = load(ruleYaml(detection), placeholders);
  if (set.issues.length > 0) throw new Error(set.issues.map((i) => `${i.line}: ${i.message}`).join('; '));
  const run = runSigma(set, memoryTable(secEvents(events)));
  return [...(run.matches.get('r1')?.rows ?? [])];
}

/** Does a one-field rule `key: value` (YAML text) match each value in turn? */
export function each(key: string, value: string, values: readonly string[]): boolean[] {
  const rows = matchRows(`sel:\n    ${key}: ${value}\ncondition: sel`, values.map((v) => ({ F: v })));
  return values.map((_, i) => rows.includes(i));
}

const sec = (id: string, name: string, detection: string) =>
  `title: ${id}\nid: ${id}\nname: ${name}\nlevel: high\nlogsource:\n    product: windows\n    service: security\ndetection:\n${detection}`;
/** Three rules and two chained correlations over them (failed logons -> burst -> burst then success). */
export const CHAINED_RULES = [
  sec('failed', 'failed_login', '    sel:\n        EventID: 4625\n    condition: sel'),
  sec('ok', 'successful_login', '    sel:\n        EventID: 4624\n    condition: sel'),
  sec('proc', 'proc', "    sel:\n        EventID: 4688\n        NewProcessName|endswith: '\\\\whoami.exe'\n    condition: sel"),
  'title: burst\nid: burst\nname: burst\nlevel: high\ncorrelation:\n    type: event_count\n    rules:\n        - failed_login\n    group-by:\n        - TargetUserName\n    timespan: 10m\n    condition:\n        gte: 3',
  'title: burst then ok\nid: chain\nlevel: critical\ncorrelation:\n    type: temporal_ordered\n    rules:\n        - burst\n        - successful_login\n    group-by:\n        - TargetUserName\n    timespan: 30m',
];
