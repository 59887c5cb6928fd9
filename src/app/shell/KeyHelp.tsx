// The keyboard help: `?` anywhere outside a text field (or the Keys button) opens a modal listing every
// key the workbench answers to; Escape or Close closes it.
import { useEffect } from 'react';
import { useModal } from '../components/useModal.ts';

const KEYS: { group: string; keys: [string, string][] }[] = [
  { group: 'Anywhere', keys: [['?', 'this help'], ['/', 'focus the search box'], ['Esc', 'close the open event or dialog']] },
  {
    group: 'Event table (click it or Tab to it)',
    keys: [['j or ↓', 'next event'], ['k or ↑', 'previous event'], ['Page Down / Page Up', 'a screen down / up'], ['Home / End', 'first / last event'], ['Enter', 'open the current event']],
  },
  {
    group: 'Search box',
    keys: [['Enter', 'run the search'], ['↑ / ↓', 'earlier searches (history), or move through suggestions'], ['Tab or Enter', 'take the highlighted suggestion'], ['Esc', 'hide the suggestions']],
  },
  { group: 'Timeline', keys: [['drag across bars', 'narrow the time range (Reset time range widens it)']] },
];

function typingIn(t: EventTarget | null): boolean {
  const el = t as HTMLElement | null;
  return el !== null && (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT' || el.isContentEditable);
}

export function KeyHelp() {
  const { ref, setShown } = useModal();
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === '?' && !e.ctrlKey && !e.metaKey && !e.altKey && !typingIn(e.target)) {
        e.preventDefault();
        setShown(true);
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [setShown]);
  return (
    <>
      <button type="button" className="button" aria-keyshortcuts="?" onClick={() => setShown(true)}>Keys</button>
      <dialog ref={ref} className="key-help" aria-labelledby="key-help-title" onClose={() => setShown(false)}>
        <div className="key-help__head">
          <h2 id="key-help-title">Keyboard shortcuts</h2>
          <button type="button" className="button" onClick={() => setShown(false)}>Close</button>
        </div>
        {KEYS.map((g) => (
          <section key={g.group} aria-label={g.group}>
            <h3>{g.group}</h3>
            <dl>
              {g.keys.map(([k, what]) => <div key={k}><dt><kbd>{k}</kbd></dt><dd>{what}</dd></div>)}
            </dl>
          </section>
        ))}
      </dialog>
    </>
  );
}
