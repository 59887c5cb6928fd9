// EngineApi's Sigma calls over the open case: load rule files (files, folders, archives), remove them, turn rules
// on and off by id or level, the coverage report, the rule tester, and the detectors exported as Sigma. After each
// change only what it touches runs again (the rules added, removed or turned on or off, and the correlations
// depending on them: caseSigma.ts).
import type { EventTable } from '../../detect/types.ts';
import { detectorsAsSigma } from '../../detect/builtin/sigmaExport.ts';
import type { EngineApi } from '../api.ts';
import type { CaseAlerts } from './caseAlerts.ts';
import { readRuleSources } from './sigmaFiles.ts';
import { testSigmaRule } from './sigmaTester.ts';

export interface SigmaHost {
  /** the open case's alerts and its event table; throws when no case is open */
  current(): { alerts: CaseAlerts; table: EventTable };
}

/** matches the tester describes at most */
const TESTER_MAX = 200;

export function createSigmaOps(host: SigmaHost): Pick<EngineApi, 'sigmaStatus' | 'addSigmaRules' | 'removeSigmaRules' | 'setSigmaEnabled' | 'testSigmaRule' | 'exportDetectorsSigma'> {
  return {
    async sigmaStatus() {
      return host.current().alerts.sigma.status();
    },
    async addSigmaRules(files) {
      const c = host.current();
      const read = await readRuleSources(files);
      // reading may have taken a while: the rules go to the case that is open now, and only if it is the same
      if (host.current().alerts !== c.alerts) throw new Error('the case changed while the rules were read');
      if (read.files.length > 0) {
        await c.alerts.sigma.add(read.files);
        await c.alerts.runSigma(c.table);
      }
      return { status: c.alerts.sigma.status(), added: read.files.length, skipped: read.skipped };
    },
    async removeSigmaRules(paths) {
      const c = host.current();
      if (paths === undefined) await c.alerts.sigma.clear();
      else await c.alerts.sigma.remove(paths);
      await c.alerts.runSigma(c.table);
      return c.alerts.sigma.status();
    },
    async setSigmaEnabled(change) {
      const c = host.current();
      // only the rules turned on or off (and the correlations reading them) run again
      const changed = await c.alerts.sigma.setEnabled(change);
      if (changed.length > 0) await c.alerts.runSigma(c.table);
      return c.alerts.sigma.status();
    },
    async exportDetectorsSigma() {
      return new Blob([detectorsAsSigma(host.current().alerts.detectorParams)], { type: 'application/yaml' });
    },
    async testSigmaRule(text, limit) {
      return testSigmaRule(host.current().table, text, Math.min(Math.max(0, Math.floor(limit)), TESTER_MAX));
    },
  };
}
