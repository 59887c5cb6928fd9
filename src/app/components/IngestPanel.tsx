// Per-file progress during an ingest, then the per-file outcome (format, events, unparsed, messages).
import { memo } from 'react';
import type { FileLedgerEntry } from '../../workers/api.ts';
import { formatBytes, formatCount } from '../format.ts';
import { useVirtualWindow } from '../hooks/useVirtualWindow.ts';
import { SafeText, safeLabel } from './SafeText.tsx';
import { useFiles, type FilesStore } from '../state/filesStore.ts';

/**
 * The list's box is 8rem high at most (styles.css .file-list): about 4 rows in view. Windowed from 12 rows with 8
 * of overscan, not from 50 with 20: an archive's first report rendered up to 50 rows whole, and the next one, past
 * 50, removed all but the window again (issue 9).
 */
const FILE_WINDOW = { wholeUpTo: 12, overscan: 8, viewPx: 8 * 16 };

/** what a Remove button is offered for: files whose events are missing or partial (then re-ingest them) */
const REMOVABLE = new Set<FileLedgerEntry['state']>(['incomplete', 'failed', 'cancelled']);

export function IngestPanel({ files: store, ingesting, onCancel, onRemove }: {
  /** subscribed here: progress re-renders this panel, not the app */
  files: FilesStore; ingesting: boolean; onCancel: () => void; onRemove?: (fileId: number) => void;
}) {
  const files = useFiles(store);
  // long lists (archives with thousands of members) render only the rows in view
  const { attach, onScroll, start, end, before, after } = useVirtualWindow(files.length, 34, FILE_WINDOW);
  if (files.length === 0) return null;
  return (
    <section className="ingest-panel" aria-label="Files in this case">
      <div className="ingest-panel__head">
        <h2>Files ({files.length}){warningsOf(files)}</h2>
        {ingesting && <button type="button" className="button" onClick={onCancel}>Cancel ingest</button>}
      </div>
      <ul className="file-list" ref={attach} onScroll={onScroll}>
        {before > 0 && <li aria-hidden="true" style={{ height: before }} />}
        {files.slice(start, end).map((f) => <FileRow key={`${f.id}-${f.path}`} file={f} ingesting={ingesting} onRemove={onRemove} />)}
        {after > 0 && <li aria-hidden="true" style={{ height: after }} />}
      </ul>
    </section>
  );
}

/** States a user must not miss, in the order named: counted in the panel's heading, because a long list shows
 * only a few rows and a damaged file may be far down it (issue 9 item 7: damage visible where the user looks). */
const WARNING_STATES: readonly FileLedgerEntry['state'][] = ['damaged', 'incomplete', 'failed', 'skipped', 'cancelled'];

function warningsOf(files: readonly FileLedgerEntry[]): string {
  const counts = new Map<FileLedgerEntry['state'], number>();
  for (const f of files) if (WARNING_STATES.includes(f.state)) counts.set(f.state, (counts.get(f.state) ?? 0) + 1);
  return WARNING_STATES.filter((s) => counts.has(s)).map((s) => ` · ${formatCount(counts.get(s)!)} ${s}`).join('');
}

/** One file's line. Memoized: progress re-renders the list every frame, and most rows in view did not change. */
const FileRow = memo(function FileRow({ file: f, ingesting, onRemove }: { file: FileLedgerEntry; ingesting: boolean; onRemove?: (fileId: number) => void }) {
  return (
    <li className={`file file--${f.state}`} data-vrow="">
      <span className="file__path" title={safeLabel(f.path)}><SafeText text={f.path} /></span>
      <progress
        className="file__progress"
        aria-label={`Progress of ${safeLabel(f.path)}`}
        max={Math.max(f.size, f.bytesRead, 1)}
        value={f.state === 'reading' ? f.bytesRead : Math.max(f.size, f.bytesRead, 1)}
      />
      <span className="file__counts">
        {formatBytes(f.bytesRead)} · {formatCount(f.events)} events
        {f.unparsed > 0 && <> · <strong>{formatCount(f.unparsed)} unparsed</strong></>}
        {f.state === 'damaged' && <> · <strong className="file__warning">damaged{f.lost !== undefined && f.lost > 0 ? `: ${formatCount(f.lost)} records not recovered` : ''}</strong></>}
        {f.state === 'incomplete' && <> · <strong className="file__warning">incomplete</strong></>}
        {f.parserId !== '' && <> · {f.parserId}</>}
      </span>
      {f.message !== undefined && <span className="file__message"><SafeText text={f.message} /></span>}
      {onRemove !== undefined && REMOVABLE.has(f.state) && !ingesting && (
        <button type="button" className="button file__remove" aria-label={`Remove ${safeLabel(f.path)}`} onClick={() => onRemove(f.id)}>Remove</button>
      )}
    </li>
  );
});
