// The opt-in for one batch: exactly which public addresses go to which service, through which endpoint,
// how many, and what is never sent. Nothing leaves before "Send".
import { useEffect } from 'react';
import type { TiPlan } from '../../../workers/api.ts';
import { useModal } from '../../components/useModal.ts';
import { formatCount } from '../../format.ts';

export function OptInDialog({ plan, onSend, onClose }: { plan?: TiPlan; onSend(): void; onClose(): void }) {
  const { ref, setShown } = useModal();
  useEffect(() => setShown(plan !== undefined), [plan, setShown]);
  const n = plan?.ips.length ?? 0;
  return (
    <dialog ref={ref} className="cases-panel" aria-labelledby="ti-optin-title" onClose={onClose}>
      {plan !== undefined && (
        <>
          <h2 id="ti-optin-title">Send {formatCount(n)} {n === 1 ? 'address' : 'addresses'} to {plan.providerTitle}?</h2>
          <p>
            What is sent for each address: {plan.sends}
            {plan.via === 'relay' ? `, through the local relay at ${plan.endpoint}` : `, directly to ${plan.endpoint}`}. One request per address;
            each is written to this case's audit list.
          </p>
          <p>
            Of {formatCount(plan.distinct)} distinct addresses in this case: {formatCount(plan.special)} private or special (never sent),{' '}
            {formatCount(plan.cached)} already answered (cached), {formatCount(plan.later)} left for a later batch. Quota left today: {formatCount(plan.quotaLeft)}.
          </p>
          {n === 0
            ? <p>Nothing to send.</p>
            : (
              <ol className="ti-optin__ips" aria-label="Addresses to send">
                {plan.ips.map((ip) => <li key={ip}><code>{ip}</code></li>)}
              </ol>
            )}
          <div className="cases-panel__head">
            <button type="button" className="button button--primary" disabled={n === 0} onClick={onSend}>
              Send {formatCount(n)} {n === 1 ? 'address' : 'addresses'}
            </button>
            <button type="button" className="button" onClick={onClose}>Don&apos;t send</button>
          </div>
        </>
      )}
    </dialog>
  );
}
