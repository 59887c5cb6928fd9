// Locates the third-party test corpus (real logs, EVTX, Sigma rules, truth files: read them, never copy or edit
// them). It is not in the repository: LOGDROP_CORPUS names its folder, else ../shared/corpus beside the checkout.
// Tests that need it carry the 'corpus' tag (`needsCorpus`); vite.config.ts skips that tag when the corpus is
// absent, corpusReporter.ts prints one line saying how many were skipped, and with CI set a missing corpus fails.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve, relative } from 'node:path';

const REPO = resolve(import.meta.dirname, '../..');

export const CORPUS = process.env.LOGDROP_CORPUS ? resolve(process.env.LOGDROP_CORPUS) : resolve(REPO, '../shared/corpus');

/** Where to read how the corpus is put together. */
export const CORPUS_HELP = 'docs/testing.md#the-corpus';

export const CORPUS_TAG = 'corpus';

/** Test and describe options of a test that reads the corpus: `it('reads every line', needsCorpus, () => ...)`. */
export const needsCorpus = { tags: [CORPUS_TAG] };

export function corpusPath(...parts: string[]): string {
  return join(CORPUS, ...parts);
}

export function corpusExists(): boolean {
  return existsSync(CORPUS);
}

/** CI runs every test: there a missing corpus is a failure, never a skip. */
export function inCI(): boolean {
  const ci = process.env.CI;
  return ci !== undefined && ci !== '' && ci !== 'false' && ci !== '0';
}

/** Corpus tests run when the corpus is there, and in CI (where they fail if it is not). */
export function corpusTestsRun(): boolean {
  return corpusExists() || inCI();
}

/** Cases read from the corpus while a file is collected: none when corpus tests are skipped. */
export function corpusCases<T>(load: () => T[]): T[] {
  return corpusTestsRun() ? load() : [];
}

/** Every file below a corpus folder, as paths relative to the corpus root, sorted. */
export function listCorpus(folder: string, filter: (rel: string) => boolean = () => true): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (filter(relative(CORPUS, p))) out.push(relative(CORPUS, p));
    }
  };
  walk(join(CORPUS, folder));
  return out.sort();
}
