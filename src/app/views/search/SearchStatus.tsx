// The status line (role="status"): how many events match the query and time range, out of how many
// ("of" only when the query or range leaves some out).
import { useFiles, type FilesStore } from '../../state/filesStore.ts';
import { formatCount } from '../../format.ts';
import type { SearchRun, SearchState } from './useSearch.ts';

/** noCase: the open case went away (deleted in another tab) and none is open yet; running: a search is running */
export function SearchStatus({ result, filtered, ingesting, files: store, running, noCase = false }: {
  result?: SearchState; filtered: boolean; ingesting: boolean; files: FilesStore; running?: SearchRun; noCase?: boolean;
}) {
  // subscribed here: ingest progress re-renders the status line, not the search view
  const files = useFiles(store);
  let text: string;
  if (noCase) {
    text = 'No case open';
  } else if (running !== undefined && !ingesting) {
    text = running.total > 0 ? `Searching… ${Math.floor((running.done / running.total) * 100)}%` : 'Searching…';
  } else if (ingesting) {
    const events = files.reduce((n, f) => n + f.events, 0);
    text = `Reading ${files.length} file${files.length === 1 ? '' : 's'}… ${formatCount(events)} events so far`;
  } else if (result === undefined) {
    text = 'Searching…';
  } else if (result.error !== undefined) {
    text = 'The query has an error: nothing was searched';
  } else if (result.cancelledText !== undefined) {
    text = `Search cancelled; showing the previous results: ${formatCount(result.total)} events`;
  } else if (filtered && result.total < result.of) {
    text = `${formatCount(result.total)} of ${formatCount(result.of)} events`;
  } else {
    const unparsed = files.reduce((n, f) => n + f.unparsed, 0);
    text = `${formatCount(result.total)} events${unparsed > 0 ? ` (${formatCount(unparsed)} unparsed)` : ''}`;
  }
  return <p className="status-line" role="status">{text}</p>;
}
