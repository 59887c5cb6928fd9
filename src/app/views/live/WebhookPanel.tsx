// Webhook posts of live alerts (opt-in). The URL goes to the engine and is never shown back (its path is often
// the secret): the panel shows the origin posts go to. Switching on starts a poster allowed that one origin;
// switching off terminates it. Where a target refuses requests from a web page (Slack), the panel says so and
// gives the CLI command that posts from the machine.
import { useState } from 'react';
import type { Severity, WebhookFormat, WebhookSettings, WebhookStatus } from '../../../workers/api.ts';
import { SafeText } from '../../components/SafeText.tsx';

const SEVERITIES: Severity[] = ['critical', 'high', 'medium', 'low', 'informational'];

export interface WebhookControls {
  status?: WebhookStatus;
  on(s: WebhookSettings): Promise<void>;
  off(): Promise<void>;
  forget(): Promise<void>;
}

export function WebhookPanel({ webhook, readOnly }: { webhook: WebhookControls; readOnly: boolean }) {
  const s = webhook.status;
  const [url, setUrl] = useState('');
  const [format, setFormat] = useState<WebhookFormat>();
  const [minSeverity, setMinSeverity] = useState<Severity>();
  const [remember, setRemember] = useState<boolean>();
  if (s === undefined) return null;
  const chosen = { format: format ?? s.format, minSeverity: minSeverity ?? s.minSeverity, remember: remember ?? s.remembered };

  const switchOn = async () => {
    await webhook.on({ ...chosen, url: url.trim() === '' ? undefined : url });
    setUrl(''); // the URL now lives in the engine only
  };

  return (
    <fieldset className="live-panel__webhook" aria-label="Webhook">
      <legend>Post alerts to a webhook</legend>
      {!s.available ? <p className="muted"><SafeText text={s.problem ?? ''} /></p> : (
        <>
          <div className="live-panel__actions">
            <label>Webhook URL{' '}
              <input
                type="url" value={url} autoComplete="off" spellCheck={false} disabled={readOnly || s.on}
                placeholder={s.hasUrl ? `kept (${s.origin ?? ''})` : 'https://…'} onChange={(e) => setUrl(e.currentTarget.value)}
              />
            </label>
            <label>Body{' '}
              <select aria-label="Webhook body format" value={chosen.format} disabled={s.on} onChange={(e) => setFormat(e.currentTarget.value as WebhookFormat)}>
                <option value="json">generic JSON</option>
                <option value="slack">Slack-compatible</option>
              </select>
            </label>
            <label>Post alerts{' '}
              <select aria-label="Post alerts at or above" value={chosen.minSeverity} disabled={s.on} onChange={(e) => setMinSeverity(e.currentTarget.value as Severity)}>
                {SEVERITIES.map((v) => <option key={v} value={v}>{v} and above</option>)}
              </select>
            </label>
            <label>
              <input type="checkbox" checked={chosen.remember} disabled={s.on} onChange={(e) => setRemember(e.currentTarget.checked)} />{' '}
              Remember the URL on this device
            </label>
          </div>
          <div className="live-panel__actions">
            {s.on
              ? <button type="button" className="button" onClick={() => void webhook.off()}>Switch webhook off</button>
              : <button type="button" className="button" disabled={readOnly || (url.trim() === '' && !s.hasUrl)} onClick={() => void switchOn()}>Switch webhook on</button>}
            {s.hasUrl && <button type="button" className="button button--small" onClick={() => void webhook.forget()}>Forget the URL</button>}
          </div>
          <p className="live-panel__state">
            {s.on
              ? <>Posting alerts at or above {s.minSeverity} to <SafeText text={s.origin ?? ''} /> (at most one per rule per minute; each post is in the audit list): {s.posted} posted, {s.failed} failed. </>
              : <>Webhook off: nothing is sent. </>}
            {s.last !== undefined && <SafeText text={s.last} />}
          </p>
          {s.problem !== undefined && <p className="error-banner" role="alert"><SafeText text={s.problem} /></p>}
        </>
      )}
    </fieldset>
  );
}
