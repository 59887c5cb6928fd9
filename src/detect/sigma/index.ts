// Public API of the Sigma engine (parse -> map -> compile -> evaluate, pySigma's shape):
//   const set = loadRules([{ path, text }, ...], { placeholders });   // once per rule load
//   const run = runSigma(set, table, { maxEvidence, disabled, only }); // per case / re-run
//   await runSigmaPaced(set, table, opts, pace)                       // the same, giving the event loop turns
//   changedDocuments(before, after) + mergeRun: re-run only what a rule change touches (rerun.ts)
//   run.alerts (detect/types.ts Alert), run.coverage (active / inactive / rejected with reason, file, line)
export { loadRules, RuleLoader, type LoadOptions, type RuleFile, type RuleSet } from './loader.ts';
export { changedDocuments, mergeRun, type SetChange, type SigmaResult } from './rerun.ts';
export { dependents, runSigma, sigmaSteps, type CoverageEntry, type CoverageStatus, type RuleMatches, type SigmaRun, type SigmaRunOptions } from './run.ts';
export { runSigmaPaced, type Pace } from './paced.ts';
export type { LogSource, SigmaCorrelation, SigmaDocument, SigmaFilter, SigmaIssue, SigmaRule } from './model.ts';
export { describeLogsource, sourceVariants } from './sources.ts';
export { explainMatches, ruleFields, type RowExplanation } from './explain.ts';
