// CSV / TSV with a header row, including Logdrop's own analyst CSV export re-imported.
// Reference: https://www.rfc-editor.org/rfc/rfc4180, https://www.papaparse.com/docs
// Example:
//   timestamp,host,source,app,message,source_ip,username,outcome,init.host.port
//   2024-10-17T12:00:00.000Z,web01,auth.log,sshd,"Failed password for root",203.0.113.9,root,failure,51515
// The header row is a meta record kept in ctx.state (delimiter sniffed from it: comma, tab or semicolon);
// each record is read by papaparse with that delimiter. Every column is kept as data.<column>; well-known
// column names (timestamp, host, src_ip, username, message, outcome, ...) and columns named like our own
// fields (init.host.port, target.usr.name, data.X) are mapped back (extract/common.ts). Framing 'csv' joins
// the lines of a quoted field that holds line breaks, so a record may span lines.
import Papa from 'papaparse';
import { err, ok } from '../../core/result.ts';
import type { EventFields } from '../../core/schema.ts';
import type { Head, ParseContext, TextParser } from '../types.ts';
import { applyCommonKeys, isSchemaField } from '../extract/common.ts';

interface Header { delimiter: string; columns: string[] }

const STATE = 'csv.header';
const DELIMITERS = [',', '\t', ';'] as const;
/** what a header cell looks like: a name, not a value (no JSON/XML punctuation, not a bare number) */
const COLUMN_NAME = /^(?!\d+(?:\.\d+)?$)[^{}<>"=]{1,80}$/;

function readRow(text: string, delimiter: string): string[] {
  const res = Papa.parse<string[]>(text, { delimiter, header: false, skipEmptyLines: false });
  return res.data[0] ?? [];
}

function guessDelimiter(line: string): string {
  let best: string = ',';
  let bestCount = 0;
  for (const d of DELIMITERS) {
    const n = readRow(line, d).length;
    if (n > bestCount) { best = d; bestCount = n; }
  }
  return best;
}

function getHeader(ctx: ParseContext): Header | undefined {
  return ctx.state.get(STATE) as Header | undefined; // only this parser writes this key
}

/** Confidence from the head: a header of names, then rows with the same number of cells. */
function sniffCsv(head: Head): number {
  const lines = head.lines.filter((l) => l.trim() !== '');
  if (lines.length < 2) return 0;
  const delimiter = guessDelimiter(lines[0]);
  const header = readRow(lines[0], delimiter).map((c) => c.trim());
  if (header.length < 2 || !header.every((c) => COLUMN_NAME.test(c))) return 0;
  if (new Set(header).size < header.length) return 0.1;
  // parse the head as CSV (quoted fields may span lines); the last row may be cut by the head limit
  const rows = Papa.parse<string[]>(lines.slice(1).join('\n'), { delimiter, skipEmptyLines: true }).data.slice(0, 30);
  if (rows.length > 1) rows.pop();
  if (rows.length === 0) return 0;
  const same = rows.filter((r) => r.length === header.length).length / rows.length;
  if (same < 0.9) return 0;
  const known = header.some((c) => /^(?:timestamp|time|date|@timestamp|host|message|msg|source_ip|src_ip|username|user|level|eventid|lineid)$/i.test(c));
  return known ? 0.6 : 0.45;
}

export const csv: TextParser = {
  kind: 'text',
  id: 'csv',
  title: 'CSV / TSV with a header row (also Logdrop analyst CSV)',
  version: '1',
  url: 'https://www.rfc-editor.org/rfc/rfc4180',
  framing: 'csv',
  patterns: ['row', 'schema-columns'],

  sniff: sniffCsv,

  isMeta(record, ctx) {
    if (record.trim() === '') return true;
    if (getHeader(ctx) !== undefined) return false;
    const delimiter = guessDelimiter(record);
    ctx.state.set(STATE, { delimiter, columns: readRow(record, delimiter).map((c) => c.trim()) });
    return true;
  },

  parse(record, ctx) {
    const header = getHeader(ctx);
    if (header === undefined) return err('CSV record before the header row');
    let cells: string[] | undefined;
    if (!record.includes('"')) {
      cells = record.split(header.delimiter); // no quotes: nothing for papaparse to do (and 10x faster)
    } else {
      const res = Papa.parse<string[]>(record, { delimiter: header.delimiter, header: false });
      if (res.errors.length > 0 && res.errors[0].type === 'Quotes') return err(`CSV: ${res.errors[0].message}`);
      cells = res.data[0];
    }
    if (cells === undefined) return err('empty CSV record');
    if (cells.length !== header.columns.length) {
      return err(`expected ${header.columns.length} columns, found ${cells.length}`);
    }
    ctx.hit?.('row');
    const ev: EventFields = {};
    const entries: [string, string][] = [];
    header.columns.forEach((col, i) => {
      const name = col === '' ? `column${i + 1}` : col;
      ev[`data.${name}`] = cells[i];
      entries.push([name, cells[i]]);
    });
    if (header.columns.some((c) => c.includes('.') && isSchemaField(c))) ctx.hit?.('schema-columns');
    applyCommonKeys(ev, entries, ctx.time);
    return ok(ev);
  },

  samples: [
    {
      // loghub OpenSSH_2k.log_structured.csv (header and first row)
      input: 'LineId,Date,Day,Time,Component,Pid,Content,EventId,EventTemplate\n1,Dec,10,06:55:46,LabSZ,24200,reverse mapping checking getaddrinfo for ns.marryaldkfaczcz.com [173.234.31.186] failed - POSSIBLE BREAK-IN ATTEMPT!,E27,reverse mapping checking getaddrinfo for <*> [<*>] failed - POSSIBLE BREAK-IN ATTEMPT!',
      expect: {
        'data.LineId': '1', 'data.Component': 'LabSZ', 'obs.process.id': '24200', 'app.name': 'LabSZ', 'data.EventId': 'E27',
        message: 'reverse mapping checking getaddrinfo for ns.marryaldkfaczcz.com [173.234.31.186] failed - POSSIBLE BREAK-IN ATTEMPT!',
      },
    },
    {
      // Logdrop analyst CSV export, re-imported: a quoted message with a line break and our own field names
      input: 'timestamp,host,source,app,message,source_ip,username,outcome,init.host.port,target.usr.domain,data.auth_method\n2024-10-17T12:00:00.000Z,web01,auth.log,sshd,"Failed password for root\nfrom 203.0.113.9",203.0.113.9,root,failure,51515,CORP,password',
      expect: {
        ts: Date.UTC(2024, 9, 17, 12), 'obs.host.name': 'web01', 'app.name': 'sshd', message: 'Failed password for root\nfrom 203.0.113.9',
        'init.host.ip': '203.0.113.9', 'target.usr.name': 'root', outcome: 'failure', 'init.host.port': 51515,
        'target.usr.domain': 'CORP', 'data.auth_method': 'password', 'data.source': 'auth.log',
      },
    },
  ],
};
