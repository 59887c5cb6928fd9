// Adding, removing or replacing rule files re-runs only the documents the change touches (changedDocuments:
// the added or removed rules and correlations, the rules a changed filter applies to, and the correlations
// depending on them); merged with the other rules' last results (mergeRun), that must equal a full run of the
// new set, alert for alert and coverage line for coverage line. Every transition between subsets of six files
// that differ by one file is checked, plus a file replaced under the same path.
import { describe, expect, it } from 'vitest';
import { changedDocuments, loadRules, mergeRun, RuleLoader, runSigma, type RuleFile, type SigmaResult } from '../../src/detect/sigma/index.ts';
import { memoryTable } from '../harness/memoryTable.ts';
import { secEvents } from './sigmaHelpers.ts';

const T0 = Date.UTC(2026, 0, 1);
const MIN = 60_000;
const sec = (id: string, detection: string, level = 'high') =>
  `title: ${id}\nid: ${id}\nname: ${id}_name\nlevel: ${level}\nlogsource:\n    product: windows\n    service: security\ndetection:\n${detection}`;

const WIN: RuleFile = { path: 'rules/win.yml', text: [
  sec('failed', '    sel:\n        EventID: 4625\n    condition: sel'),
  sec('ok', '    sel:\n        EventID: 4624\n    condition: sel', 'medium'),
  sec('proc', "    sel:\n        EventID: 4688\n        NewProcessName|endswith: '\\\\whoami.exe'\n    condition: sel"),
].join('\n---\n') };
/** win.yml edited: proc now looks for cmd.exe, ok is gone */
const WIN2: RuleFile = { path: 'rules/win.yml', text: [
  sec('failed', '    sel:\n        EventID: 4625\n    condition: sel'),
  sec('proc', "    sel:\n        EventID: 4688\n        NewProcessName|endswith: '\\\\cmd.exe'\n    condition: sel"),
].join('\n---\n') };
/** a chain: failures per user, then a success; `ok` alerts only through it once this file is loaded */
const CORR: RuleFile = { path: 'rules/corr.yml', text: [
  'title: burst\nid: burst\nname: burst\nlevel: high\ncorrelation:\n    type: event_count\n    rules:\n        - failed_name\n    group-by:\n        - TargetUserName\n    timespan: 10m\n    condition:\n        gte: 3',
  'title: burst then ok\nid: chain\nlevel: critical\ncorrelation:\n    type: temporal_ordered\n    rules:\n        - burst\n        - ok_name\n    group-by:\n        - TargetUserName\n    timespan: 30m',
].join('\n---\n') };
/** bob's events are left out of `failed` */
const FILTER: RuleFile = { path: 'rules/filter.yml', text: 'title: not bob\nid: nobob\nlogsource:\n    product: windows\nfilter:\n    rules:\n        - failed\n    selection:\n        TargetUserName: bob\n    condition: not selection' };
const LEGACY: RuleFile = { path: 'rules/legacy.yml', text: sec('legacy', '    sel:\n        EventID: 4625\n    timeframe: 10m\n    condition: sel | count() by TargetUserName > 2') };
/** a correlation over `ok` that says generate: `ok` alerts on its own again */
const GEN: RuleFile = { path: 'rules/gen.yml', text: 'title: any ok\nid: anyok\nlevel: low\ncorrelation:\n    type: event_count\n    generate: true\n    rules:\n        - ok\n    group-by:\n        - TargetUserName\n    timespan: 5m\n    condition:\n        gte: 1' };
/** redefines `proc` (rejected as a duplicate while win.yml, listed first, is loaded) */
const DUP: RuleFile = { path: 'rules/dup.yml', text: sec('proc', "    sel:\n        EventID: 4688\n        NewProcessName|endswith: '\\\\cmd.exe'\n    condition: sel", 'low') };
const FILES = [WIN, CORR, FILTER, LEGACY, GEN, DUP];

const EVENTS = secEvents([
  ...[0, 1, 2, 3].map((m) => ({ ts: T0 + m * MIN, EventID: '4625', TargetUserName: 'alice' })),
  { ts: T0 + 5 * MIN, EventID: '4624', TargetUserName: 'alice' },
  ...[6, 7, 8].map((m) => ({ ts: T0 + m * MIN, EventID: '4625', TargetUserName: 'bob' })),
  { ts: T0 + 9 * MIN, EventID: '4624', TargetUserName: 'bob' },
  { ts: T0 + 10 * MIN, EventID: '4688', TargetUserName: 'bob', NewProcessName: 'C:\\Windows\\System32\\whoami.exe' },
  { ts: T0 + 11 * MIN, EventID: '4688', TargetUserName: 'bob', NewProcessName: 'C:\\Windows\\System32\\cmd.exe' },
]);
const table = memoryTable(EVENTS);

const subset = (mask: number) => FILES.filter((_, i) => (mask & (1 << i)) !== 0);
const show = (r: SigmaResult) => ({
  alerts: r.alerts.map((a) => `${a.id} ${a.count} ${a.evidence.join(',')} ${a.severity}`),
  coverage: r.coverage.map((c) => JSON.stringify(c)),
});
const names = (files: readonly RuleFile[]) => files.map((f) => f.path.slice(6)).join('+') || 'nothing';

/** Loads `before` then `after` with one loader, re-runs what changed, merges; returns it and the full run. */
function transition(before: readonly RuleFile[], after: readonly RuleFile[], disabled = new Set<string>()) {
  const loader = new RuleLoader();
  const a = loader.load(before);
  const last = runSigma(a, table, { disabled });
  const b = loader.load(after);
  const change = changedDocuments(a, b);
  const part = runSigma(b, table, { disabled, only: change.only });
  const merged = mergeRun(b, last, part, change);
  return { merged, full: fullRun(after, disabled), change };
}

const fullRuns = new Map<string, SigmaResult>();
/** A full run of a fresh load of the files (memoized: many transitions end at the same files). */
function fullRun(files: readonly RuleFile[], disabled: ReadonlySet<string>): SigmaResult {
  const key = `${files.map((f) => f.text).join('\u0001')}\u0002${[...disabled].join(',')}`;
  let r = fullRuns.get(key);
  if (r === undefined) fullRuns.set(key, r = runSigma(loadRules(files), table, { disabled }));
  return r;
}

describe('re-running only what adding or removing rule files touches', () => {
  it('every file loads, and together they fire every kind of document', () => {
    const set = loadRules(FILES);
    expect(set.issues.map((i) => i.message)).toEqual(["duplicate id 'proc' (first defined in rules/win.yml)"]);
    const fired = new Set(runSigma(set, table).alerts.map((a) => a.ruleId));
    expect(fired).toEqual(new Set(['proc', 'chain', 'legacy', 'anyok', 'ok']));
  });

  it('an added file of plain rules runs only its rules; one that nothing reads, only itself', () => {
    expect(transition([CORR], [CORR, WIN]).change.only).toEqual(new Set(['failed', 'ok', 'proc', 'burst', 'chain']));
    expect(transition([WIN, CORR], [WIN, CORR, LEGACY]).change.only).toEqual(new Set(['legacy#events', 'legacy']));
    const gen = transition([WIN, CORR], [WIN, CORR, GEN]).change;
    // `ok` runs again: it alerts on its own once a correlation reading it says generate
    expect(gen.only).toEqual(new Set(['anyok', 'ok']));
    expect(transition([WIN, CORR, GEN], [WIN, CORR]).change).toEqual({ only: new Set(['ok']), dropped: new Set(['anyok']) });
    // a filter: the rules it applies to, and what depends on them
    expect(transition([WIN, CORR], [WIN, CORR, FILTER]).change.only).toEqual(new Set(['failed', 'burst', 'chain', 'ok']));
  });

  for (let mask = 0; mask < 1 << FILES.length; mask++) {
    for (let f = 0; f < FILES.length; f++) {
      if ((mask & (1 << f)) !== 0) continue;
      const without = subset(mask), withIt = subset(mask | (1 << f));
      it(`${names(without)}: adding and removing ${names([FILES[f]])} equals a full run`, () => {
        const added = transition(without, withIt);
        expect(added.merged).toBeDefined();
        expect(show(added.merged as SigmaResult)).toEqual(show(added.full));
        const removed = transition(withIt, without);
        expect(show(removed.merged as SigmaResult)).toEqual(show(removed.full));
      });
    }
  }

  it('a file replaced under the same path (a rule changed, one gone) equals a full run, with rules turned off', () => {
    for (let mask = 0; mask < 1 << FILES.length; mask++) {
      if ((mask & 1) === 0) continue;
      const before = subset(mask), after = before.map((f) => (f === WIN ? WIN2 : f));
      for (const disabled of [new Set<string>(), new Set(['burst', 'proc', 'anyok'])]) {
        for (const [x, y] of [[before, after], [after, before]]) {
          const r = transition(x, y, disabled);
          expect(show(r.merged as SigmaResult), `${names(x)} -> ${names(y)}`).toEqual(show(r.full));
        }
      }
    }
  });

  it('an unchanged file keeps its parse: nothing runs again', () => {
    const r = transition([WIN, CORR], [WIN, CORR]);
    expect(r.change).toEqual({ only: new Set(), dropped: new Set() });
    expect(show(r.merged as SigmaResult)).toEqual(show(r.full));
  });
});
