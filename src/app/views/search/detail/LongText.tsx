// A log value that may be huge (a 5 MB line, a pasted dump inside a JSON field), shown in the event detail:
// the first SHOWN characters, then "Show more" adds the next MORE. Laying out and painting a megabyte of
// wrapped text is a main-thread task of seconds; the reader needs the start, and asks for the rest.
import { useState } from 'react';
import { SafeText } from '../../../components/SafeText.tsx';

export const SHOWN = 20_000;
export const MORE = 100_000;
const COUNT = new Intl.NumberFormat('en-US');

export function LongText({ text, what }: { text: string; what: string }) {
  const [limit, setLimit] = useState(SHOWN);
  // a new value (another event opened in the same drawer) starts short again
  const [of, setOf] = useState(text);
  if (of !== text) {
    setOf(text);
    setLimit(SHOWN);
  }
  const hidden = text.length - limit;
  return (
    <>
      <SafeText text={text} max={limit} />
      {hidden > 0 && (
        <>
          {' '}
          <button type="button" className="button drawer__more" onClick={() => setLimit(limit + MORE)}>
            Show {COUNT.format(Math.min(MORE, hidden))} more characters of the {what}
          </button>
        </>
      )}
    </>
  );
}
