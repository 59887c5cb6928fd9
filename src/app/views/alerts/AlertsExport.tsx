// Export of the alerts the view lists (its filter): JSON or CSV with status, note, remediation and evidence, or
// tickets (one per alert, Markdown or JSON, with the owner typed here);
// times in the display zone. The CSV's formula neutralisation is always on here.
import { useState } from 'react';
import type { AlertExportFormat, AlertFilter } from '../../../workers/api.ts';
import type { EngineClient, IdleTracker } from '../../../workers/client.ts';
import { saveBlob } from '../../hooks/saveBlob.ts';

export function AlertsExport({ engine, tracker, filter, timeZone }: { engine: EngineClient; tracker: IdleTracker; filter: AlertFilter; timeZone: string }) {
  const [error, setError] = useState<string>();
  const [owner, setOwner] = useState('');
  const save = (format: AlertExportFormat) => void tracker.track((async () => {
    try {
      const r = await engine.exportAlerts(format, filter, { timeZone, owner });
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
      <button type="button" className="button" onClick={() => save('csv')}>Export alerts CSV</button>{' '}
      <label>Ticket owner{' '}<input type="text" value={owner} placeholder="unassigned" size={12} onChange={(e) => setOwner(e.currentTarget.value)} /></label>{' '}
      <button type="button" className="button" onClick={() => save('tickets-md')}>Tickets Markdown</button>{' '}
      <button type="button" className="button" onClick={() => save('tickets-json')}>Tickets JSON</button>
      {error !== undefined && <span className="error-banner" role="alert">{error}</span>}
    </span>
  );
}
