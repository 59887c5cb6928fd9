// The query help popover: the syntax in examples, and every alias the engine accepts with its fields.
import { useState } from 'react';
import type { FieldAlias } from '../../../../workers/api.ts';

const EXAMPLES: [string, string][] = [
  ['sshd "Failed password"', 'free text in the message: words (AND) and phrases'],
  ['outcome:failure', 'a field equals a value (case-insensitive, whole value)'],
  ['init.host.ip:203.0.113.0/24', 'IP ranges (CIDR, v4 and v6)'],
  ['user:(root or admin*)', 'one of several values; * and ? are wildcards'],
  ['not app.name:cron', 'leave out'],
  ['web.request.rc >= 500', 'ranges on numbers and times'],
  ['ts >= now-1h', 'times: ISO dates (UTC days), now-15m, epoch ms'],
  ['message:/fail(ed|ure)/i', 'regular expressions'],
  ['data.EventID:4625', 'any original field of the record (data.*)'],
];

export function QueryHelp({ aliases }: { aliases: FieldAlias[] }) {
  const [open, setOpen] = useState(false);
  return (
    <span className="query-help">
      <button type="button" className="button" aria-expanded={open} onClick={() => setOpen(!open)}>Query help</button>
      {open && (
        <div className="query-help__panel" role="dialog" aria-label="Query help" onKeyDown={(e) => { if (e.key === 'Escape') { e.stopPropagation(); setOpen(false); } }}>
          <div className="query-help__head">
            <h2>Query language</h2>
            <button type="button" className="button" onClick={() => setOpen(false)}>Close</button>
          </div>
          <dl className="query-help__examples">
            {EXAMPLES.map(([q, what]) => <div key={q}><dt><code>{q}</code></dt><dd>{what}</dd></div>)}
          </dl>
          <h3>Field aliases</h3>
          <p>These names mean the normalized fields on the right; type either.</p>
          <table className="query-help__aliases">
            <thead><tr><th scope="col">Alias</th><th scope="col">Field</th></tr></thead>
            <tbody>
              {aliases.map((a) => <tr key={a.alias}><td><code>{a.alias}</code></td><td><code>{a.fields.join(' or ')}</code></td></tr>)}
            </tbody>
          </table>
          <p>Keys: <kbd>/</kbd> search, <kbd>j</kbd>/<kbd>k</kbd> or arrows move rows, <kbd>Enter</kbd> opens an event, <kbd>Esc</kbd> closes it, Up/Down in the box walk the history.</p>
        </div>
      )}
    </span>
  );
}
