// EngineApi's alert calls over the open case: the list, the detectors and their parameters, an alert's status,
// note and owner, and the wait for the background detection run (backgroundRuns.ts).
import type { EventTable } from '../../detect/types.ts';
import type { EngineApi } from '../api.ts';
import type { CaseAlerts } from './caseAlerts.ts';

export interface AlertHost {
  /** the open case's alerts and its event table; throws when no case is open */
  current(): { alerts: CaseAlerts; table: () => EventTable };
  /** the open case's alerts, or none when no case is open (waiting needs no case) */
  alertsIfOpen(): CaseAlerts | undefined;
}

export function createAlertOps(host: AlertHost): Pick<EngineApi, 'alerts' | 'detectors' | 'setDetectorParams' | 'setAlertState' | 'detected'> {
  return {
    async alerts(filter) {
      return host.current().alerts.list(filter);
    },
    async detectors() {
      const c = host.current();
      return c.alerts.detectors(c.table());
    },
    async setDetectorParams(id, params) {
      const c = host.current();
      return c.alerts.setParams(c.table(), id, params);
    },
    async setAlertState(id, state) {
      return host.current().alerts.setState(id, state.status, state.note, state.owner);
    },
    async detected() {
      await host.alertsIfOpen()?.settled();
    },
  };
}
