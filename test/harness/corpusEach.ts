// it.each over cases read from the corpus (kept apart from corpus.ts, which vite.config.ts loads outside vitest).
import { it } from 'vitest';
import { corpusTestsRun, needsCorpus } from './corpus.ts';

/**
 * it.each over cases read from the corpus while the file is collected. When corpus tests are skipped the
 * corpus is not read (collection would fail on the missing folder): one skipped test stands for the list.
 * In CI the read happens, and fails when the corpus is missing.
 */
export function itEachCorpus<T extends object>(load: () => T[], name: string, fn: (c: T) => Promise<void> | void, timeout?: number): void {
  if (!corpusTestsRun()) {
    it(`${name} (each case read from the corpus)`, needsCorpus, () => {});
    return;
  }
  it.each(load())(name, { ...needsCorpus, timeout }, fn);
}
