// Locates ../shared/corpus (test inputs written by others: read them, never copy or edit them).
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve, relative } from 'node:path';

export const CORPUS = resolve(import.meta.dirname, '../../../shared/corpus');

export function corpusPath(...parts: string[]): string {
  return join(CORPUS, ...parts);
}

export function corpusExists(): boolean {
  return existsSync(CORPUS);
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
