// Alerts are not in this build yet: the detections issue adds the list (severity, rule, status, notes).
import type { EngineClient, IdleTracker } from '../../../workers/client.ts';
import type { ViewProps } from '../../state/route.ts';
import { PendingView } from '../PendingView.tsx';

export function AlertsPending({ go }: ViewProps & { engine: EngineClient; tracker: IdleTracker; alert?: string }) {
  return (
    <PendingView title="Alerts" go={go}>
      <p>Alerts raised by the detection rules (Sigma and built-in) will be listed here with their severity, the rule that fired, the events behind each alert, and a status and notes kept with the case.</p>
    </PendingView>
  );
}
