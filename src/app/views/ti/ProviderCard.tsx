// One online provider in the threat-intelligence panel: its key (held in memory, or remembered on this
// device when ticked; never shown again), the route (local relay or direct), and the button that plans a
// lookup. Planning sends nothing: the opt-in dialog shows what would be sent.
import { useState } from 'react';
import type { TiProviderInfo, TiVia } from '../../../workers/api.ts';
import { formatCount } from '../../format.ts';

export function ProviderCard({ p, relayOrigin, busy, running, onKey, onForget, onPlan }: {
  p: TiProviderInfo; relayOrigin: string; busy: boolean; running: boolean;
  onKey(key: string, remember: boolean): void; onForget(): void; onPlan(via: TiVia, limit: number): void;
}) {
  const [key, setKey] = useState('');
  const [remember, setRemember] = useState(false);
  const [via, setVia] = useState<TiVia>('relay');
  const [limit, setLimit] = useState(50);
  const keyState = !p.hasKey ? 'No key entered.' : p.remembered ? 'Key remembered on this device.' : 'Key held in memory until this tab closes.';
  return (
    <section className="ti-provider" aria-label={p.title}>
      <h4 className="geoip__h">{p.title}</h4>
      <p>{p.description} Free tier: {p.limits.perMinute} a minute, {formatCount(p.limits.perDay)} a day. Used today: {formatCount(p.usedToday)}; left: {formatCount(p.quotaLeft)}. Cached answers: {formatCount(p.cached)}.</p>
      <p>
        <a href={p.website} target="_blank" rel="noreferrer noopener">Get a key</a> · <a href={p.terms} target="_blank" rel="noreferrer noopener">Terms</a>
      </p>
      <form
        className="ti-provider__key"
        onSubmit={(e) => {
          e.preventDefault();
          onKey(key, remember);
          setKey('');
        }}
      >
        <label>
          {p.title} API key{' '}
          <input type="password" autoComplete="off" spellCheck={false} value={key} onChange={(e) => setKey(e.currentTarget.value)} aria-label={`${p.title} API key`} />
        </label>
        <label><input type="checkbox" checked={remember} onChange={(e) => setRemember(e.currentTarget.checked)} /> Remember on this device</label>
        <button type="submit" className="button" disabled={busy || key.trim() === ''}>Use key</button>
        <button type="button" className="button" disabled={busy || !p.hasKey} onClick={onForget} aria-label={`Forget ${p.title} key`}>Forget key</button>
        <span>{keyState}</span>
      </form>
      <fieldset className="geoip__scope">
        <legend>Send through</legend>
        <label>
          <input type="radio" name={`via-${p.id}`} checked={via === 'relay'} onChange={() => setVia('relay')} /> the local relay ({relayOrigin}; start it with <code>npm run --silent logdrop -- relay</code>)
        </label>
        <label><input type="radio" name={`via-${p.id}`} checked={via === 'direct'} onChange={() => setVia('direct')} /> directly from the browser (the provider may refuse: CORS)</label>
      </fieldset>
      <label>
        Addresses per batch{' '}
        <input type="number" min={1} max={10_000} value={limit} onChange={(e) => setLimit(Math.max(1, Number(e.currentTarget.value) || 1))} />
      </label>{' '}
      <button type="button" className="button button--primary" disabled={busy || running || !p.hasKey} onClick={() => onPlan(via, limit)}>
        Look up with {p.title}…
      </button>
    </section>
  );
}
