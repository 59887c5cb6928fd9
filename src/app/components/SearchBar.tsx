// The query bar: Enter runs the query; errors point at their position in plain words.
import { useState } from 'react';
import type { QueryError } from '../../workers/api.ts';

export function SearchBar({ initial, error, onSearch }: { initial: string; error?: QueryError; onSearch: (q: string) => void }) {
  // the box owns what is typed; `initial` only seeds it when the view first appears
  const [text, setText] = useState(initial);
  return (
    <form className="search-bar" role="search" onSubmit={(e) => { e.preventDefault(); onSearch(text); }}>
      <input
        type="search"
        aria-label="Search"
        placeholder='Search: sshd and outcome:failure, init.host.ip:203.0.113.0/24, "Failed password"'
        value={text}
        onChange={(e) => setText(e.currentTarget.value)}
        aria-invalid={error !== undefined}
        aria-describedby={error !== undefined ? 'search-error' : undefined}
        spellCheck={false}
      />
      <button type="submit" className="button">Search</button>
      {error !== undefined && (
        <p id="search-error" className="search-error" role="alert">
          {error.message} (at character {error.position + 1})
        </p>
      )}
    </form>
  );
}
