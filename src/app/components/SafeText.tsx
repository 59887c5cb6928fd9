// The value renderer that marks invisible characters: a log value, file name or path shown as text, with
// every bidi control, zero-width character and C0/C1 control replaced by a highlighted ⟨U+202E⟩ that
// names it (title). "ad\u202Emin" would otherwise display as "adnim", "ro\u200Bot" as "root", and a member
// "\u202Egol.exe" as "exe.log". Self-contained: any view can use it (search, details, ledger).
// Example: <SafeText text={String(event.fields['target.usr.name'])} />
import { codePointLabel, describeCodePoint, hasInvisible, splitInvisible } from '../../core/text/invisible.ts';

const COUNT = new Intl.NumberFormat('en-US');

/**
 * Text with invisible characters marked; plain text (no extra elements) when there are none. `max` cuts a
 * long value (a 50,000-character line laid out in a table cell blocks the page) and says how much is hidden.
 */
export function SafeText({ text, max }: { text: string; max?: number }) {
  const cut = max !== undefined && text.length > max;
  const shown = cut ? text.slice(0, max) : text;
  const more = cut ? <span className="safe-text__more"> … {COUNT.format(text.length - max)} more characters</span> : null;
  if (!hasInvisible(shown)) return <>{shown}{more}</>;
  return (
    <>
      {splitInvisible(shown).map((p, i) => (p.invisible
        ? <mark key={i} className="invisible-char" title={`${describeCodePoint(p.codePoint)}: search it as \\u{${p.codePoint.toString(16).toUpperCase()}}`}>⟨{codePointLabel(p.codePoint)}⟩</mark>
        : <span key={i}>{p.text}</span>))}
      {more}
    </>
  );
}

/** For attributes that cannot hold elements (title, aria-label): the same marks as plain characters. */
export function safeLabel(text: string): string {
  if (!hasInvisible(text)) return text;
  return splitInvisible(text).map((p) => (p.invisible ? `⟨${codePointLabel(p.codePoint)}⟩` : p.text)).join('');
}
