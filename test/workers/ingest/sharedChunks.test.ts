// Small members' chunks sent as shared chunks (ingest/gatherChunks.ts, chunk/shareChunks.ts, issue 9 item 11):
// an archive of real samples of many formats (the corpus's text logs cut to their first lines, small EVTX files
// whole, crafted members with unparsed lines, values above U+00FF and hostile field names) read with sharing
// gives, through the engine's own resolution of case ids (query/dictSession.ts) into a CaseIndex, exactly the
// events of the same archive read one chunk per member, row by row, and the same ledger; each shared chunk's
// runs say each member's rows and unparsed rows.
import { readFileSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { zipSync } from 'fflate';
import type { FileLedgerEntry } from '../../../src/workers/api.ts';
import type { WireChunk } from '../../../src/workers/chunk/packedDict.ts';
import { ingestBundle, type BundleIngestOptions } from '../../../src/workers/ingest/ingestBundle.ts';
import { CaseIndex } from '../../../src/workers/query/caseIndex.ts';
import { DictSession } from '../../../src/workers/query/dictSession.ts';
import { SHARED_MAX_ROWS, SHARED_MAX_RUNS } from '../../../src/workers/chunk/shareChunks.ts';
import { corpusPath, corpusTestsRun, needsCorpus } from '../../harness/corpus.ts';
import { sourceFromBytes } from '../../harness/ingest.ts';
import { REFERENCE_MS } from '../../harness/parsers.ts';
import { corpusLogFiles } from './corpus-digest.ts';

const enc = (s: string) => new TextEncoder().encode(s);

/** lines of the head of a text file (whole lines; the last one ends with its newline) */
function head(bytes: Uint8Array, lines: number): Uint8Array {
  let at = 0;
  for (let n = 0; n < lines && at < bytes.length; n++) {
    const nl = bytes.indexOf(0x0a, at);
    at = nl < 0 ? bytes.length : nl + 1;
  }
  return bytes.subarray(0, at);
}

const CRAFTED: Record<string, string> = {
  'crafted/unparsed.log': 'Oct  1 10:00:00 h sshd[1]: Failed password for root from 10.0.0.1 port 22 ssh2\n\u0001\u0002 not a log line\n'
    + 'Oct  1 10:00:02 h sshd[1]: Accepted password for bob from 10.0.0.2 port 22 ssh2\n{{{ broken\n',
  'crafted/wide.log': 'Oct  1 10:00:00 h app[2]: user ad\u202Emin logged in \u2192 ok\nOct  1 10:00:01 h app[2]: caf\u00e9 ro\u200Bot \u4e2d\u6587\n',
  'crafted/json.jsonl': '{"ts":"2024-01-01T00:00:00Z","message":"a","__proto__":"x","constructor":"y"}\n{"ts":"2024-01-01T00:00:01Z","message":"b \u00fc\u2603","user":"\u00e9ve"}\n',
  'crafted/empty.log': '',
  'crafted/one.log': 'Oct  1 10:00:00 h cron[3]: (root) CMD (run-parts /etc/cron.hourly)\n',
};

/** the archive: every corpus text log's first 12 lines, six small EVTX files whole, the crafted members */
function archive(): Uint8Array {
  const files: Record<string, Uint8Array> = {};
  // 600 lines whose pids and addresses are all new: those fields turn chunk-local after this member's chunk
  // (chunk/caseFieldBudget.ts), so a shared chunk holding them as case ids cannot take the next members' columns
  files['crafted/distinct/auth.log'] = enc(Array.from({ length: 600 }, (_, i) => (
    `Oct  1 10:${String(Math.floor(i / 60)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')} h sshd[${1000 + i}]: `
    + `Failed password for u${i} from 10.1.${Math.floor(i / 250)}.${i % 250} port ${2000 + i} ssh2\n`)).join(''));
  const logs = corpusLogFiles().filter((f) => !/\.(zip|Zip|tar\.gz|json)$/.test(f));
  const evtx = logs.filter((f) => f.endsWith('.evtx')).sort((a, b) => statSync(corpusPath(a)).size - statSync(corpusPath(b)).size).slice(0, 6);
  for (const f of logs) {
    const bytes = new Uint8Array(readFileSync(corpusPath(f)));
    if (f.endsWith('.evtx')) {
      if (evtx.includes(f)) files[`evtx/${f}`] = bytes;
    } else files[`text/${f}`] = head(bytes, 12);
  }
  for (const [name, text] of Object.entries(CRAFTED)) files[name] = enc(text);
  return zipSync(files, { level: 1 });
}

interface Read { ledger: FileLedgerEntry[]; index: CaseIndex; chunks: WireChunk[] }

async function read(zip: Uint8Array, share: boolean): Promise<Read> {
  const index = new CaseIndex();
  const session = new DictSession(index);
  const chunks: WireChunk[] = [];
  let id = 1;
  const options: BundleIngestOptions & { textAsBytes: true } = {
    tzOffsetMinutes: 0, textAsBytes: true, textSpans: true, caseDict: session.snapshot, shareSmallChunks: share, firstRowId: 1,
  };
  const ledger = await ingestBundle([sourceFromBytes('bundle.zip', zip, REFERENCE_MS)], options, {
    addFile: async (e) => e.id ?? id++,
    updateFile: async () => {},
    progress: () => {},
    chunk: async (wire) => {
      chunks.push({ ...wire, columns: { ...wire.columns } });
      index.addChunk(session.resolve(wire, index));
    },
  });
  return { ledger, index, chunks };
}

function counts(ledger: FileLedgerEntry[]): unknown[] {
  return ledger.map((r) => ({ id: r.id, path: r.path, state: r.state, events: r.events, unparsed: r.unparsed, sha256: r.sha256, parser: r.parserId }));
}

describe('small members in shared chunks', () => {
  it.runIf(corpusTestsRun())('give the same events, row by row, and the same ledger as one chunk per member', { ...needsCorpus, timeout: 120_000 }, async () => {
    const zip = archive();
    const alone = await read(zip, false);
    const shared = await read(zip, true);
    expect(counts(shared.ledger)).toEqual(counts(alone.ledger));
    expect(shared.index.rowCount).toBe(alone.index.rowCount);
    expect(shared.index.rowCount).toBeGreaterThan(300);
    for (let row = 0; row < alone.index.rowCount; row++) expect(shared.index.event(row), `row ${row}`).toEqual(alone.index.event(row));

    // fewer chunks, and every shared one within its bounds
    const sharedChunks = shared.chunks.filter((c) => c.runs !== undefined);
    expect(alone.chunks.every((c) => c.runs === undefined)).toBe(true);
    expect(sharedChunks.length).toBeGreaterThan(1);
    expect(shared.chunks.length).toBeLessThan(alone.chunks.length / 3);
    for (const c of sharedChunks) {
      const runs = c.runs!;
      expect(runs.length).toBeGreaterThan(1);
      expect(runs.length).toBeLessThanOrEqual(SHARED_MAX_RUNS);
      expect(c.count).toBeLessThanOrEqual(SHARED_MAX_ROWS);
      expect(c.count).toBe(runs.reduce((n, r) => n + r.count, 0));
      expect(c.unparsed).toBe(runs.reduce((n, r) => n + r.unparsed, 0));
      expect([c.fileId, c.seq]).toEqual([runs[0].fileId, -1 - runs[0].seq]);
    }
    // the forms joined: case ids, chunk-local dictionaries, the miner's templates, sparse columns, wide text, spans of raw
    const forms = new Set<string>();
    for (const c of sharedChunks) {
      for (const col of Object.values(c.columns)) {
        if ('caseFrom' in col) forms.add('case');
        if ('local' in col) forms.add('local');
        if ('dict' in col) forms.add('plain');
        if (col.kind !== 'text' && col.rows !== undefined) forms.add(`sparse ${col.kind}`);
        if (col.kind === 'text' && col.wide !== undefined) forms.add('wide');
        if ('spans' in col && col.spans !== undefined) forms.add('spans');
      }
    }
    expect([...forms].sort()).toEqual(['case', 'local', 'plain', 'spans', 'sparse dict', 'sparse num', 'wide']);
    // each member's run: its rows (events + unparsed) and unparsed as its ledger row says; every member once
    const byFile = new Map(shared.ledger.map((r) => [r.id, r]));
    const seen = new Set<number>();
    let unparsedRuns = 0;
    for (const c of shared.chunks) {
      for (const run of c.runs ?? [{ fileId: c.fileId, seq: c.seq, count: c.count, unparsed: c.unparsed ?? 0 }]) {
        const row = byFile.get(run.fileId)!;
        if (c.runs !== undefined) {
          expect(seen.has(run.fileId)).toBe(false);
          expect(run.seq).toBe(0);
          expect(run.count, row.path).toBe(row.events + row.unparsed);
          expect(run.unparsed, row.path).toBe(row.unparsed);
          if (run.unparsed > 0) unparsedRuns++;
        }
        seen.add(run.fileId);
      }
    }
    expect(unparsedRuns).toBeGreaterThan(0);
    // rows keep their own file: each row's col.file is its member's path
    const files = shared.ledger.filter((r) => r.events + r.unparsed > 0).map((r) => r.path);
    const rowFiles = new Set<string>();
    for (let row = 0; row < shared.index.rowCount; row++) rowFiles.add(String(shared.index.valueOf('col.file', row)));
    expect([...rowFiles].sort()).toEqual([...new Set(files)].sort());
  });
});
