// The query bar: autocomplete of field names (catalog + aliases) and of values (the field's top values
// in the case), history on Up/Down, the syntax error marked where it is, warnings shown.
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { FieldAlias, FieldCatalogEntry, QueryError } from '../../../../workers/api.ts';
import { applySuggestion, contextAt, rankNames, type SuggestContext } from '../../../query/suggest.ts';
import { useQueryHistory } from './useQueryHistory.ts';
import { QueryHelp } from './QueryHelp.tsx';
import { SafeText } from '../../../components/SafeText.tsx';
import type { SearchRun } from '../useSearch.ts';

const LIMIT = 12;

/** running: the search in progress (a progress bar and Cancel search; a new search also replaces it) */
export function QueryBar({ query, error, warnings, catalog, aliases, values, onSearch, running, onCancel }: {
  query: string; error?: QueryError; warnings: QueryError[]; catalog: FieldCatalogEntry[]; aliases: FieldAlias[];
  /** top values of a field in the case (the engine's facet), for value suggestions */
  values(field: string, partial: string): Promise<string[]>;
  onSearch(q: string): void;
  running?: SearchRun;
  onCancel?(): void;
}) {
  const [text, setText] = useState(query);
  const [shownQuery, setShownQuery] = useState(query);
  const [ctx, setCtx] = useState<SuggestContext>();
  const [valueOptions, setValueOptions] = useState<{ ctx: SuggestContext; values: string[] }>();
  const [active, setActive] = useState(-1);
  const [back, setBack] = useState(-1);
  const history = useQueryHistory();
  const input = useRef<HTMLTextAreaElement>(null);
  const listId = useId();
  const errorId = useId();

  // the route's query changed (a pivot, back/forward): the box shows it
  if (shownQuery !== query) {
    setShownQuery(query);
    setText(query);
    setCtx(undefined);
  }

  const names = useMemo(() => [...catalog.map((c) => c.field), ...aliases.map((a) => a.alias)], [catalog, aliases]);
  useEffect(() => {
    if (ctx?.kind !== 'value') return;
    let live = true;
    const done = (v: string[]) => { if (live) setValueOptions({ ctx, values: v.slice(0, LIMIT) }); };
    void values(ctx.field, ctx.partial).then(done, () => done([]));
    return () => { live = false; };
  }, [ctx, values]);
  const options = ctx === undefined ? []
    : ctx.kind === 'field' ? rankNames(names, ctx.partial, LIMIT)
      : valueOptions?.ctx === ctx ? valueOptions.values : [];

  const suggestAt = (value: string, caret: number | null) => {
    setActive(-1);
    setCtx(caret === null ? undefined : contextAt(value, caret));
  };
  const close = () => { setCtx(undefined); setActive(-1); };
  const run = (q: string) => {
    close();
    setBack(-1);
    history.remember(q);
    onSearch(q);
  };
  const choose = (option: string) => {
    if (ctx === undefined) return;
    const r = applySuggestion(text, ctx, option);
    setText(r.text);
    requestAnimationFrame(() => {
      input.current?.setSelectionRange(r.caret, r.caret);
      suggestAt(r.text, r.caret);
    });
  };
  const showing = ctx !== undefined && options.length > 0;

  const onKeyDown = (e: React.KeyboardEvent<HTMLTextAreaElement>) => {
    // Enter searches (as in a one-line box): the box is a textarea only so that a long query wraps (see below)
    const submit = e.key === 'Enter' && !e.nativeEvent.isComposing && !(showing && active >= 0);
    if (submit) {
      e.preventDefault();
      e.currentTarget.form?.requestSubmit();
    } else if (showing && (e.key === 'ArrowDown' || e.key === 'ArrowUp')) {
      e.preventDefault();
      setActive((a) => (e.key === 'ArrowDown' ? Math.min(a + 1, options.length - 1) : Math.max(a - 1, -1)));
    } else if (showing && (e.key === 'Tab' || e.key === 'Enter') && active >= 0) {
      e.preventDefault();
      choose(options[active]);
    } else if (showing && e.key === 'Escape') {
      e.preventDefault();
      close();
    } else if (!showing && (e.key === 'ArrowUp' || e.key === 'ArrowDown') && history.items.length > 0) {
      e.preventDefault();
      const items = history.items;
      const next = e.key === 'ArrowUp' ? (back < 0 ? items.length - 1 : Math.max(0, back - 1)) : back < 0 ? -1 : back + 1;
      if (next >= items.length || next < 0) {
        setBack(-1);
        setText(query);
      } else {
        setBack(next);
        setText(items[next]);
      }
    }
  };

  return (
    <form className="query-bar" role="search" onSubmit={(e) => { e.preventDefault(); run(text); }}>
      <div className="query-bar__box">
        {/*
          A textarea that wraps, not an <input>: a pasted 136 KB query (12,000 addresses) in a one-line box is
          one line of text over a million pixels wide, and every frame then cost 30-40 ms of main-thread CPU
          while a search ran (Chromium's selection bounds and paint of that line; a wrapped box: under 1 ms).
          It stays a searchbox for assistive technology, Enter searches, and it grows to a few lines.
        */}
        <textarea
          ref={input} role="searchbox" aria-label="Search" aria-multiline={false} data-search-input="" rows={1}
          spellCheck={false} autoComplete="off"
          placeholder='outcome:failure and init.host.ip:203.0.113.0/24, "Failed password", src_ip:10.0.0.0/8'
          value={text}
          aria-autocomplete="list" aria-controls={showing ? listId : undefined} aria-expanded={showing}
          aria-activedescendant={showing && active >= 0 ? `${listId}-${active}` : undefined}
          aria-invalid={error !== undefined} aria-describedby={error !== undefined ? errorId : undefined}
          onChange={(e) => { setText(e.currentTarget.value); setBack(-1); suggestAt(e.currentTarget.value, e.currentTarget.selectionStart); }}
          onClick={(e) => suggestAt(e.currentTarget.value, e.currentTarget.selectionStart)}
          onBlur={() => setTimeout(close, 150)}
          onKeyDown={onKeyDown}
        />
        {showing && (
          <ul className="query-bar__suggest" role="listbox" id={listId} aria-label={ctx.kind === 'field' ? 'Field names' : `Values of ${ctx.field}`}>
            {options.map((o, i) => (
              <li
                key={o} id={`${listId}-${i}`} role="option" aria-selected={i === active} className={i === active ? 'is-active' : undefined}
                onMouseDown={(e) => { e.preventDefault(); choose(o); }}
              >
                <SafeText text={o} />
              </li>
            ))}
          </ul>
        )}
      </div>
      <button type="submit" className="button button--primary">Search</button>
      <QueryHelp aliases={aliases} />
      {running !== undefined && (
        <div className="search-progress">
          <progress aria-label="Search progress" max={Math.max(running.total, 1)} value={running.done} />
          {onCancel !== undefined && <button type="button" className="button" onClick={onCancel}>Cancel search</button>}
        </div>
      )}
      {error !== undefined && <ErrorInPlace id={errorId} text={shownQuery} error={error} />}
      {warnings.length > 0 && (
        <ul className="query-bar__warnings" aria-label="Query warnings">
          {warnings.map((w, i) => <li key={i}>Warning: {w.message}. Check the field name (Query help lists fields and aliases).</li>)}
        </ul>
      )}
    </form>
  );
}

/**
 * Characters shown on each side of the error. A pasted 100 KB query was shown whole, wrapped: laying out and
 * painting it was a 50-430 ms main-thread task; the place of the error is what the user needs to see.
 */
export const ERROR_CONTEXT_CHARS = 120;

function ErrorInPlace({ id, text, error }: { id: string; text: string; error: QueryError }) {
  const at = Math.min(Math.max(0, error.position), text.length);
  const from = Math.max(0, at - ERROR_CONTEXT_CHARS), to = Math.min(text.length, at + 1 + ERROR_CONTEXT_CHARS);
  const cut = from > 0 || to < text.length;
  return (
    <div id={id} className="query-bar__error" role="alert">
      <p>
        The query could not be read: {error.message}. Fix it at the marked place and press Enter.
        {cut && ` (Shown: characters ${(from + 1).toLocaleString('en-US')}–${to.toLocaleString('en-US')} of ${text.length.toLocaleString('en-US')}.)`}
      </p>
      <code className="query-bar__mark" aria-hidden="true">
        {from > 0 && '…'}{text.slice(from, at)}<mark>{text.slice(at, at + 1) || ' '}</mark>{text.slice(at + 1, to)}{to < text.length && '…'}
      </code>
    </div>
  );
}
