// Export of the alerts the view lists (its filter): JSON or CSV with status, note, remediation and evidence;
// times in the display zone. The CSV's formula neutralisation is always on here.
import { useState } from 'react';
import type { AlertFilter } from '../../../workers/api.ts';
import type { EngineClient, IdleTracker } from '../../../workers/client.ts';
import { saveBlob } from '../../hooks/saveBlob.ts';

export function AlertsExport({ engine, tracker, filter, timeZone }: { engine: EngineClient; tracker: IdleTracker; filter: AlertFilter; timeZone: string }) {
  const [error, setError] = useState<string>();
  const save = (format: 'json' | 'csv') => void tracker.track((async () => {
    try {
      const r = await engine.exportAlerts(format, filter, { timeZone });
      if (!r.ok) setError(r.message);
      else {
        setError(undefined);
        saveBlob(r.blob, r.fileName);
      }
    } catch (e) {
      setError(`The export failed: ${e instanceof Error ? e.message : String(e)}`);
    }
  })());
  return (
    <span className="alerts-export">
      <button type="button" className="button" onClick={() => save('json')}>Export alerts JSON</button>{' '}
      <button type="button" className="button" onClick={() => save('csv')}>Export alerts CSV</button>
      {error !== undefined && <span className="error-banner" role="alert">{error}</span>}
    </span>
  );
}
