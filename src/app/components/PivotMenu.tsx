// Every value is a door: a value shown as text with a menu to filter on it, exclude it, open its entity
// page and copy it. Log text stays text (never HTML, links are not followed).
import { useEffect, useId, useRef, useState } from 'react';
import type { EntityKind } from '../state/route.ts';
import { SafeText, safeLabel } from './SafeText.tsx';

export interface PivotActions {
  filter(field: string, value: string, exclude: boolean): void;
  entity(kind: EntityKind, value: string): void;
}

/**
 * A value's button shows at most this many characters (its accessible name fewer): a data.* field can hold
 * a megabyte, and the event detail lays out every field's button when it opens. Filter and copy use it whole.
 */
const SHOWN = 2_000;
const NAMED = 200;
const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n)}…` : s);

export function PivotMenu({ field, value, kind, actions, label }: {
  field: string; value: string; kind?: EntityKind; actions: PivotActions; label?: string;
}) {
  const [open, setOpen] = useState(false);
  const [copied, setCopied] = useState(false);
  const menuId = useId();
  const box = useRef<HTMLSpanElement>(null);

  useEffect(() => {
    if (!open) return;
    const away = (e: PointerEvent) => { if (!box.current?.contains(e.target as Node)) setOpen(false); };
    document.addEventListener('pointerdown', away);
    box.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
    return () => document.removeEventListener('pointerdown', away);
  }, [open]);

  const act = (f: () => void) => () => { setOpen(false); f(); };
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setCopied(true);
      setTimeout(() => setCopied(false), 1500);
    } catch {
      // clipboard refused (permissions): the value stays selectable in the drawer
    }
  };
  const onKeyDown = (e: React.KeyboardEvent) => {
    if (e.key === 'Escape' && open) {
      e.stopPropagation();
      setOpen(false);
      box.current?.querySelector<HTMLElement>('button')?.focus();
    }
    if (open && (e.key === 'ArrowDown' || e.key === 'ArrowUp')) {
      e.preventDefault();
      const items = [...(box.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
      const i = items.indexOf(document.activeElement as HTMLElement);
      items[(i + (e.key === 'ArrowDown' ? 1 : items.length - 1)) % items.length]?.focus();
    }
  };

  return (
    <span className="pivot" ref={box} onKeyDown={onKeyDown}>
      <button
        type="button" className="pivot__value" aria-haspopup="menu" aria-expanded={open} aria-controls={open ? menuId : undefined}
        aria-label={`${safeLabel(clip(label ?? value, NAMED))} — actions for ${field}`} onClick={() => setOpen(!open)}
      >
        <SafeText text={label ?? value} max={SHOWN} />
      </button>
      {copied && <span className="pivot__copied" role="note">copied</span>}
      {open && (
        <span className="pivot__menu" role="menu" id={menuId} aria-label={`Actions for ${field}`}>
          <button type="button" role="menuitem" onClick={act(() => actions.filter(field, value, false))}>Filter on this value</button>
          <button type="button" role="menuitem" onClick={act(() => actions.filter(field, value, true))}>Exclude this value</button>
          {kind !== undefined && (
            <button type="button" role="menuitem" onClick={act(() => actions.entity(kind, value))}>Open {kind} page</button>
          )}
          <button type="button" role="menuitem" onClick={act(() => void copy())}>Copy value</button>
        </span>
      )}
    </span>
  );
}
