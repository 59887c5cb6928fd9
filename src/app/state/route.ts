// Where the user is in the workbench: the views and their state, as the URL hash carries it.
// Views navigate by calling go(route); only the hash module (owned by the shell) reads or writes `location`.
import type { SortSpec } from '../../workers/api.ts';

export type EntityKind = 'ip' | 'user' | 'host';

export type Route =
  | {
      view: 'search';
      query: string;
      /** time range (epoch ms) brushed on the timeline */
      from?: number;
      to?: number;
      sort?: SortSpec;
      columns?: string[];
      /** row id of the open event */
      event?: number;
    }
  | { view: 'alerts'; alert?: string }
  | { view: 'dashboard' }
  | { view: 'graph'; query: string }
  | { view: 'entity'; kind: EntityKind; value: string }
  | { view: 'ledger' };

export type Go = (route: Route) => void;
