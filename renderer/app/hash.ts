// Hash routing (#/check): works from app:// and from the browser harness alike, no server routes.
import { useEffect, useState } from 'react';
import { isRouteId, type RouteId } from '../routes';

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
  const go = (r: RouteId) => {
    if (routeFromHash(window.location.hash) === r) return;
    window.location.hash = `#/${r}`;
  };
  return [route, go];
}
