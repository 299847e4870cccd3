import { useEffect, useState } from 'react';

/**
 * Hash routes: #/section/arg?key=value. Hash routing works the same under file:// (Electron)
 * and the loopback host, and needs no server configuration.
 */
export interface Route {
  section: string;
  /** Path segments after the section: #/reader/12 → ['12']. */
  args: string[];
  params: URLSearchParams;
}

/** A segment as typed: a malformed escape (#/reader/%zz) stays as it is instead of throwing. */
function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

export function parseRoute(hash: string): Route {
  const [path, query = ''] = hash.replace(/^#\/?/, '').split('?');
  const [section = 'library', ...args] = path.split('/').filter(Boolean).map(decodeSegment);
  return { section, args, params: new URLSearchParams(query) };
}

export function routeHref(section: string, args: Array<string | number> = [], params: Record<string, string | number | undefined> = {}): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') q.set(k, String(v));
  const qs = q.toString();
  return `#/${[section, ...args.map((a) => encodeURIComponent(String(a)))].join('/')}${qs ? `?${qs}` : ''}`;
}

export function navigate(section: string, args: Array<string | number> = [], params: Record<string, string | number | undefined> = {}): void {
  window.location.hash = routeHref(section, args, params);
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const on = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', on);
    return () => window.removeEventListener('hashchange', on);
  }, []);
  return route;
}
