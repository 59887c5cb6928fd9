// The query bar: Enter runs the query; errors point at their position in plain words; a running search
// shows its progress and a Cancel button (a new search also replaces it).
import { useState } from 'react';
import type { QueryError } from '../../workers/api.ts';
import type { QueryRun } from '../state/useWorkbench.ts';

export function SearchBar({ initial, error, running, onSearch, onCancel }: {
  initial: string; error?: QueryError; running?: QueryRun; onSearch: (q: string) => void; onCancel?: () => void;
}) {
  // the box owns what is typed (uncontrolled): `initial` only seeds it once, and React never writes a
  // pasted 150 KB query back into it, not even as defaultValue (each write re-lays the text out: hundreds
  // of ms on the main thread)
  const [seed] = useState(initial);
  return (
    <form
      className="search-bar" role="search"
      onSubmit={(e) => { e.preventDefault(); onSearch(String(new FormData(e.currentTarget).get('q') ?? '')); }}
    >
      <input
        type="search"
        name="q"
        aria-label="Search"
        placeholder='Search: sshd and outcome:failure, init.host.ip:203.0.113.0/24, "Failed password"'
        defaultValue={seed}
        aria-invalid={error !== undefined}
        aria-describedby={error !== undefined ? 'search-error' : undefined}
        spellCheck={false}
        autoComplete="off"
      />
      <button type="submit" className="button">Search</button>
      {running !== undefined && (
        <div className="search-progress">
          <progress aria-label="Search progress" max={Math.max(running.total, 1)} value={running.done} />
          {onCancel !== undefined && <button type="button" className="button" onClick={onCancel}>Cancel search</button>}
        </div>
      )}
      {error !== undefined && (
        <p id="search-error" className="search-error" role="alert">
          {error.message} (at character {error.position + 1})
        </p>
      )}
    </form>
  );
}
