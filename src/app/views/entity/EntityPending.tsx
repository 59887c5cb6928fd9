// Entity pages are not in this build yet (they arrive with their own branch, same props). Until then
// the entity's events are one click away in the search view.
import type { EngineClient, IdleTracker } from '../../../workers/client.ts';
import type { EntityKind, ViewProps } from '../../state/route.ts';
import { PendingView } from '../PendingView.tsx';
import { clauseFor } from '../../query/clauses.ts';

const FIELD: Record<EntityKind, string> = { ip: 'init.host.ip', user: 'user.name', host: 'obs.host.name' };

export function EntityPending({ go, kind, value }: ViewProps & { engine: EngineClient; tracker: IdleTracker; kind: EntityKind; value: string }) {
  const query = clauseFor(FIELD[kind], value);
  return (
    <PendingView title={`${kind === 'ip' ? 'IP' : kind === 'user' ? 'User' : 'Host'} ${value}`} go={go}>
      <p>This page will show when the {kind} was first and last seen, its activity over time by outcome, its logon summary, its top counterparts and related alerts.</p>
      <button type="button" className="button button--primary" onClick={() => go({ view: 'search', query })}>Show the events of {value}</button>
    </PendingView>
  );
}
