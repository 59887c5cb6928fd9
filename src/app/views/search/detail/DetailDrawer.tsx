// The open event: its fields grouped by role, each value with its pivot menu, the raw record (EVTX XML
// indented), and the events around it. Everything from the log is rendered as text.
import { useEffect, useMemo, useRef } from 'react';
import type { EventRow } from '../../../../workers/api.ts';
import type { EngineClient, IdleTracker } from '../../../../workers/client.ts';
import { PivotMenu, type PivotActions } from '../../../components/PivotMenu.tsx';
import { formatInZone } from '../../../time.ts';
import { entityKindOf, groupFields } from './fieldGroups.ts';
import { rawForDrawer } from './prettyXml.ts';
import { LongText } from './LongText.tsx';
import { Surrounding } from './Surrounding.tsx';

export function DetailDrawer({ engine, tracker, event, timeZone, actions, onOpenRow, onClose }: {
  engine: EngineClient; tracker: IdleTracker; event: EventRow; timeZone: string; actions: PivotActions;
  onOpenRow(row: number): void; onClose(): void;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [event.row]);
  const f = event.fields;
  const raw = typeof f.raw === 'string' ? f.raw : undefined;
  const shownRaw = useMemo(() => (raw === undefined ? undefined : rawForDrawer(raw)), [raw]);
  return (
    <aside className="drawer" aria-label="Event detail" onKeyDown={(e) => { if (e.key === 'Escape') { e.stopPropagation(); onClose(); } }}>
      <header className="drawer__head">
        <h2 ref={heading} tabIndex={-1}>{formatInZone(f.ts, timeZone) || 'Event without a time'}</h2>
        <button type="button" className="button" onClick={onClose} aria-label="Close event detail">Close</button>
      </header>
      {typeof f.message === 'string' && <p className="drawer__message"><LongText text={f.message} what="message" /></p>}
      {groupFields(f).map((g) => (
        <section key={g.title} className="drawer__group" aria-label={g.title}>
          <h3>{g.title}</h3>
          <dl>
            {g.fields.map(([name, value]) => (
              <div key={name} className="drawer__field">
                <dt>{name}</dt>
                <dd>
                  <PivotMenu
                    field={name} value={String(value)} kind={entityKindOf(name)} actions={actions}
                    label={name === 'ts' ? formatInZone(value, timeZone) : undefined}
                  />
                </dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
      {shownRaw !== undefined && (
        <section className="drawer__group" aria-label="Raw record">
          <h3>Raw record{shownRaw.indented ? ' (XML, indented)' : shownRaw.xml ? ' (XML, too large to indent)' : ''}</h3>
          <pre className="drawer__raw"><LongText text={shownRaw.text} what="record" /></pre>
        </section>
      )}
      <Surrounding engine={engine} tracker={tracker} row={event.row} timeZone={timeZone} onOpenRow={onOpenRow} />
    </aside>
  );
}
