// Hash routing (#/check): works from app:// and from the browser harness alike, no server routes.
import { useCallback, useEffect, useState } from 'react';
import { isRouteId } from '../app/route-ids';
import type { RouteId } from '../screen';

export function routeFromHash(hash: string): RouteId {
  const id = hash.replace(/^#\/?/, '').split(/[/?]/)[0] ?? '';
  return isRouteId(id) ? id : 'choose';
}

export function useHashRoute(): [RouteId, (r: RouteId) => void] {
  const [route, setRoute] = useState<RouteId>(() => routeFromHash(window.location.hash));
  useEffect(() => {
    const on = () => setRoute(routeFromHash(window.location.hash));
    window.addEventListener('hashchange', on);
    return () => window.removeEventListener('hashchange', on);
  }, []);
  // stable across renders: effects may depend on it
  const go = useCallback((r: RouteId) => {
    if (routeFromHash(window.location.hash) === r) return;
    window.location.hash = `#/${r}`;
  }, []);
  return [route, go];
}
