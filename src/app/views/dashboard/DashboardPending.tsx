// The dashboard is not in this build yet (it arrives with its own branch, same props).
import type { EngineClient, IdleTracker } from '../../../workers/client.ts';
import type { ViewProps } from '../../state/route.ts';
import { PendingView } from '../PendingView.tsx';

export function DashboardPending({ go }: ViewProps & { engine: EngineClient; tracker: IdleTracker }) {
  return (
    <PendingView title="Dashboard" go={go}>
      <p>The dashboard will show events and alerts by hour, top source IPs, top targeted users, failed against successful logons over time and the top event types; clicking a chart will filter the search.</p>
    </PendingView>
  );
}
