// One case in the cases panel: its counts, and Open / Rename / Export case / Delete (delete asks once more).
import { useState } from 'react';
import type { CaseInfo } from '../../../workers/api.ts';
import type { CasesState } from '../../state/useCases.ts';
import type { CaseHandover } from '../../state/useCaseHandover.ts';
import { formatBytes, formatCount } from '../../format.ts';

type Mode = 'view' | 'rename' | 'confirm-delete';

export function CaseRow({ info, isOpen, state, handover }: { info: CaseInfo; isOpen: boolean; state: CasesState; handover: CaseHandover }) {
  const [mode, setMode] = useState<Mode>('view');
  const [name, setName] = useState(info.name);
  return (
    <tr className={isOpen ? 'case-row case-row--open' : 'case-row'}>
      <td>
        {mode === 'rename' ? (
          <form
            className="case-row__rename"
            onSubmit={(e) => { e.preventDefault(); void state.rename(info.id, name).then(() => setMode('view')); }}
          >
            <input type="text" aria-label={`New name for ${info.name}`} value={name} onChange={(e) => setName(e.currentTarget.value)} autoFocus />
            <button type="submit" className="button">Save name</button>
            <button type="button" className="button" onClick={() => { setName(info.name); setMode('view'); }}>Cancel</button>
          </form>
        ) : (
          <>{info.name}{isOpen && <span className="case-row__badge"> (open)</span>}</>
        )}
      </td>
      <td className="num">{formatCount(info.events)}</td>
      <td className="num">{formatCount(info.files)}</td>
      <td className="num">{info.storedBytes === undefined ? '—' : formatBytes(info.storedBytes)}</td>
      <td>
        <div className="case-row__actions">
        {mode === 'confirm-delete' ? (
          <span role="group" aria-label={`Confirm deleting ${info.name}`}>
            Delete {formatCount(info.events)} events for good?{' '}
            <button type="button" className="button button--danger" onClick={() => void state.remove(info.id)}>Yes, delete {info.name}</button>
            <button type="button" className="button" onClick={() => setMode('view')}>Keep it</button>
          </span>
        ) : (
          <>
            <button type="button" className="button" aria-label={`Open ${info.name}`} disabled={isOpen} onClick={() => void state.open(info.id)}>Open</button>
            <button type="button" className="button" aria-label={`Rename ${info.name}`} onClick={() => { setName(info.name); setMode('rename'); }}>Rename</button>
            <button
              type="button" className="button" aria-label={`Export case ${info.name}`} disabled={handover.state.kind === 'running'}
              onClick={() => void handover.exportCase(info.id, info.name)}
            >Export case</button>
            <button type="button" className="button" aria-label={`Delete ${info.name}`} onClick={() => setMode('confirm-delete')}>Delete</button>
          </>
        )}
        </div>
      </td>
    </tr>
  );
}
