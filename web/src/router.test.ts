import { afterEach, describe, expect, it } from 'vitest';
import { currentRoute, navigate, parseHash, replaceAddress, toPath, type Route } from './router';

describe('router', () => {
  afterEach(() => history.replaceState(null, '', '/'));

  it('gives every screen a real path that parses back to the same route', () => {
    const routes: Route[] = [
      { name: 'home' },
      { name: 'login' },
      { name: 'join' },
      { name: 'boundaries', rid: 'r1' },
      { name: 'agreement', rid: 'r1', aid: 'a 2' },
      { name: 'practice', rid: 'r1', pid: 'p3' },
    ];
    for (const route of routes) {
      const path = toPath(route);
      expect(path.startsWith('/')).toBe(true);
      expect(path.includes('#')).toBe(false);
      expect(parseHash(`#${path}`)).toEqual(route);
    }
  });

  it('adds a history entry for a new screen and replaces it when asked', () => {
    const before = history.length;
    navigate({ name: 'boundaries', rid: 'r1' });
    expect(location.pathname).toBe('/r/r1/boundaries');
    expect(history.length).toBe(before + 1);
    navigate({ name: 'login' }, { replace: true });
    expect(location.pathname).toBe('/login');
    expect(history.length).toBe(before + 1);
  });

  it('turns an old #/ address into its path', () => {
    history.replaceState(null, '', '/#/r/r9/intake');
    expect(currentRoute()).toEqual({ name: 'intake', rid: 'r9' });
    expect(location.pathname).toBe('/r/r9/intake');
    expect(location.hash).toBe('');
  });

  it('keeps a fragment that is not a route (an invitation code) when replacing an address', () => {
    replaceAddress('/join#abc-def');
    expect(currentRoute()).toEqual({ name: 'join' });
    expect(location.hash).toBe('#abc-def');
  });
});
