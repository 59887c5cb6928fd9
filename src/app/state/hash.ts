// The URL hash <-> Place, the one place that knows the hash's format. Pure: useRoute.ts reads and writes
// `location`/`history` with it. Format: `#/<view>?key=value&...` with URLSearchParams encoding, e.g.
// `#/search?q=outcome%3Afailure&from=1700000000000&to=1700003600000&sort=ts.desc&cols=ts,message&ev=12&pj=1`.
import type { EntityKind, Place, Route } from './route.ts';

const VIEWS = new Set(['search', 'alerts', 'dashboard', 'graph', 'entity', 'ledger']);
const KINDS = new Set<EntityKind>(['ip', 'user', 'host']);

export const DEFAULT_ROUTE: Route = { view: 'search', query: '' };

/**
 * Queries longer than this stay out of the URL (the view keeps them; a reload or a copied link does not, as
 * query history does not keep them either): a pasted 136 KB list of IPs made history.pushState a main-thread
 * task of hundreds of ms in the profile (bench/profile-query.ts), and no one shares a link that long.
 */
export const URL_QUERY_MAX_CHARS = 4096;
const inUrl = (query: string) => query !== '' && query.length <= URL_QUERY_MAX_CHARS;

const int = (s: string | null): number | undefined => {
  if (s === null || !/^-?\d+$/.test(s)) return undefined;
  const n = Number(s);
  return Number.isSafeInteger(n) ? n : undefined;
};

/** Anything unreadable falls back to the search view: a hand-edited or truncated URL never breaks the app. */
export function parseHash(hash: string): Place {
  const body = hash.startsWith('#') ? hash.slice(1) : hash;
  const q = body.indexOf('?');
  const path = (q < 0 ? body : body.slice(0, q)).replace(/^\/+/, '');
  const p = new URLSearchParams(q < 0 ? '' : body.slice(q + 1));
  const projector = p.get('pj') === '1';
  const view = VIEWS.has(path) ? path : 'search';
  return { route: routeOf(view, p), projector };
}

function routeOf(view: string, p: URLSearchParams): Route {
  switch (view) {
    case 'alerts': {
      const alert = p.get('alert');
      return alert === null ? { view } : { view, alert };
    }
    case 'dashboard':
    case 'ledger':
      return { view };
    case 'graph':
      return { view, query: p.get('q') ?? '' };
    case 'entity': {
      const kind = p.get('kind') as EntityKind | null;
      const value = p.get('value');
      if (kind !== null && KINDS.has(kind) && value !== null && value !== '') return { view, kind, value };
      return DEFAULT_ROUTE;
    }
    default:
      return searchRoute(p);
  }
}

function searchRoute(p: URLSearchParams): Route {
  const r: Extract<Route, { view: 'search' }> = { view: 'search', query: p.get('q') ?? '' };
  const from = int(p.get('from')), to = int(p.get('to')), event = int(p.get('ev'));
  if (from !== undefined) r.from = from;
  if (to !== undefined) r.to = to;
  if (event !== undefined && event >= 0) r.event = event;
  const sort = /^(.+)\.(asc|desc)$/.exec(p.get('sort') ?? '');
  if (sort !== null) r.sort = { field: sort[1], dir: sort[2] as 'asc' | 'desc' };
  const cols = p.get('cols');
  if (cols !== null && cols !== '') r.columns = cols.split(',').filter((c) => c !== '');
  return r;
}

export function serializeHash(place: Place): string {
  const { route } = place;
  const p = new URLSearchParams();
  switch (route.view) {
    case 'search':
      if (inUrl(route.query)) p.set('q', route.query);
      if (route.from !== undefined) p.set('from', String(route.from));
      if (route.to !== undefined) p.set('to', String(route.to));
      if (route.sort !== undefined) p.set('sort', `${route.sort.field}.${route.sort.dir}`);
      // field names never hold commas in practice; one that does is left out rather than split wrong
      if (route.columns !== undefined) p.set('cols', route.columns.filter((c) => !c.includes(',')).join(','));
      if (route.event !== undefined) p.set('ev', String(route.event));
      break;
    case 'alerts':
      if (route.alert !== undefined) p.set('alert', route.alert);
      break;
    case 'graph':
      if (inUrl(route.query)) p.set('q', route.query);
      break;
    case 'entity':
      p.set('kind', route.kind);
      p.set('value', route.value);
      break;
    default:
      break;
  }
  if (place.projector) p.set('pj', '1');
  const qs = p.toString();
  return `#/${route.view}${qs === '' ? '' : `?${qs}`}`;
}
