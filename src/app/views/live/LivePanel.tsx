// "Follow a folder" / "Follow files": the user grants handles through the File System Access API; the engine
// polls them. After a reload the handles come back with the case and one click grants them again. Where the
// API is missing (Firefox, Safari) the buttons are absent and the panel says why. Browser notifications for
// alerts are opt-in here (a severity threshold; the engine sends at most one per rule per minute).
import { useState } from 'react';
import type { FollowSource, Severity } from '../../../workers/api.ts';
import { SafeText, safeLabel } from '../../components/SafeText.tsx';
import { formatCount } from '../../format.ts';
import type { Live } from './useLive.ts';
import { pickers, type Pickers } from './pickers.ts';
import { WebhookPanel } from './WebhookPanel.tsx';
import './live.css';

const SEVERITY_CHOICES: Severity[] = ['critical', 'high', 'medium', 'low', 'informational'];

export function LivePanel({ live, readOnly }: { live: Live; readOnly: boolean }) {
  // looked up again on click: a test's stand-in may be set after the first render
  const available = pickers() !== undefined;
  const s = live.status;
  const [seconds, setSeconds] = useState<string>();
  const [notice, setNotice] = useState<string>();
  const shown = seconds ?? String((s?.intervalMs ?? 2000) / 1000);

  const choose = async (what: 'folder' | 'files') => {
    const pick: Pickers | undefined = pickers();
    if (pick === undefined) return;
    try {
      const sources: Omit<FollowSource, 'id'>[] = what === 'folder'
        ? [await pick.directory()].map((h) => ({ kind: 'folder' as const, name: h.name, handle: h }))
        : (await pick.files()).map((h) => ({ kind: 'file' as const, name: h.name, handle: h }));
      await live.add(sources);
    } catch (e) {
      // the user closed the picker: nothing to say
      if (!(e instanceof DOMException && e.name === 'AbortError')) setNotice(`Could not follow: ${e instanceof Error ? e.message : String(e)}`);
    }
  };

  /** One click: ask the browser again for every kept handle (a user gesture is required), then resume. */
  const regrant = async () => {
    for (const src of s?.sources ?? []) {
      const ask = (src.handle as { requestPermission?: (d: { mode: 'read' }) => Promise<PermissionState> }).requestPermission;
      const answer = ask === undefined ? 'granted' : await ask.call(src.handle, { mode: 'read' });
      if (answer !== 'granted') {
        setNotice(`Access to ${src.name} was not granted: following stays paused.`);
        return;
      }
    }
    setNotice(undefined);
    await live.start();
  };

  const setNotify = async (value: string) => {
    if (value === '') return live.settings({ notifyAt: undefined });
    if (typeof Notification === 'undefined') {
      setNotice('This browser has no notifications.');
      return;
    }
    const answer = Notification.permission === 'granted' ? 'granted' : await Notification.requestPermission();
    if (answer !== 'granted') {
      setNotice('Notifications were not allowed: the browser asks only once; allow them in the site settings.');
      return;
    }
    setNotice(undefined);
    await live.settings({ notifyAt: value as Severity });
  };

  const following = s?.files.filter((f) => f.state === 'following').length ?? 0;
  return (
    <section className="live-panel" aria-label="Live follow">
      <h2>Live</h2>
      {!available ? (
        <p className="muted">
          Following growing logs needs the File System Access API (showDirectoryPicker), which this browser does not
          have (it is in Chrome and Edge, not in Firefox or Safari), so the Follow buttons are not shown. Drop the files
          again to read what was added, or run <code>npm run logdrop -- follow PATH</code> on the machine.
        </p>
      ) : (
        <div className="live-panel__actions">
          <button type="button" className="button" disabled={readOnly} onClick={() => void choose('folder')}>Follow a folder</button>
          <button type="button" className="button" disabled={readOnly} onClick={() => void choose('files')}>Follow files</button>
        </div>
      )}
      {s !== undefined && s.sources.length > 0 && (
        <>
          {available && (
            <div className="live-panel__actions">
              <label>Poll every{' '}
                <input
                  type="number" min={0.25} max={60} step={0.25} value={shown} aria-label="Poll interval in seconds" className="live-panel__interval"
                  onChange={(e) => setSeconds(e.currentTarget.value)}
                  onBlur={() => {
                    const v = Number(shown);
                    if (Number.isFinite(v) && v > 0) void live.settings({ intervalMs: v * 1000 });
                    setSeconds(undefined);
                  }}
                />{' '}s
              </label>
              <label>Notify me of alerts{' '}
                <select aria-label="Notify me of alerts at or above" value={s?.notifyAt ?? ''} onChange={(e) => void setNotify(e.currentTarget.value)}>
                  <option value="">off</option>
                  {SEVERITY_CHOICES.map((v) => <option key={v} value={v}>{v} and above</option>)}
                </select>
              </label>
            </div>
          )}
          <p className="live-panel__state">
            {s.needsPermission ? (
              <>Following is paused until you grant access again (the browser forgets it on reload). </>
            ) : s.active ? (
              <>Following {formatCount(following)} file{following === 1 ? '' : 's'} every {s.intervalMs / 1000} s{live.lastPoll !== undefined ? `; last change ${new Date(live.lastPoll).toLocaleTimeString()}` : ''}. </>
            ) : <>Following is stopped; the offsets are kept. </>}
            {s.problem !== undefined && <strong><SafeText text={s.problem} /></strong>}
          </p>
          <div className="live-panel__actions">
            {s.needsPermission
              ? <button type="button" className="button button--primary" disabled={readOnly} onClick={() => void regrant()}>Grant access and resume following</button>
              : s.active
                ? <button type="button" className="button" onClick={() => void live.stop()}>Stop following</button>
                : <button type="button" className="button" disabled={readOnly} onClick={() => void live.start()}>Resume following</button>}
          </div>
          <ul className="live-panel__sources">
            {s.sources.map((src) => (
              <li key={src.id}>
                {src.kind === 'folder' ? 'Folder' : 'File'} <SafeText text={src.name} />{' '}
                <button type="button" className="button button--small" aria-label={`Stop following ${safeLabel(src.name)}`} onClick={() => void live.remove(src.id)}>Remove</button>
              </li>
            ))}
          </ul>
          {s.files.length > 0 && (
            <ul className="live-panel__files" aria-label="Followed files">
              {s.files.map((f) => (
                <li key={`${f.fileId}-${f.path}`}>
                  <SafeText text={f.path} />: {formatCount(f.lines)} lines, {f.state}{f.partialBytes > 0 ? `; ${f.partialBytes} bytes of a line wait for its end` : ''}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
      <WebhookPanel webhook={live.webhook} readOnly={readOnly} />
      {live.log.length > 0 && (
        <ul className="live-panel__log" aria-label="What happened while following">
          {live.log.map((l, i) => <li key={`${l.at}-${i}`}><SafeText text={l.text} /></li>)}
        </ul>
      )}
      {(notice ?? live.error) !== undefined && <p className="error-banner" role="alert">{notice ?? live.error}</p>}
    </section>
  );
}
