// `logdrop query` called as a function (no subprocess) on the OpenSSH sample: the same ingest and query
// engine as the browser, so the counts match the e2e search test.
import { describe, expect, it } from 'vitest';
import { Writable } from 'node:stream';
import { execFileSync, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { canonicalOrder } from '../../src/core/schema.ts';
import { query, type QueryCommandOptions } from '../../src/cli/query.ts';
import { corpusPath, needsCorpus } from '../harness/corpus.ts';

const OPENSSH = corpusPath('loghub/OpenSSH/OpenSSH_2k.log');

class Collect extends Writable {
  text = '';
  override _write(chunk: Buffer | string, _enc: BufferEncoding, done: () => void): void {
    this.text += chunk.toString();
    done();
  }
}

async function run(text: string, options: QueryCommandOptions = {}) {
  const out = new Collect(), err = new Collect();
  const r = await query([OPENSSH], text, options, out, err);
  const lines = out.text === '' ? [] : out.text.trimEnd().split('\n');
  return { ...r, lines, err: err.text };
}

describe('logdrop query', needsCorpus, () => {
  it('prints the matching events as JSON lines, oldest first, keys in canonical order', async () => {
    const r = await run('"Failed password"');
    expect(r.code).toBe(0);
    expect(r.lines).toHaveLength(520);
    const events = r.lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    const ts = events.map((e) => e.ts as number);
    expect(ts).toEqual([...ts].sort((a, b) => a - b));
    for (const e of events.slice(0, 20)) expect(Object.keys(e)).toEqual(Object.keys(canonicalOrder(e as Record<string, string | number>)));
    expect(events.every((e) => /failed password/i.test(String(e.message)))).toBe(true);
    expect(r.err).toContain('OpenSSH_2k.log\tformat=syslog3164');
  });

  it('combines a field and a phrase, and --limit caps the events printed', async () => {
    expect((await run('init.host.ip:183.62.140.253 and "failed password"')).lines).toHaveLength(286);
    const limited = await run('init.host.ip:183.62.140.253 and "failed password"', { limit: 5 });
    expect(limited.lines).toHaveLength(5);
    expect(limited.total).toBe(286);
  });

  it('--facet prints a header with distinct and missing counts, then count TAB value, most frequent first', async () => {
    const r = await run('"failed password"', { facets: ['init.host.ip', 'no.such.field'], limit: 3 });
    expect(r.code).toBe(0);
    expect(r.lines[0]).toMatch(/^# init\.host\.ip\tdistinct=\d+\tmissing=\d+$/);
    expect(r.lines[1]).toBe('286\t183.62.140.253');
    expect(r.lines.slice(1, 4).every((l) => /^\d+\t\S+$/.test(l))).toBe(true);
    expect(r.lines[4]).toBe('# no.such.field\tdistinct=0\tmissing=520');
    expect(r.lines).toHaveLength(5);
  });

  it('--facet template.text groups the events by their mined message template (the "Patterns" facet)', async () => {
    const r = await run('"failed password"', { facets: ['template.text'], limit: 3 });
    expect(r.code).toBe(0);
    expect(r.lines[0]).toMatch(/^# template\.text\tdistinct=\d+\tmissing=0$/);
    const rows = r.lines.slice(1).map((l) => l.split('\t'));
    // the 520 "Failed password" lines collapse to a few templates whose variable parts are <*>
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every(([n, text]) => Number(n) > 0 && /Failed password/.test(text) && text.includes('<*>'))).toBe(true);
    expect(Number(rows[0][0])).toBeGreaterThan(100);
  });

  it('`logdrop query --facet template.text FILE` (no query: every event) lists the templates; without --facet a query is required', () => {
    const cwd = fileURLToPath(new URL('../..', import.meta.url));
    const out = execFileSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'query', '--facet', 'template.text', '--limit', '5', OPENSSH], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    const lines = out.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^# template\.text\tdistinct=\d+\tmissing=0$/);
    const counts = lines.slice(1).map((l) => Number(l.split('\t')[0]));
    expect(counts).toHaveLength(5);
    expect(counts.every((n, i) => n > 0 && (i === 0 || n <= counts[i - 1]))).toBe(true);
    const bare = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'query', OPENSSH], { cwd, encoding: 'utf8' });
    expect(bare.status).toBe(2);
    expect(bare.stderr).toMatch(/query expects 'QUERY' FILE/);
  }, 300_000); // two CLI processes

  it('a query error prints the message with a caret under its position and exits 2', async () => {
    const r = await run('init.host.ip:(');
    expect(r.code).toBe(2);
    expect(r.lines).toEqual([]);
    const [message, echoed, caret] = r.err.trimEnd().split('\n').slice(-3);
    expect(message).toMatch(/^query error: .+/);
    expect(echoed).toBe('  init.host.ip:(');
    expect(caret).toBe(`  ${' '.repeat(13)}^`);
  });

  it('an unknown field is a warning with its position, not an error', async () => {
    const r = await run('nosuchfield:x');
    expect(r.code).toBe(0);
    expect(r.lines).toEqual([]);
    expect(r.err).toMatch(/warning: .*\n {2}nosuchfield:x\n {2}\^/);
  });
});
