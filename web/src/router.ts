// Screen routing in real URLs (/r/<rid>/boundaries …) through the history API: every
// screen has its own address, Back and reload return to it, and a deep link works after
// logging in. Routes are still written and parsed as '#/…' paths (toHash, parseHash); the
// address bar shows them without the '#'. Quick exit *replaces* the current entry and clears
// the session in every tab, so an earlier entry opens at most the log-in screen.
import { useEffect, useState } from 'preact/hooks';

export type Route =
  | { name: 'login' }
  | { name: 'signup' }
  | { name: 'home' }
  | { name: 'support' }
  | { name: 'reminders' }
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
  | { name: 'debrief'; rid: string; pid: string }
  | { name: 'safety-check'; rid: string }
  | { name: 'care'; rid: string }
  | { name: 'worksheets'; rid: string }
  | { name: 'learning'; rid: string }
  | { name: 'therapist'; rid: string }
  | { name: 'client'; rid: string }
  | { name: 'measures'; rid: string }
  | { name: 'results'; rid: string }
  | { name: 'progress'; rid: string }
  | { name: 'measure'; rid: string; id: string }
  | { name: 'join' }
  | { name: 'appreciation'; rid: string }
  | { name: 'plans'; rid: string };

const relationshipScreens = [
  'boundaries',
  'shared',
  'intake',
  'agreements',
  'exercises',
  'history',
  'checkins',
  'programme',
  'safety-check',
  'care',
  'worksheets',
  'learning',
  'therapist',
  'measures',
  'results',
  'progress',
  'appreciation',
  'plans',
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
    case 'c':
      return a ? { name: 'client', rid: a } : { name: 'home' };
    case 'join':
      return { name: 'join' };
    case 'reminders':
      return { name: 'reminders' };
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
      if (b === 'measures' && c) return { name: 'measure', rid: a, id: c };
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
    case 'join':
    case 'reminders':
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
    case 'client':
      return `#/c/${e(route.rid)}`;
    case 'measure':
      return `#/r/${e(route.rid)}/measures/${e(route.id)}`;
    default:
      return `#/r/${e(route.rid)}/${route.name}`;
  }
}

/** The address of a route: its '#/…' form as a path. */
export function toPath(route: Route): string {
  return toHash(route).slice(1);
}

type Listener = (route: Route) => void;
const listeners = new Set<Listener>();

// Links that carry a secret (an e-mailed reset or confirmation token) keep it in the
// fragment, which never reaches a server or a proxy log, even on reload.
const secretRoutes = ['#/reset/', '#/confirm/'];

/** An old '#/…' address (a bookmark from before real URLs) becomes its path. */
function adoptLegacyHash(): void {
  const { hash } = window.location;
  if (hash.startsWith('#/')) history.replaceState(null, '', toPath(parseHash(hash)));
}

export function currentRoute(): Route {
  const { hash } = window.location;
  if (secretRoutes.some((prefix) => hash.startsWith(prefix))) return parseHash(hash);
  adoptLegacyHash();
  return parseHash(`#${window.location.pathname}`);
}

/**
 * Shows a route. A new screen adds a history entry, so Back returns to the one before;
 * `replace` swaps the current entry instead (a redirect, or a screen that only moved on).
 */
export function navigate(route: Route, options: { replace?: boolean } = {}): void {
  const path = toPath(route);
  if (options.replace || path === window.location.pathname) {
    history.replaceState(null, '', path);
  } else {
    history.pushState(null, '', path);
  }
  listeners.forEach((l) => l(route));
}

/** Goes to an address of this app (a path, perhaps with a fragment), replacing this entry. */
export function replaceAddress(address: string): void {
  history.replaceState(null, '', address);
  const route = currentRoute();
  listeners.forEach((l) => l(route));
}

export function useRoute(): Route {
  const [route, setRoute] = useState<Route>(currentRoute);
  useEffect(() => {
    const onChange = (r: Route) => setRoute(r);
    const onPop = () => setRoute(currentRoute());
    listeners.add(onChange);
    window.addEventListener('popstate', onPop);
    return () => {
      listeners.delete(onChange);
      window.removeEventListener('popstate', onPop);
    };
  }, []);
  return route;
}
