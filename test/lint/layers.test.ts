// DESIGN.md's dependency table is enforced by ESLint: a wrong import must fail, a right one must pass.
import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';

const eslint = new ESLint({ cwd: new URL('../..', import.meta.url).pathname });

async function importErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

const cases: { name: string; file: string; code: string; allowed: boolean }[] = [
  { name: 'core may not import parsers', file: 'src/core/x.ts', code: "import { PARSERS } from '../parsers/index.ts';\nexport const x = PARSERS;", allowed: false },
  { name: 'parsers may import core', file: 'src/parsers/x.ts', code: "import { ok } from '../core/result.ts';\nexport const x = ok;", allowed: true },
  { name: 'parsers may not import detect', file: 'src/parsers/formats/x.ts', code: "import { y } from '../../detect/index.ts';\nexport const x = y;", allowed: false },
  { name: 'parsers may not import React', file: 'src/parsers/x.ts', code: "import { useState } from 'react';\nexport const x = useState;", allowed: false },
  { name: 'detect may not import parsers', file: 'src/detect/x.ts', code: "import { PARSERS } from '../parsers/index.ts';\nexport const x = PARSERS;", allowed: false },
  { name: 'the app may not import the engine internals', file: 'src/app/x.ts', code: "import { ingestFile } from '../workers/ingest/ingestFile.ts';\nexport const x = ingestFile;", allowed: false },
  { name: 'the app may not import parsers', file: 'src/app/views/x.ts', code: "import { PARSERS } from '../../parsers/index.ts';\nexport const x = PARSERS;", allowed: false },
  { name: 'the app may use the client', file: 'src/app/x.ts', code: "import { startEngine } from '../workers/client.ts';\nexport const x = startEngine;", allowed: true },
  { name: 'the engine may not import the app', file: 'src/workers/x.ts', code: "import { App } from '../app/App.tsx';\nexport const x = App;", allowed: false },
  { name: 'the engine may use idb', file: 'src/workers/store/x.ts', code: "import { openDB } from 'idb';\nexport const x = openDB;", allowed: true },
  { name: 'charts may not import workers', file: 'src/charts/x.ts', code: "import { createEngine } from '../workers/engine.ts';\nexport const x = createEngine;", allowed: false },
  { name: 'the CLI may not import the app', file: 'src/cli/x.ts', code: "import { App } from '../app/App.tsx';\nexport const x = App;", allowed: false },
];

describe('layer rules (no-restricted-imports)', () => {
  for (const c of cases) {
    it(c.name, async () => {
      const errors = await importErrors(c.file, c.code);
      if (c.allowed) expect(errors).toEqual([]);
      else expect(errors.length).toBeGreaterThan(0);
    });
  }
});
