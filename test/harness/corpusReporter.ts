// Says in one line how many corpus tests were skipped because the corpus is absent, and how to get it.
// Skips happen only through the 'corpus' tag (vite.config.ts), never because a test failed.
import type { Reporter, TestModule } from 'vitest/node';
import { CORPUS, CORPUS_HELP, CORPUS_TAG, corpusExists } from './corpus.ts';

export function corpusSkipLine(skipped: number): string {
  return `corpus: ${skipped} test${skipped === 1 ? '' : 's'} skipped, no corpus at ${CORPUS}; `
    + `set LOGDROP_CORPUS to its folder to run them (how to get it: ${CORPUS_HELP})`;
}

export default class CorpusReporter implements Reporter {
  onTestRunEnd(modules: ReadonlyArray<TestModule>): void {
    if (corpusExists()) return;
    let skipped = 0;
    for (const m of modules) {
      for (const t of m.children.allTests('skipped')) if (t.tags.includes(CORPUS_TAG)) skipped++;
    }
    if (skipped > 0) console.log(`\n${corpusSkipLine(skipped)}\n`);
  }
}
