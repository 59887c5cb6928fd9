// Reliability suite (issue 9 items 5-7): the hostile fixtures (test/fixtures/hostile) and a damaged EVTX dropped
// through the page together. Every line of every text input is accounted for (records = events + unparsed +
// meta, from the exported ledger), every damaged file shows a warning state in the files panel, and there is no
// page error or main-thread task of 50 ms or more. zip-bomb-ish.zip (40 MiB of one byte, no line break) is left
// to test/workers/ingest/hostile.test.ts and e2e/reliability-budget.spec.ts: here it would only time the inflater.
import { test, expect } from '@playwright/test';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { LogdropPage } from './logdrop.page.ts';
import { checkLongTasks, watchMainThread } from './mainThread.ts';
import { scrolledToItem } from './virtualList.ts';

const HOSTILE = resolve(import.meta.dirname, '../test/fixtures/hostile');
const LEFT_OUT = new Set(['README.md', 'make.ts', 'zip-bomb-ish.zip']);

/** The text inputs and how their bytes decode: each line is a record (the line and JSON-lines framings). */
const TEXT: Record<string, string> = {
  'crlf.log': 'utf-8', 'nul-bytes.log': 'utf-8', 'latin1.log': 'utf-8', 'html-payloads.log': 'utf-8', 'proto-keys.jsonl': 'utf-8',
  'utf16le-bom.log': 'utf-16le', 'utf16be-bom.log': 'utf-16be', 'utf16le-nobom.log': 'utf-16le',
};

function linesIn(path: string, encoding: string): number {
  const text = new TextDecoder(encoding).decode(readFileSync(path));
  const lines = text.split('\n');
  return lines[lines.length - 1] === '' ? lines.length - 1 : lines.length;
}

/** An EVTX whose file header is there but whose only chunk is garbage: nothing can be recovered from it. */
function damagedEvtx(dir: string): string {
  const bytes = new Uint8Array(4096 + 65536);
  bytes.set(new TextEncoder().encode('ElfFile\0'), 0);
  let x = 42;
  for (let i = 4096; i < bytes.length; i++) {
    x ^= x << 13; x >>>= 0; x ^= x >>> 17; x ^= x << 5; x >>>= 0;
    bytes[i] = x & 0xff;
  }
  const path = join(dir, 'damaged.evtx');
  writeFileSync(path, bytes);
  return path;
}

interface LedgerFile { path: string; state: string; events: number; unparsed: number; meta: number; message: string }

test('hostile fixtures and a damaged EVTX: every line accounted for, damage shown, no page error or long task', async ({ page }, info) => {
  const dir = info.outputPath('inputs');
  mkdirSync(dir, { recursive: true });
  const fixtures = readdirSync(HOSTILE).filter((f) => !LEFT_OUT.has(f)).map((f) => join(HOSTILE, f));
  const watch = await watchMainThread(page);
  const app = new LogdropPage(page);
  await app.open();
  await watch.reset();
  await app.dropFiles([...fixtures, damagedEvtx(dir)]);
  await expect(app.status()).toHaveText(/^[\d,]+ events/);

  const download = await app.exportLedger('JSON');
  const ledger = JSON.parse(readFileSync(await download.path(), 'utf8')) as { files: LedgerFile[] };
  const row = (path: string) => {
    const r = ledger.files.find((f) => f.path === path);
    if (r === undefined) throw new Error(`no ledger row for ${path}: ${ledger.files.map((f) => f.path).join(', ')}`);
    return r;
  };
  // lines in = events + unparsed (+ blank and header lines, counted apart as meta)
  for (const [name, encoding] of Object.entries(TEXT)) {
    const r = row(name);
    expect(r.events + r.unparsed + r.meta, `${name}: events ${r.events} + unparsed ${r.unparsed} + meta ${r.meta}`).toBe(linesIn(join(HOSTILE, name), encoding));
  }

  // damage is a state where the user looks (the files panel), not only a note in the ledger: counted in the
  // panel's heading, and on the file's row once the list is scrolled to it (long lists render the rows in view)
  const panel = page.getByRole('region', { name: 'Files in this case' });
  const list = panel.getByRole('list');
  const inState = (state: string) => ledger.files.filter((f) => f.state === state).length;
  await expect(panel.getByRole('heading')).toContainText(`· ${inState('damaged')} damaged`);
  await expect(panel.getByRole('heading')).toContainText(`· ${inState('skipped')} skipped`);
  for (const path of ['truncated.gz/truncated', 'damaged.evtx']) {
    expect(row(path).state, path).toBe('damaged');
    await expect(await scrolledToItem(list, path), path).toContainText('damaged');
  }
  // what could not be read at all says why
  expect(row('encrypted.zip/secret.log')).toMatchObject({ state: 'skipped', message: expect.stringContaining('password-protected') });
  await expect(await scrolledToItem(list, 'encrypted.zip/secret.log')).toContainText('password-protected');

  expect(watch.errors).toEqual([]);
  checkLongTasks('reliability-damage', await watch.longTasks());
});
