// Sigma rule sources for the CLI: rule files, folders (walked for .yml/.yaml) and zips of a rule repository.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import type { RuleFile } from '../detect/sigma/index.ts';

const RULE = /\.ya?ml$/i;

export function readRuleFiles(paths: readonly string[]): RuleFile[] {
  const out: RuleFile[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (RULE.test(name)) out.push({ path: p, text: readFileSync(p, 'utf8') });
    }
  };
  for (const p of paths) {
    if (statSync(p).isDirectory()) walk(p);
    else if (/\.zip$/i.test(p)) {
      const entries = unzipSync(readFileSync(p), { filter: (f) => RULE.test(f.name) });
      const decoder = new TextDecoder();
      for (const name of Object.keys(entries).sort()) out.push({ path: `${p}/${name}`, text: decoder.decode(entries[name]) });
    } else {
      out.push({ path: p, text: readFileSync(p, 'utf8') });
    }
  }
  return out;
}
