// A view whose work has not landed in this build: says in plain words what will be here and what to
// use meanwhile. Each view folder's *Pending.tsx uses it; the real view replaces that import.
import type { ReactNode } from 'react';
import type { Go } from '../state/route.ts';

export function PendingView({ title, children, go }: { title: string; children: ReactNode; go: Go }) {
  return (
    <section className="pending-view" aria-label={title}>
      <h2>{title}</h2>
      {children}
      <p>Meanwhile, the Search view answers the same questions with facets and the timeline.</p>
      <button type="button" className="button" onClick={() => go({ view: 'search', query: '' })}>Go to Search</button>
    </section>
  );
}
