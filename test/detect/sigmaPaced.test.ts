// The background run gives the event loop turns inside the Sigma rules (runSigmaPaced): the result must be
// exactly runSigma's however often it pauses, a stop ends it without a result, and other work runs between
// its slices. Checked on a chained set in memory and, with the corpus, on every corpus rule over all the
// regression EVTX files in one case.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadRules, runSigma, runSigmaPaced, type RuleSet, type SigmaRun } from '../../src/detect/sigma/index.ts';
import type { EventTable } from '../../src/detect/types.ts';
import { memoryTable } from '../harness/memoryTable.ts';
import { corpusPath, listCorpus, needsCorpus } from '../harness/corpus.ts';
import { ingestCase } from '../harness/caseTable.ts';
import { secEvents, CHAINED_RULES } from './sigmaHelpers.ts';

const T0 = Date.UTC(2026, 0, 1);
const MIN = 60_000;
const EVENTS = secEvents([
  ...[0, 1, 2, 3].map((m) => ({ ts: T0 + m * MIN, EventID: '4625', TargetUserName: 'alice' })),
  { ts: T0 + 5 * MIN, EventID: '4624', TargetUserName: 'alice' },
  { ts: T0 + 7 * MIN, EventID: '4688', TargetUserName: 'bob', NewProcessName: 'C:\\Windows\\System32\\whoami.exe' },
]);

/** Everything a run gives, as text: alerts, coverage and every rule's matching rows. */
function snapshot(r: SigmaRun): string {
  return JSON.stringify({ alerts: r.alerts, coverage: r.coverage, matches: [...r.matches].map(([id, m]) => [id, [...m.rows]]) });
}

/** A paced run that pauses at every step (slice 0 ms), counting the turns and running `between` in each. */
async function pacedEveryStep(set: RuleSet, table: EventTable, between: () => void = () => {}): Promise<{ run: SigmaRun | undefined; turns: number }> {
  let turns = 0;
  const run = await runSigmaPaced(set, table, {}, {
    sliceMs: 0,
    turn: () => new Promise<void>((r) => setImmediate(() => {
      turns++;
      between();
      r();
    })),
    stop: () => false,
  });
  return { run, turns };
}

describe('runSigmaPaced', () => {
  const set = loadRules([{ path: 'p.yml', text: CHAINED_RULES.join('\n---\n') }]);
  const table = memoryTable(EVENTS);

  it('gives exactly runSigma\'s result, pausing between every rule and correlation', async () => {
    const whole = runSigma(set, table);
    expect(whole.alerts.map((a) => a.ruleId).sort()).toEqual(['chain', 'proc']);
    let others = 0;
    const { run, turns } = await pacedEveryStep(set, table, () => others++);
    expect(run).toBeDefined();
    expect(snapshot(run!)).toBe(snapshot(whole));
    // 3 rules bound, narrowed and matched, 2 correlations
    expect(turns).toBe(3 * 3 + 2);
    expect(others).toBe(turns);
  });

  it('a stop ends the run without a result', async () => {
    let asked = 0;
    const run = await runSigmaPaced(set, table, {}, { sliceMs: 0, turn: () => Promise.resolve(), stop: () => ++asked >= 2 });
    expect(run).toBeUndefined();
    expect(asked).toBe(2);
  });

  it('with a long slice it runs without pausing', async () => {
    const { run, turns } = await (async () => {
      let n = 0;
      const r = await runSigmaPaced(set, table, {}, { sliceMs: 60_000, turn: () => { n++; return Promise.resolve(); }, stop: () => false });
      return { run: r, turns: n };
    })();
    expect(turns).toBe(0);
    expect(snapshot(run!)).toBe(snapshot(runSigma(set, table)));
  });

  it('every corpus rule over the regression EVTX files: paced equals whole', { ...needsCorpus, timeout: 300_000 }, async () => {
    const files = listCorpus('sigma/rules', (p) => p.endsWith('.yml')).map((p) => ({ path: p, text: readFileSync(corpusPath(p), 'utf8') }));
    const all = loadRules(files);
    const evtx = listCorpus('sigma/regression_data', (p) => p.endsWith('.evtx')).map((p) => corpusPath(p));
    const { table: t } = await ingestCase(evtx);
    const whole = runSigma(all, t);
    expect(whole.alerts.length).toBeGreaterThan(0);
    const { run, turns } = await pacedEveryStep(all, t);
    expect(turns).toBeGreaterThan(all.rules.length);
    expect(snapshot(run!)).toBe(snapshot(whole));
  });
});
