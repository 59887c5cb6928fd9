// The logon / connection graph is not in this build yet (it arrives with its own branch, same props).
import type { EngineClient, IdleTracker } from '../../../workers/client.ts';
import type { ViewProps } from '../../state/route.ts';
import { PendingView } from '../PendingView.tsx';

export function GraphPending({ go }: ViewProps & { engine: EngineClient; tracker: IdleTracker; query: string }) {
  return (
    <PendingView title="Graph" go={go}>
      <p>The graph will draw who logged on where: IPs, users and hosts as nodes, logon and connection events as edges split by outcome, sized by counts; clicking a node will open its entity page.</p>
    </PendingView>
  );
}
