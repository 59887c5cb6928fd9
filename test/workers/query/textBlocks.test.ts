// Long raw text kept deflated in the case index (query/textBlocks.ts, issue 15): the corpus's Windows case with
// every raw segment deflated in small blocks answers exactly as the same case kept as bytes: every row's raw
// value, substring, regex and free-text searches (hits across a row or block boundary included), spans of raw
// (ts.raw), pages, facets, the Sigma pass over raw's runs. The message of rows whose raw is deflated is deflated
// with it (textField.ts deflateAlongRaw): the same answers over message too.
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { loadRules, runSigma } from '../../../src/detect/sigma/index.ts';
import type { WireChunk } from '../../../src/workers/chunk/packedDict.ts';
import { ingestBundle } from '../../../src/workers/ingest/ingestBundle.ts';
import { caseTable } from '../../../src/workers/query/eventTable.ts';
import { createQueryEngine, type QueryEngine } from '../../../src/workers/query/engine.ts';
import type { TextField } from '../../../src/workers/query/fields.ts';
import { deflatesSettled, forgetInflated, setDeflateLimits } from '../../../src/workers/query/textBlocks.ts';
import { corpusPath, listCorpus, needsCorpus } from '../../harness/corpus.ts';
import { REFERENCE_MS, sourceFromBytes } from '../../harness/ingest.ts';

const QUERIES = [
  'raw:"4624"', 'raw:"eventid"', 'raw:"</event><event"', 'raw:"><system>"', 'raw:"microsoft-windows-security-auditing"',
  'raw:/^<Event xmlns/', 'raw:/<\\/Event>$/', 'raw:/TargetUserName">[A-Za-z]+</', 'raw:/\u2002/', 'raw:"\u202e"', 'raw:*', 'not raw:*',
  'mimikatz', 'powershell', '"\u202e"', 'not message:*', 'ts.raw:*', 'ts.raw:"2019"', 'ts.raw:/Z$/', 'alarm.id:4625 and raw:"logon"',
  'message:"logon"', 'message:/^Process /', 'message:/exe$/', 'message:"\u2026"', 'message:"ged on"', 'message:*', 'logon and not message:"logon"',
];
const FACETS = ['alarm.id', 'obs.host.name', 'action'];
const SIGMA = 'title: keywords\nid: kw\nlevel: high\nlogsource:\n    product: windows\ndetection:\n    keywords:\n        - mimikatz\n        - \'SeDebugPrivilege\'\n        - \'4624\'\n    condition: keywords\n';

/** The corpus's EVTX files as the ingest worker builds them (bytes, spans), into one engine. */
async function windowsCase(): Promise<QueryEngine> {
  const files = listCorpus('.', (rel) => rel.toLowerCase().endsWith('.evtx'));
  const engine = createQueryEngine(undefined, { now: () => REFERENCE_MS });
  let id = 1;
  const sources = files.map((rel) => sourceFromBytes(rel, new Uint8Array(readFileSync(corpusPath(rel))), REFERENCE_MS));
  await ingestBundle(sources, { tzOffsetMinutes: 0, textAsBytes: true, textSpans: true }, {
    addFile: async () => id++,
    updateFile: async () => {},
    progress: () => {},
    chunk: async (wire: WireChunk) => { engine.addChunk(wire); },
  });
  await deflatesSettled();
  return engine;
}

function answers(engine: QueryEngine): unknown[] {
  return QUERIES.map((text) => {
    const r = engine.query(text);
    if (!r.ok) throw new Error(`${text}: ${r.error.message}`);
    return [text, r.handle.total, Array.from(engine.rows(r.handle.id) ?? []), engine.page(r.handle.id, 0, 50), engine.facets(r.handle.id, FACETS, 10)];
  });
}

afterEach(() => {
  setDeflateLimits();
  forgetInflated();
});

describe('raw text kept deflated in the index', needsCorpus, () => {
  it('answers exactly as the same Windows case kept as bytes', async () => {
    setDeflateLimits({ longRaw: 0, minChars: Infinity, blockChars: 1 }); // the baseline keeps every raw as bytes
    const plain = await windowsCase();
    // every raw segment deflated, in blocks of a few rows (a Windows record is ~1,200 characters)
    setDeflateLimits({ longRaw: 0, minChars: 1, blockChars: 3_000 });
    const deflated = await windowsCase();
    const segs = (deflated.index.field('raw') as TextField).segments;
    expect(segs.length).toBeGreaterThan(50);
    // a segment whose every row is kept apart (wide, chunk format 2) has no bytes to deflate
    expect(segs.every((s) => s.blocks !== undefined || s.ends[s.count - 1] === 0)).toBe(true);
    expect(segs.some((s) => (s.blocks?.count ?? 0) > 2)).toBe(true);
    expect((plain.index.field('raw') as TextField).segments.some((s) => s.blocks !== undefined)).toBe(false);
    // the message of those rows went deflated with its raw (it has no spans of raw in a Windows case)
    const messages = (deflated.index.field('message') as TextField).segments;
    expect(messages.filter((s) => s.blocks !== undefined).length).toBeGreaterThan(50);
    // (a chunk whose every raw is kept apart, wide, has no raw bytes to deflate: its message stays as it is)
    const rawOf = (base: number) => (deflated.index.field('raw') as TextField).segmentOf(base);
    expect(messages.every((s) => (s.blocks !== undefined) === (rawOf(s.base)?.blocks !== undefined && s.ends[s.count - 1] > 0))).toBe(true);
    expect((plain.index.field('message') as TextField).segments.some((s) => s.blocks !== undefined)).toBe(false);

    const rows = plain.index.rowCount;
    expect(deflated.index.rowCount).toBe(rows);
    for (let r = 0; r < rows; r++) expect(deflated.index.field('raw')?.valueOf(r), `row ${r}`).toBe(plain.index.field('raw')?.valueOf(r));
    for (let r = 0; r < rows; r++) expect(deflated.index.field('ts.raw')?.valueOf(r), `ts.raw row ${r}`).toBe(plain.index.field('ts.raw')?.valueOf(r));
    for (let r = 0; r < rows; r++) expect(deflated.index.field('message')?.valueOf(r), `message row ${r}`).toBe(plain.index.field('message')?.valueOf(r));

    const got = answers(deflated), want = answers(plain);
    expect(got).toEqual(want);
    // the queries find something: a query that finds nothing either way would prove nothing
    for (const q of ['raw:"4624"', 'raw:/^<Event xmlns/', 'raw:/TargetUserName">[A-Za-z]+</', 'raw:"\u202e"', 'mimikatz', 'message:"logon"', 'message:/^Process /', 'message:"\u2026"']) {
      expect((want.find((a) => (a as unknown[])[0] === q) as unknown[])[1], q).toBeGreaterThan(0);
    }
    // no hit may run across two events, in a block or across blocks
    expect((got.find((a) => (a as unknown[])[0] === 'raw:"</event><event"') as unknown[])[1]).toBe(0);

    // the Sigma pass reads raw through its runs (detect/types.ts TextRun): the same matches
    const set = loadRules([{ path: 'kw.yml', text: SIGMA }]);
    expect(set.issues).toEqual([]);
    const a = runSigma(set, caseTable(deflated.index)), b = runSigma(set, caseTable(plain.index));
    expect([...(a.matches.get('kw')?.rows ?? [])]).toEqual([...(b.matches.get('kw')?.rows ?? [])]);
    expect(b.matches.get('kw')?.rows.length ?? 0).toBeGreaterThan(0);
    // and the runs give each row's text in place
    for (const name of ['raw', 'message']) {
      const runs = caseTable(deflated.index).column(name);
      if (runs?.kind !== 'text' || runs.runs === undefined) throw new Error(`${name} has no runs`);
      for (const run of runs.runs()) {
        for (let i = 0; i < run.count; i++) {
          const start = run.starts?.[i] ?? (i === 0 ? 0 : run.ends[i - 1]);
          const value = run.ends[i] > start ? run.text.slice(start, run.ends[i]) : run.elsewhere?.(i) === true ? plain.index.field(name)?.valueOf(run.base + i) : undefined;
          expect(value, `${name} row ${run.base + i}`).toBe(plain.index.field(name)?.valueOf(run.base + i));
        }
      }
    }
  }, 300_000);

  it('keeps long raw text as bytes up to the case budget and deflates the segments past it, with the same answers', async () => {
    setDeflateLimits({ longRaw: 0, minChars: Infinity, blockChars: 1 });
    const plain = await windowsCase();
    const segs = (plain.index.field('raw') as TextField).segments;
    const chars = segs.map((s) => s.ends[s.count - 1]);
    const budget = chars.reduce((n, c) => n + c, 0) / 3;
    setDeflateLimits({ longRaw: 0, minChars: 1, blockChars: 3_000, keepChars: budget });
    const mixed = await windowsCase();
    // in arrival order: segments while their sum fits the budget stay bytes, the others are deflated
    let kept = 0;
    const expected = chars.map((c) => (c === 0 ? false : kept + c <= budget ? ((kept += c), false) : true));
    const got = (mixed.index.field('raw') as TextField).segments.map((s) => s.blocks !== undefined);
    expect(got).toEqual(expected);
    expect(got.includes(true) && got.includes(false)).toBe(true);
    // a message goes deflated exactly where its raw did (rows with message text of their own)
    const withText = (mixed.index.field('message') as TextField).segments.map((s) => s.ends[s.count - 1] > 0);
    expect((mixed.index.field('message') as TextField).segments.map((s) => s.blocks !== undefined)).toEqual(got.map((d, i) => d && withText[i]));
    expect(answers(mixed)).toEqual(answers(plain));
  }, 300_000);
});
