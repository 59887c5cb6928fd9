// The views as links (the hash is the route): Search · Alerts · Dashboard · Graph · Ledger.
import type { Go, Route } from '../state/route.ts';
import { formatCount } from '../format.ts';

const TABS: { view: Route['view']; label: string; to: Route }[] = [
  { view: 'search', label: 'Search', to: { view: 'search', query: '' } },
  { view: 'alerts', label: 'Alerts', to: { view: 'alerts' } },
  { view: 'dashboard', label: 'Dashboard', to: { view: 'dashboard' } },
  { view: 'graph', label: 'Graph', to: { view: 'graph', query: '' } },
  { view: 'ledger', label: 'Ledger', to: { view: 'ledger' } },
];

/** Going back to Search returns to the last search (its query, range, open event), not an empty one. */
/** newAlerts: the count of new alerts, shown as a badge on the Alerts tab */
export function ViewTabs({ current, lastSearch, go, newAlerts }: { current: Route['view']; lastSearch: Route; go: Go; newAlerts?: number }) {
  return (
    <nav className="tabs" aria-label="Views">
      {TABS.map((t) => (
        <a
          key={t.view} href={`#/${t.view}`} className={current === t.view ? 'tab tab--current' : 'tab'} aria-current={current === t.view ? 'page' : undefined}
          onClick={(e) => { e.preventDefault(); go(t.view === 'search' ? lastSearch : t.to); }}
        >
          {t.label}
          {t.view === 'alerts' && newAlerts !== undefined && newAlerts > 0 && (
            <span className="alerts-badge" aria-label={`${formatCount(newAlerts)} new`}>{formatCount(newAlerts)}</span>
          )}
        </a>
      ))}
    </nav>
  );
}
