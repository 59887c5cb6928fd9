// The shell's hold on the URL: the current Place, go() that pushes a pivot or replaces a detail, and
// back/forward (popstate/hashchange) restoring the view. Nothing else in the app touches `location`.
import { useCallback, useEffect, useRef, useState } from 'react';
import { parseHash, serializeHash } from './hash.ts';
import type { Go, Place, Route } from './route.ts';

export interface RouteState {
  place: Place;
  go: Go;
  setProjector(on: boolean): void;
}

export function useRoute(): RouteState {
  const [place, setPlace] = useState<Place>(() => parseHash(location.hash));
  const current = useRef(place);

  const write = useCallback((next: Place, replace: boolean) => {
    const hash = serializeHash(next);
    current.current = next;
    setPlace(next);
    if (hash === location.hash) return;
    // the query string (?testing=1) stays; only the hash is the view
    const url = `${location.pathname}${location.search}${hash}`;
    if (replace) history.replaceState(null, '', url);
    else history.pushState(null, '', url);
  }, []);

  useEffect(() => {
    // a first visit without a hash gets one, so reload and copy give this view
    if (location.hash === '') history.replaceState(null, '', `${location.pathname}${location.search}${serializeHash(current.current)}`);
    const restore = () => {
      const next = parseHash(location.hash);
      if (serializeHash(next) === serializeHash(current.current)) return;
      current.current = next;
      setPlace(next);
    };
    window.addEventListener('popstate', restore);
    window.addEventListener('hashchange', restore);
    return () => {
      window.removeEventListener('popstate', restore);
      window.removeEventListener('hashchange', restore);
    };
  }, []);

  const go = useCallback<Go>((route: Route, options) => {
    write({ ...current.current, route }, options?.replace === true);
  }, [write]);
  const setProjector = useCallback((on: boolean) => write({ ...current.current, projector: on }, true), [write]);
  return { place, go, setProjector };
}
