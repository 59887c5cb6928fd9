// The ledger (evidence manifest): one row per file of the case — where it sits in the bundle, its size and
// SHA-256, how it was read (parser, confidence, zone, year), what came out (events, unparsed with the first
// reasons and line numbers) and its time range. Log-derived text (paths, reasons) is rendered as text only.
import { memo } from 'react';
import type { FileLedgerEntry, ParserInfo, ReingestOptions } from '../../../workers/api.ts';
import { formatBytes, formatCount, formatTime } from '../../format.ts';
import { ReadAsControls } from './ReadAsControls.tsx';
import { SafeText } from '../../components/SafeText.tsx';
import { useVirtualWindow } from '../../hooks/useVirtualWindow.ts';

/** the scroll box is 28rem high at most (ledger.css .ledger-scroll) */
const LEDGER_WINDOW = { wholeUpTo: 12, overscan: 4, viewPx: 28 * 16 };

export const HASH_TITLE = 'SHA-256 of the bytes as read: for a file inside an archive or a gzip, of its decompressed bytes';

const STATE_WORDS: Record<FileLedgerEntry['state'], string> = {
  queued: 'waiting', reading: 'reading…', done: 'read', skipped: 'skipped', failed: 'failed', cancelled: 'cancelled', incomplete: 'incomplete',
  damaged: 'damaged',
};

export interface LedgerTableProps {
  files: FileLedgerEntry[];
  parsers: ParserInfo[];
  busy: boolean;
  onApply(file: FileLedgerEntry, options: ReingestOptions, picked?: File): Promise<string | undefined>;
}

export function LedgerTable({ files, parsers, busy, onApply }: LedgerTableProps) {
  // thousands of rows (a big archive): only those in view are rendered. A ledger row is heavy (~30 boxes with
  // its Read as form; the table lays them out together), so the ledger is windowed from 12 rows with 4 rows of
  // overscan: 50 rows rendered whole, or 20 of overscan, gave 30-45 ms layouts while an archive's first members
  // arrived with the ledger open (issue 9; the scroll box shows about 5 rows)
  const { attach, onScroll, start, end, before, after } = useVirtualWindow(files.length, 96, LEDGER_WINDOW);
  return (
    <div className="table-scroll ledger-scroll" ref={attach} onScroll={onScroll}>
      <table className="events-table ledger-table" aria-label="Ledger">
        <thead>
          <tr>
            <th scope="col">File</th>
            <th scope="col">Size</th>
            <th scope="col" title={HASH_TITLE}>SHA-256 (decompressed bytes)</th>
            <th scope="col">Parser</th>
            <th scope="col">Events</th>
            <th scope="col">Unparsed</th>
            <th scope="col">First (UTC)</th>
            <th scope="col">Last (UTC)</th>
            <th scope="col">Read as</th>
          </tr>
        </thead>
        <tbody>
          {before > 0 && <tr aria-hidden="true"><td colSpan={9} style={{ height: before, padding: 0, border: 0 }} /></tr>}
          {files.slice(start, end).map((f) => <LedgerRow key={f.id} file={f} parsers={parsers} busy={busy} onApply={onApply} />)}
          {after > 0 && <tr aria-hidden="true"><td colSpan={9} style={{ height: after, padding: 0, border: 0 }} /></tr>}
        </tbody>
      </table>
    </div>
  );
}

/**
 * One file's row. Memoized: while an archive is read the table re-renders every frame, and each row's Read as
 * controls hold a select of every parser; a row whose file did not change is not rendered again.
 */
const LedgerRow = memo(function LedgerRow({ file: f, parsers, busy, onApply }: { file: FileLedgerEntry } & Omit<LedgerTableProps, 'files'>) {
  return (
    <tr className={`ledger-row ledger-row--${f.state}`} data-vrow="">
      <th scope="row" className="ledger__path">
        <span><SafeText text={f.path} /></span>
        <span className="ledger__state">{STATE_WORDS[f.state]}</span>
        {f.lost !== undefined && f.lost > 0 && <span className="ledger__lost">{formatCount(f.lost)} records not recovered</span>}
        {f.message !== undefined && <span className="ledger__message"><SafeText text={f.message} /></span>}
      </th>
      <td className="ledger__num">{formatBytes(f.size)}</td>
      <td className="ledger__hash" title={HASH_TITLE}>{f.sha256 === '' ? 'not computed (file not read to its end)' : f.sha256}</td>
      <td>
        {f.parserId === '' ? 'none' : <>{f.parserId} <span className="ledger__muted">{Math.round(f.confidence * 100)}%</span></>}
        <LearnedLayout file={f} />
        {f.parserCounts !== undefined && (
          <span className="ledger__muted ledger__layout">
            {`mixed file: ${Object.entries(f.parserCounts).map(([id, n]) => `${id} ${formatCount(n)}`).join(', ')}`}
          </span>
        )}
      </td>
      <td className="ledger__num">{formatCount(f.events)}</td>
      <td className="ledger__num"><Unparsed file={f} /></td>
      <td>{formatTime(f.firstTs)}</td>
      <td>{formatTime(f.lastTs)}<TimeAssumed file={f} /></td>
      <td>
        <ReadAsControls
          key={`${f.parserId}|${f.tzOffsetMinutes}|${f.forcedYear ?? ''}|${f.timeLayout ?? f.layout?.timeChoice ?? ''}`}
          file={f} parsers={parsers} disabled={busy || f.state === 'reading' || (f.member === undefined && f.parserId === '' && f.state === 'incomplete')}
          onApply={(options, picked) => onApply(f, options, picked)}
        />
      </td>
    </tr>
  );
});

/** The count, and the first reasons with their positions behind a disclosure. */
function Unparsed({ file }: { file: FileLedgerEntry }) {
  if (file.issues.length === 0) return <>{formatCount(file.unparsed)}</>;
  return (
    <details className="ledger__issues">
      <summary>{formatCount(file.unparsed)} <span className="ledger__muted">({file.issues.length === 1 ? 'why' : `first ${file.issues.length} reasons`})</span></summary>
      <ul>
        {file.issues.map((i, n) => <li key={n}>{where(i)}<SafeText text={i.reason} /></li>)}
      </ul>
    </details>
  );
}

function where(i: FileLedgerEntry['issues'][number]): string {
  if (i.line !== undefined) return `line ${formatCount(i.line)}: `;
  if (i.offset !== undefined) return `byte ${formatCount(i.offset)}: `;
  return '';
}

/** Plain words for what the times rest on: a zone or a year the records did not state. */
function TimeAssumed({ file }: { file: FileLedgerEntry }) {
  const parts = file.timeGuess.split(',').filter((p) => p !== '');
  if (parts.length === 0) return null;
  const words = parts.map((p) => (p === 'year' ? (file.forcedYear === undefined ? 'year guessed from the file date' : 'year set by you') : 'zone assumed'));
  return <span className="ledger__muted ledger__assumed">{words.join(', ')}</span>;
}

/** What the generic parser learned: the time layout with the share of events it read, and the header columns. */
function LearnedLayout({ file }: { file: FileLedgerEntry }) {
  const l = file.layout;
  if (l === undefined) return null;
  const time = l.time === undefined ? 'no time layout learned' : `time: ${l.time} (${Math.round((l.timeShare ?? 0) * 100)}% of events)`;
  const header = l.header !== undefined && l.header.length > 1 ? `; columns: ${l.header.join(', ')}` : '';
  return <span className="ledger__muted ledger__layout">{`${time}${file.timeLayout !== undefined ? ' (chosen by you)' : ''}${header}`}</span>;
}
