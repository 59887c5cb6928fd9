// A Sigma run that gives way: at 1M events all rules take seconds, and the engine worker answers queries and
// pages between its steps. The steps are runSigma's own (run.ts sigmaSteps), paused at most every `sliceMs`
// between two rules or correlations, so the result is exactly runSigma's.
import type { EventTable } from '../types.ts';
import type { RuleSet } from './loader.ts';
import { sigmaSteps, type SigmaRun, type SigmaRunOptions } from './run.ts';

export interface Pace {
  /** one turn of the caller's event loop (the worker's nextTurn) */
  turn(): Promise<void>;
  /** asked after each turn: true ends the run without a result (it went stale) */
  stop(): boolean;
  /** work between two turns, at most about this long (ms; default 20): a step longer than that still runs whole */
  sliceMs?: number;
}

/** runSigma with a turn of the event loop between slices of about `sliceMs`; undefined when `stop` ended it. */
export async function runSigmaPaced(set: RuleSet, table: EventTable, opts: SigmaRunOptions, pace: Pace): Promise<SigmaRun | undefined> {
  const steps = sigmaSteps(set, table, opts);
  const slice = pace.sliceMs ?? 20;
  let since = performance.now();
  for (;;) {
    const s = steps.next();
    if (s.done === true) return s.value;
    if (performance.now() - since >= slice) {
      await pace.turn();
      if (pace.stop()) return undefined;
      since = performance.now();
    }
  }
}
