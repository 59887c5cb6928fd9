// `logdrop normalize FILE...`: one normalized event per line as JSON on stdout (flat dotted keys),
// a per-file summary (format, events, unparsed) on stderr. Same ingest pipeline as the browser.
import type { Writable } from 'node:stream';
import type { FileLedgerEntry, IngestOptions } from '../workers/api.ts';
import { eventAt } from '../workers/chunk/chunk.ts';
import { canonicalOrder } from '../core/schema.ts';
import { ingestPaths } from './ingestPaths.ts';
import { jsonLine, terminalText } from './terminal.ts';
import { enrichEvent } from './geo.ts';
import type { GeoService } from '../workers/enrich/geoService.ts';

export interface NormalizeOptions extends IngestOptions {
  /** GeoIP enrichment of the IP roles (<role>.host.loc.*); absent: none */
  geo?: GeoService;
}

export async function normalize(paths: string[], options: NormalizeOptions, out: Writable, err: Writable): Promise<FileLedgerEntry[]> {
  const { geo, ...ingest } = options;
  const ledger = await ingestPaths(paths, ingest, async (chunk) => {
    let text = '';
    for (let row = 0; row < chunk.count; row++) {
      const e = eventAt(chunk, row);
      if (geo !== undefined) enrichEvent(e, geo);
      text += jsonLine(canonicalOrder(e)) + '\n';
    }
    await write(out, text);
  });
  for (const f of ledger) err.write(summaryLine(f) + '\n');
  return ledger;
}

/** Writes and waits for 'drain' when the stream's buffer is full (a slow pipe must not buffer everything). */
export async function write(out: Writable, text: string): Promise<void> {
  if (!out.write(text)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
}

export function summaryLine(f: FileLedgerEntry): string {
  const format = f.parserId === '' ? '-' : `${f.parserId} (${Math.round(f.confidence * 100)}%)`;
  const extra = f.message ? `  ${terminalText(f.message)}` : '';
  // records the format says were there but could not be recovered: a damaged file must not read as fine
  const lost = f.lost !== undefined ? `\tlost=${f.lost}` : '';
  return `${terminalText(f.path)}\tformat=${format}\tevents=${f.events}\tunparsed=${f.unparsed}\tskipped-lines=${f.meta}\tstate=${f.state}${lost}${mixedText(f)}${layoutText(f)}${extra}`;
}

/** A mixed file's events per parser: "\tparsers=syslog3164:4,json:1". */
function mixedText(f: FileLedgerEntry): string {
  if (f.parserCounts === undefined) return '';
  return `\tparsers=${Object.entries(f.parserCounts).map(([id, n]) => `${terminalText(id)}:${n}`).join(',')}`;
}

/** The layout a learning parser found: "\ttime=<layout> (98%)\theader=time,level,component". */
function layoutText(f: FileLedgerEntry): string {
  const l = f.layout;
  if (l === undefined) return '';
  const time = l.time === undefined ? 'none learned' : `${l.time} (${Math.round((l.timeShare ?? 0) * 100)}% of events)`;
  return `\ttime=${time}\theader=${(l.header ?? []).join(',') || '-'}`;
}
