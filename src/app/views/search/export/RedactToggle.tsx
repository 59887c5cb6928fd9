// Redaction for training and sharing: one switch in the search toolbar. While on, the engine shows pseudonyms
// (10.x.x.x, user-n, host-n, …) in every page, detail and facet, and writes them in every export; the stored case
// is unchanged. The mapping table (what each pseudonym stands for) is saved separately, for the analyst only.
import { useEffect, useState } from 'react';
import type { RedactionSettings, RedactionState } from '../../../../workers/api.ts';
import type { EngineClient, IdleTracker } from '../../../../workers/client.ts';
import { saveBlob } from '../../../hooks/saveBlob.ts';
import { RedactSettings } from './RedactSettings.tsx';

export interface RedactToggleProps {
  engine: EngineClient;
  tracker: IdleTracker;
  /** the views ask again (pages, details, facets) after a switch */
  onChanged(): void;
  /** the case's field names, offered for per-field rules */
  fields?: readonly string[];
  /** changes when the case or its data changes: the state is read again (each case keeps its own) */
  version?: number;
}

export function RedactToggle({ engine, tracker, onChanged, fields = [], version }: RedactToggleProps) {
  const [state, setState] = useState<RedactionState | undefined>(undefined);
  const [message, setMessage] = useState<string | undefined>(undefined);
  useEffect(() => {
    void tracker.track(engine.redaction().then(setState));
  }, [engine, tracker, version]);

  const flip = (on: boolean) => {
    setState((s) => (s === undefined ? s : { ...s, on })); // the box follows the click; the engine's answer confirms it
    void tracker.track((async () => {
      setState(await engine.setRedaction({ on }));
      onChanged();
    })());
  };
  const configure = (settings: Omit<RedactionSettings, 'on'>) => {
    setState((s) => (s === undefined ? s : { ...s, ...settings })); // the boxes follow the click, as for the switch
    void tracker.track((async () => {
      setState(await engine.setRedaction({ on: state?.on === true, ...settings }));
      onChanged();
    })());
  };
  const saveMapping = () => {
    void tracker.track((async () => {
      const r = await engine.redactionMapping();
      if (!r.ok) return setMessage(r.message);
      saveBlob(r.blob, r.fileName);
      setMessage(`Saved ${r.fileName}: ${r.rows.toLocaleString('en-US')} pseudonyms. Keep it to yourself: it undoes the redaction.`);
    })());
  };
  return (
    <span className="redact-toggle">
      <label title="Pseudonymise IP, user, host, e-mail and MAC values in the view and in every export; the case is not changed">
        <input type="checkbox" checked={state?.on === true} disabled={state === undefined} onChange={(e) => flip(e.currentTarget.checked)} />
        {' '}Redact
      </label>
      {state?.on === true && <button type="button" className="button" onClick={saveMapping}>Mapping table</button>}
      {state?.on === true && <RedactSettings state={state} fields={fields} onChange={configure} />}
      {message !== undefined && <span className="muted" aria-live="polite">{message}</span>}
    </span>
  );
}
