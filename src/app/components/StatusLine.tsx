// The status line (role="status"): what the table shows, or what the ingest is doing.
import type { FileLedgerEntry } from '../../workers/api.ts';
import type { QueryRun, QueryView } from '../state/useWorkbench.ts';
import { formatCount } from '../format.ts';

/** noCase: the open case went away (deleted in another tab) and none is open yet; querying: a search is running */
export function StatusLine({ view, ingesting, files, noCase = false, querying }: { view?: QueryView; ingesting: boolean; files: FileLedgerEntry[]; noCase?: boolean; querying?: QueryRun }) {
  let text: string;
  if (noCase) {
    text = 'No case open';
  } else if (querying !== undefined && !ingesting) {
    text = querying.total > 0 ? `Searching… ${Math.floor((querying.done / querying.total) * 100)}%` : 'Searching…';
  } else if (ingesting) {
    const events = files.reduce((n, f) => n + f.events, 0);
    text = `Reading ${files.length} file${files.length === 1 ? '' : 's'}… ${formatCount(events)} events so far`;
  } else if (view === undefined) {
    text = 'Opening case…';
  } else if (view.error !== undefined) {
    text = 'Query error';
  } else if (view.cancelledText !== undefined) {
    text = `Search cancelled; showing the previous results: ${formatCount(view.total)} events`;
  } else {
    const unparsed = files.reduce((n, f) => n + f.unparsed, 0);
    text = `${formatCount(view.total)} events`;
    if (view.text === '' && unparsed > 0) text += ` (${formatCount(unparsed)} unparsed)`;
  }
  return <p className="status-line" role="status">{text}</p>;
}
