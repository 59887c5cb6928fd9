// The status line (role="status"): how many events match the query and time range, out of how many
// ("of" only when the query or range leaves some out).
import type { FileLedgerEntry } from '../../../workers/api.ts';
import { formatCount } from '../../format.ts';
import type { SearchState } from './useSearch.ts';

export function SearchStatus({ result, filtered, ingesting, files }: { result?: SearchState; filtered: boolean; ingesting: boolean; files: FileLedgerEntry[] }) {
  let text: string;
  if (ingesting) {
    const events = files.reduce((n, f) => n + f.events, 0);
    text = `Reading ${files.length} file${files.length === 1 ? '' : 's'}… ${formatCount(events)} events so far`;
  } else if (result === undefined) {
    text = 'Searching…';
  } else if (result.error !== undefined) {
    text = 'The query has an error: nothing was searched';
  } else if (filtered && result.total < result.of) {
    text = `${formatCount(result.total)} of ${formatCount(result.of)} events`;
  } else {
    const unparsed = files.reduce((n, f) => n + f.unparsed, 0);
    text = `${formatCount(result.total)} events${unparsed > 0 ? ` (${formatCount(unparsed)} unparsed)` : ''}`;
  }
  return <p className="status-line" role="status">{text}</p>;
}
