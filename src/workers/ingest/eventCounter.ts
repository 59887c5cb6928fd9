// Per file of an ingest (ingestFile): completes each event with its provenance (raw, col.line, col.offset) and
// keeps the file's counts, time range, time guesses and first issues, for events handed over as objects and for
// those a parser wrote into the chunk builder's row (the direct path, parsers/eventWriter.ts).
import type { EventFields } from '../../core/schema.ts';
import { UNPARSED } from '../../core/schema.ts';
import type { ParseIssue } from '../../core/result.ts';
import { fieldSlot } from '../../parsers/eventWriter.ts';
import type { RowWriter } from '../chunk/rowWriter.ts';
import type { FileIngestResult, ProgressSink } from './ingestFile.ts';

const MAX_ISSUES = 20;

const RAW = fieldSlot('raw'), LINE = fieldSlot('col.line'), OFFSET = fieldSlot('col.offset');
const TS = fieldSlot('ts'), TS_GUESS = fieldSlot('ts.guess');

/** Completes each event with provenance and keeps the per-file counts, time range and first issues. */
export class EventCounter {
  private lastProgress = 0;
  constructor(
    private readonly file: string, private readonly parserName: string, private readonly result: FileIngestResult, private readonly sink: (event: EventFields) => void, private readonly onProgress: ProgressSink | undefined,
    /** the builder's row a parser with write() fills, and what appends it (the direct path: written()) */
    readonly row: RowWriter, private readonly commitRow: () => void,
  ) {}

  /** event() for a record a parser wrote into `row`: the same provenance, counts and time range. */
  written(raw: string, line: number, offset: number): void {
    const row = this.row;
    row.set(RAW, raw);
    row.set(LINE, line);
    row.set(OFFSET, offset);
    this.seen(row.get(TS), row.get(TS_GUESS));
    this.commitRow();
  }

  event(fields: EventFields, raw: string, line: number, offset: number): void {
    fields.raw = raw;
    fields['col.line'] = line;
    fields['col.offset'] = offset;
    this.seen(fields.ts, fields['ts.guess']);
    this.sink(fields);
  }

  /** an event's time and what was guessed of it, counted */
  private seen(ts: string | number | undefined, guess: string | number | undefined): void {
    const r = this.result;
    if (typeof ts === 'number' && !Number.isNaN(ts)) {
      if (r.firstTs === undefined || ts < r.firstTs) r.firstTs = ts;
      if (r.lastTs === undefined || ts > r.lastTs) r.lastTs = ts;
    }
    if (guess !== undefined && guess !== '' && guess !== r.timeGuess) r.timeGuess = mergeGuess(r.timeGuess, String(guess));
    r.events++;
  }

  unparsed(raw: string, line: number, offset: number, reason: string, unit: 'line' | 'record'): void {
    this.result.unparsed++;
    if (this.result.issues.length < MAX_ISSUES) {
      this.result.issues.push(unit === 'line' ? { file: this.file, line, unit, reason } : { file: this.file, offset, unit, reason });
    }
    this.sink({
      raw, message: raw, 'col.line': line, 'col.offset': offset,
      'parser.name': UNPARSED, 'parser.version': '1', 'parse.error': reason, 'data.parser.tried': this.parserName,
    });
  }

  meta(): void {
    this.result.meta++;
  }

  lost(records: number): void {
    this.result.lost = (this.result.lost ?? 0) + records;
  }

  /** an event read by another parser than the file's (a mixed file): counted per parser for the ledger */
  byOther(parserId: string): void {
    const counts = (this.result.otherParsers ??= Object.create(null) as Record<string, number>);
    counts[parserId] = (counts[parserId] ?? 0) + 1;
  }

  issue(issue: Omit<ParseIssue, 'file'>): void {
    if (this.result.issues.length < MAX_ISSUES) this.result.issues.push({ file: this.file, ...issue });
  }

  /** throttled: at most every 100 ms */
  progress(): void {
    const now = Date.now();
    if (this.onProgress === undefined || now - this.lastProgress < 100) return;
    this.lastProgress = now;
    this.onProgress(this.result.bytesRead, this.result.events, this.result.unparsed);
  }
}

function mergeGuess(a: string, b: string): string {
  const set = new Set([...a.split(','), ...b.split(',')].filter((x) => x !== ''));
  return [...set].sort().join(',');
}

