// vitest globalSetup: with CI set, a missing corpus fails the run at once (CI always runs the corpus tests).
import { CORPUS, CORPUS_HELP, corpusExists, inCI } from './corpus.ts';

export default function setup(): void {
  if (inCI() && !corpusExists()) {
    throw new Error(`CI is set and the test corpus is missing at ${CORPUS}: set LOGDROP_CORPUS (see ${CORPUS_HELP})`);
  }
}
