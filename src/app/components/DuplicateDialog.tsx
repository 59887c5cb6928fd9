// Asked during an ingest when a file is already in the case (same SHA-256, or same path and size before it is
// read) or when an interrupted archive is opened again: skip (resume), replace, or keep both. The answer holds
// for the rest of that ingest. Paths are log-derived text: rendered as text only.
import { useEffect, useRef } from 'react';
import type { DuplicateAnswer, DuplicateQuestion } from '../../workers/api.ts';
import { formatCount } from '../format.ts';

function explain(q: DuplicateQuestion): string {
  if (q.by === 'interrupted') {
    return `Reading ${q.path} was interrupted earlier: ${formatCount(q.complete ?? 0)} of its files are stored whole (${formatCount(q.existingEvents)} events). `
      + 'Resume reads only what is missing; Replace removes what was stored and reads it all again; Keep both reads it all beside what is stored.';
  }
  const how = q.by === 'hash' ? 'has the same content (SHA-256) as' : 'has the same path and size as';
  return `${q.path} ${how} ${q.existingPath}, already in this case (${formatCount(q.existingEvents)} events). `
    + 'Skip leaves the new copy out; Replace removes the stored one; Keep both stores it twice.';
}

export function DuplicateDialog({ question, onAnswer }: { question?: DuplicateQuestion; onAnswer: (a: DuplicateAnswer) => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = dialog.current;
    if (d === null) return;
    if (question !== undefined && !d.open) d.showModal();
    else if (question === undefined && d.open) d.close();
  }, [question]);
  const title = question?.by === 'interrupted' ? 'Resume this archive?' : 'This file is already in the case';
  return (
    <dialog
      ref={dialog} className="duplicate-dialog" aria-labelledby="duplicate-title"
      // Escape: the choice that stores nothing twice
      onCancel={(e) => { e.preventDefault(); onAnswer('skip'); }}
    >
      {question !== undefined && (
        <>
          <h2 id="duplicate-title">{title}</h2>
          <p>{explain(question)}</p>
          <p className="duplicate-dialog__note">Your answer applies to every file of this drop that is already in the case.</p>
          <div className="duplicate-dialog__actions">
            <button type="button" className="button button--primary" onClick={() => onAnswer('skip')}>{question.by === 'interrupted' ? 'Resume' : 'Skip'}</button>
            <button type="button" className="button" onClick={() => onAnswer('replace')}>Replace</button>
            <button type="button" className="button" onClick={() => onAnswer('keep')}>Keep both</button>
          </div>
        </>
      )}
    </dialog>
  );
}
