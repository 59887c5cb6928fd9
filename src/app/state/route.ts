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

/** The search route's state, for the search view and whoever builds a search link. */
export type SearchRoute = Extract<Route, { view: 'search' }>;

/** What the URL hash carries: the route, plus the projector mode that holds for every view. */
export interface Place {
  route: Route;
  projector: boolean;
}

/**
 * Views navigate by calling go(route): a pivot, pushed on the history (back returns to where the user was).
 * `{ replace: true }` rewrites the current entry instead: a detail of the same view (sort, columns, open event).
 */
export type Go = (route: Route, options?: { replace?: boolean }) => void;

/** The props every view component takes from the shell. */
export interface ViewProps {
  go: Go;
  /** IANA zone (or 'UTC') every time in the UI is shown in */
  timeZone: string;
}
