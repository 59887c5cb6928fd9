// The status line (role="status"): what the table shows, or what the ingest is doing.
import type { FileLedgerEntry } from '../../workers/api.ts';
import type { QueryView } from '../state/useWorkbench.ts';
import { formatCount } from '../format.ts';

/** noCase: the open case went away (deleted in another tab) and none is open yet */
export function StatusLine({ view, ingesting, files, noCase = false }: { view?: QueryView; ingesting: boolean; files: FileLedgerEntry[]; noCase?: boolean }) {
  let text: string;
  if (noCase) {
    text = 'No case open';
  } else if (ingesting) {
    const events = files.reduce((n, f) => n + f.events, 0);
    text = `Reading ${files.length} file${files.length === 1 ? '' : 's'}… ${formatCount(events)} events so far`;
  } else if (view === undefined) {
    text = 'Opening case…';
  } else if (view.error !== undefined) {
    text = 'Query error';
  } else {
    const unparsed = files.reduce((n, f) => n + f.unparsed, 0);
    text = `${formatCount(view.total)} events`;
    if (view.text === '' && unparsed > 0) text += ` (${formatCount(unparsed)} unparsed)`;
  }
  return <p className="status-line" role="status">{text}</p>;
}
