// The offline reputation list: a CSV or JSON file the user loads (their own blocklist, a feed exported from
// their TIP). Nothing is sent anywhere. Columns (CSV header or JSON keys): `ip` (or `address`, `indicator`),
// `score` 0–100 (a list without scores is a blocklist: every listed address scores 100), `label`, `source`
// (default: the file name), `last_seen`, `reports`. JSON: an array of rows, or { "entries": [...] }.
// Example CSV: ip,score,label,source \n 203.0.113.9,90,ssh brute force,our honeypot
import Papa from 'papaparse';
import { canonicalIp } from '../canonicalIp.ts';
import { clampScore, type TiRecord } from './types.ts';

export interface ParsedList {
  /** canonical IP -> record */
  entries: Map<string, TiRecord>;
  skipped: { row: number; reason: string }[];
}

type Row = Record<string, unknown>;

const first = (row: Row, names: readonly string[]): string | undefined => {
  for (const n of names) {
    const v = row[n];
    if (typeof v === 'number' && Number.isFinite(v)) return String(v);
    if (typeof v === 'string' && v.trim() !== '') return v.trim();
  }
  return undefined;
};

export const offlineList = {
  kind: 'offline' as const,
  id: 'list',
  title: 'Offline reputation list',
  description: 'Your own list of addresses with a score, label and source (CSV or JSON), read in the browser: nothing is sent anywhere.',

  parse(text: string, fileName: string, nowMs: number): ParsedList | { error: string } {
    const trimmed = text.replace(/^\uFEFF/, '').trimStart();
    let rows: Row[];
    if (trimmed.startsWith('[') || trimmed.startsWith('{')) {
      let doc: unknown;
      try {
        doc = JSON.parse(trimmed);
      } catch (e) {
        return { error: `not valid JSON: ${(e as Error).message}` };
      }
      const list = Array.isArray(doc) ? doc : (doc as { entries?: unknown }).entries;
      if (!Array.isArray(list)) return { error: 'a JSON reputation list must be an array of entries, or an object with an "entries" array' };
      rows = list.map((r) => (typeof r === 'object' && r !== null ? (r as Row) : {}));
    } else {
      rows = Papa.parse<Row>(trimmed, { header: true, skipEmptyLines: true, transformHeader: (h) => h.trim().toLowerCase() }).data;
    }
    const entries = new Map<string, TiRecord>();
    const skipped: { row: number; reason: string }[] = [];
    let skippedCount = 0;
    const skip = (row: number, reason: string) => {
      skippedCount++;
      if (skipped.length < 20) skipped.push({ row, reason });
    };
    rows.forEach((row, i) => {
      const rawIp = first(row, ['ip', 'address', 'indicator', 'ip_address']);
      if (rawIp === undefined) return skip(i + 1, 'no ip column');
      const ip = canonicalIp(rawIp);
      if (ip === undefined) return skip(i + 1, rawIp.includes('/') ? `"${rawIp.slice(0, 60)}" is a range: list single addresses` : `"${rawIp.slice(0, 60)}" is not an IP address`);
      const scoreText = first(row, ['score', 'confidence', 'abuseconfidencescore']);
      const score = scoreText === undefined ? 100 : Number(scoreText);
      if (!Number.isFinite(score) || score < 0 || score > 100) return skip(i + 1, `score "${String(scoreText).slice(0, 20)}" is not 0–100`);
      const reports = Number(first(row, ['reports', 'count']));
      const record: TiRecord = {
        ip, provider: 'list', score: clampScore(score), checkedMs: nowMs,
        source: first(row, ['source', 'feed']) ?? fileName,
        ...(first(row, ['label', 'category', 'tags']) !== undefined ? { label: first(row, ['label', 'category', 'tags']) } : {}),
        ...(first(row, ['last_seen', 'lastseen', 'last_reported']) !== undefined ? { lastSeen: first(row, ['last_seen', 'lastseen', 'last_reported']) } : {}),
        ...(Number.isFinite(reports) && reports >= 0 ? { reports } : {}),
      };
      // the same address twice: the worse verdict stays
      const had = entries.get(ip);
      if (had === undefined || record.score > had.score) entries.set(ip, record);
    });
    if (entries.size === 0) return { error: `no usable entries${skipped.length > 0 ? ` (row ${skipped[0].row}: ${skipped[0].reason})` : ''}` };
    if (skippedCount > skipped.length) skipped.push({ row: 0, reason: `and ${skippedCount - skipped.length} more rows skipped` });
    return { entries, skipped };
  },

  samples: [
    { title: 'CSV with scores', text: 'ip,score,label,source\n203.0.113.9,90,ssh brute force,honeypot\n2001:DB8:0:0::1,40,scanner,honeypot\n', expect: { '203.0.113.9': 90, '2001:db8::1': 40 } },
    { title: 'a blocklist without scores (JSON)', text: '[{"address":"198.51.100.7","label":"c2"}]', expect: { '198.51.100.7': 100 } },
  ],
};

export type OfflineListProvider = typeof offlineList;
