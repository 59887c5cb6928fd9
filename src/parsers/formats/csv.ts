// CSV / TSV with a header row, including Logdrop's own analyst CSV export re-imported.
// Reference: https://www.rfc-editor.org/rfc/rfc4180, https://www.papaparse.com/docs
// Example:
//   timestamp,host,source,app,message,source_ip,username,outcome,init.host.port
//   2024-10-17T12:00:00.000Z,web01,auth.log,sshd,"Failed password for root",203.0.113.9,root,failure,51515
// The header row is a meta record kept in ctx.state (delimiter sniffed from it: comma, tab or semicolon); a
// first row of values instead (an analyst CSV exported without header) gets the analyst column names;
// each record is read by papaparse with that delimiter. Every column is kept as data.<column>; well-known
// column names (timestamp, host, src_ip, username, message, outcome, ...) and columns named like our own
// fields (init.host.port, target.usr.name, data.X) are mapped back (extract/common.ts). Framing 'csv' joins
// the lines of a quoted field that holds line breaks, so a record may span lines.
import Papa from 'papaparse';
import { err, ok } from '../../core/result.ts';
import type { EventFields } from '../../core/schema.ts';
import type { Head, ParseContext, TextParser } from '../types.ts';
import { applyCommonKeys } from '../extract/common.ts';
import { timeOf } from '../extract/json.ts';
import { nonBlankLines } from '../sniff.ts';

interface Header { delimiter: string; columns: string[]; headerless: boolean }

/** Logdrop's analyst CSV export starts with these columns (DESIGN.md "Export mappings") */
const ANALYST_COLUMNS = ['timestamp', 'host', 'source', 'app', 'message', 'source_ip', 'username', 'outcome'];
const SETTINGS_UTC = { tzOffsetMinutes: 0, referenceMs: 0 };
/** a cell that is a value, not a column name: a time, a number, an IP address */
const looksLikeValue = (c: string) => /^-?\d+(?:\.\d+)?$/.test(c) || /^\d{1,3}(?:\.\d{1,3}){3}$/.test(c) || timeOf(c, SETTINGS_UTC) !== undefined;

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

/**
 * The first record: a header row (names), or already data (an analyst CSV exported without its header, a
 * split file). Headerless rows get the analyst columns when they start with a time, else column1..N.
 */
function readFirst(record: string, ctx: ParseContext): Header {
  const delimiter = guessDelimiter(record);
  const cells = readRow(record, delimiter).map((c) => c.trim());
  let h: Header;
  if (cells.every((c) => COLUMN_NAME.test(c) && !looksLikeValue(c))) {
    h = { delimiter, columns: cells, headerless: false };
  } else {
    const analyst = cells.length >= ANALYST_COLUMNS.length && timeOf(cells[0], SETTINGS_UTC) !== undefined;
    const columns = cells.map((_, i) => (analyst && i < ANALYST_COLUMNS.length ? ANALYST_COLUMNS[i] : `column${i + 1}`));
    h = { delimiter, columns, headerless: true };
  }
  ctx.state.set(STATE, h);
  return h;
}

/** Confidence from the head: a header of names, then rows with the same number of cells. */
function sniffCsv(head: Head): number {
  const lines = nonBlankLines(head);
  if (lines.length < 2) return 0;
  const delimiter = guessDelimiter(lines[0]);
  const header = readRow(lines[0], delimiter).map((c) => c.trim());
  if (header.length < 2) return 0;
  if (!header.every((c) => COLUMN_NAME.test(c) && !looksLikeValue(c))) {
    // no header: only an analyst CSV export is recognised (a time first, at least the 8 analyst columns)
    const rows = Papa.parse<string[]>(lines.join('\n'), { delimiter, skipEmptyLines: true }).data.slice(0, 30);
    if (rows.length > 1 && head.bytes.length >= 65536) rows.pop();
    const analyst = rows.filter((r) => r.length === header.length && r.length >= ANALYST_COLUMNS.length && timeOf(r[0], SETTINGS_UTC) !== undefined);
    return rows.length > 0 && analyst.length === rows.length ? 0.5 : 0;
  }
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
  // the header path is not named: the registry runs samples one record at a time through parse(), and a
  // header row is meta; test/parsers/formats/csv.test.ts covers it
  patterns: ['default-columns'],

  sniff: sniffCsv,

  isMeta(record, ctx) {
    if (record.trim() === '') return true;
    if (getHeader(ctx) !== undefined) return false;
    return !readFirst(record, ctx).headerless;
  },

  parse(record, ctx) {
    let header = getHeader(ctx);
    if (header === undefined) {
      // parse() before isMeta(): the first record decides here
      header = readFirst(record, ctx);
      if (!header.headerless) return err('CSV header row (meta)');
    }
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
    ctx.hit?.(header.headerless ? 'default-columns' : 'header-columns');
    const ev: EventFields = {};
    const entries: [string, string][] = [];
    header.columns.forEach((col, i) => {
      const name = col === '' ? `column${i + 1}` : col;
      ev[`data.${name}`] = cells[i];
      entries.push([name, cells[i]]);
    });
    applyCommonKeys(ev, entries, ctx.time);
    return ok(ev);
  },

  samples: [
    {
      // a Logdrop analyst CSV export re-imported without its header row (the first cell is a time)
      input: '2024-10-17T12:00:00.000Z,web01,auth.log,sshd,Failed password for root from 203.0.113.9 port 51515 ssh2,203.0.113.9,root,failure',
      expect: {
        ts: Date.UTC(2024, 9, 17, 12), 'obs.host.name': 'web01', 'app.name': 'sshd', 'init.host.ip': '203.0.113.9',
        'target.usr.name': 'root', outcome: 'failure', 'data.source': 'auth.log', 'data.message': 'Failed password for root from 203.0.113.9 port 51515 ssh2',
      },
    },
    {
      // the next row of that export: a quoted message holding a line break and a quote (framing 'csv' joins the lines)
      input: '2024-10-17T12:00:05.000Z,web01,auth.log,sshd,"Received disconnect from 203.0.113.9: 11: ""Bye""\n[preauth]",203.0.113.9,,unknown',
      expect: { ts: Date.UTC(2024, 9, 17, 12, 0, 5), message: 'Received disconnect from 203.0.113.9: 11: "Bye"\n[preauth]', outcome: 'unknown', 'data.username': '' },
    },
  ],
};
