// Screen routing kept in the URL hash. Navigation always *replaces* the current history
// entry, so the app occupies a single entry in the browser history and quick exit
// (location.replace) removes it completely. Reloading keeps the current screen.
import { useEffect, useState } from 'preact/hooks';

export type Route =
  | { name: 'login' }
  | { name: 'signup' }
  | { name: 'home' }
  | { name: 'support' }
  | { name: 'account' }
  | { name: 'forgot' }
  | { name: 'reset'; token: string }
  | { name: 'confirm'; token: string }
  | { name: 'relationship'; rid: string }
  | { name: 'boundaries'; rid: string }
  | { name: 'shared'; rid: string }
  | { name: 'intake'; rid: string }
  | { name: 'agreements'; rid: string }
  | { name: 'history'; rid: string }
  | { name: 'checkins'; rid: string }
  | { name: 'programme'; rid: string }
  | { name: 'agreement'; rid: string; aid: string }
  | { name: 'practice'; rid: string; pid: string }
  | { name: 'exercises'; rid: string }
  | { name: 'exercise'; rid: string; id: string }
  | { name: 'debrief'; rid: string; pid: string };

const relationshipScreens = [
  'boundaries',
  'shared',
  'intake',
  'agreements',
  'exercises',
  'history',
  'checkins',
  'programme',
] as const;

export function parseHash(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  const [head, a, b, c] = parts;
  switch (head) {
    case undefined:
    case '':
    case 'home':
      return { name: 'home' };
    case 'login':
      return { name: 'login' };
    case 'signup':
      return { name: 'signup' };
    case 'support':
      return { name: 'support' };
    case 'account':
      return { name: 'account' };
    case 'forgot':
      return { name: 'forgot' };
    case 'reset':
      return a ? { name: 'reset', token: a } : { name: 'forgot' };
    case 'confirm':
      return a ? { name: 'confirm', token: a } : { name: 'login' };
    case 'r':
      if (!a) return { name: 'home' };
      if (b === 'agreements' && c) return { name: 'agreement', rid: a, aid: c };
      if (b === 'practice' && c) return { name: 'practice', rid: a, pid: c };
      if (b === 'exercises' && c) return { name: 'exercise', rid: a, id: c };
      if (b === 'debrief' && c) return { name: 'debrief', rid: a, pid: c };
      if ((relationshipScreens as readonly string[]).includes(b ?? '')) {
        return { name: b as (typeof relationshipScreens)[number], rid: a };
      }
      return { name: 'relationship', rid: a };
    default:
      return { name: 'home' };
  }
}

export function toHash(route: Route): string {
  const e = encodeURIComponent;
  switch (route.name) {
    case 'home':
      return '#/';
    case 'login':
    case 'signup':
    case 'support':
    case 'account':
    case 'forgot':
      return `#/${route.name}`;
    case 'reset':
    case 'confirm':
      return `#/${route.name}/${e(route.token)}`;
    case 'relationship':
      return `#/r/${e(route.rid)}`;
    case 'agreement':
      return `#/r/${e(route.rid)}/agreements/${e(route.aid)}`;
    case 'practice':
      return `#/r/${e(route.rid)}/practice/${e(route.pid)}`;
    case 'exercise':
      return `#/r/${e(route.rid)}/exercises/${e(route.id)}`;
    case 'debrief':
      return `#/r/${e(route.rid)}/debrief/${e(route.pid)}`;
    default:
      return `#/r/${e(route.rid)}/${route.name}`;
  }
}

type Listener = (route: Route) => void;
const listeners = new Set<Listener>();

export function currentRoute(): Route {
  return parseHash(window.location.hash);
}

export function navigate(route: Route): void {
  history.replaceState(null, '', toHash(route));
  listeners.forEach((l) => l(route));
}

export function useRoute(): Route {
  const [route, setRoute] = useState<Route>(currentRoute);
  useEffect(() => {
    const onChange = (r: Route) => setRoute(r);
    const onHash = () => setRoute(currentRoute());
    listeners.add(onChange);
    window.addEventListener('hashchange', onHash);
    return () => {
      listeners.delete(onChange);
      window.removeEventListener('hashchange', onHash);
    };
  }, []);
  return route;
}
