/**
 * Who may talk to the preview, and which path a request names. The preview serves an edition that
 * may hold members-only text, and can start expensive PDF runs: a web page open in the same browser
 * must not read it through DNS rebinding (a foreign Host), drive it cross-site, or bounce readers
 * off it through an open redirect.
 */
import type { IncomingHttpHeaders } from 'node:http';
import { isIP } from 'node:net';

export interface Listening {
  /** The address given to listen(), e.g. "127.0.0.1", "::1", "0.0.0.0". */
  readonly address: string;
  readonly port: number;
}

const loopbackNames = ['127.0.0.1', 'localhost', '[::1]'];

function isLoopback(address: string): boolean {
  const bare = address.replace(/^\[|\]$/g, '').toLowerCase();
  return bare === 'localhost' || bare === '::1' || /^127\.\d+\.\d+\.\d+$/.test(bare);
}

function isWildcard(address: string): boolean {
  return address === '0.0.0.0' || address === '::' || address === '[::]';
}

/** The host names (without port) a browser may put in Host or Origin for this preview. */
export function allowedHostNames(listening: Listening): ReadonlySet<string> {
  const names = new Set(loopbackNames);
  const bare = listening.address.replace(/^\[|\]$/g, '').toLowerCase();
  if (!isWildcard(bare)) names.add(isIP(bare) === 6 ? `[${bare}]` : bare);
  return names;
}

/**
 * Is `host` (a Host header value) this preview? Names are compared exactly, port included, so a
 * rebinding name such as `evil.example` or `127.0.0.1.evil.example` never passes. A preview the
 * user opened to the network (`--host 0.0.0.0`) also answers to any IP literal: rebinding needs a
 * DNS name, never an address.
 */
export function hostAllowed(host: string | undefined, listening: Listening): boolean {
  if (host === undefined) return false;
  const m = /^(\[[0-9a-f:.]+\]|[a-z0-9.-]+)(?::(\d{1,5}))?$/.exec(host.trim().toLowerCase());
  if (!m) return false;
  const name = m[1]!;
  const port = m[2] === undefined ? 80 : Number(m[2]);
  if (port !== listening.port) return false;
  if (allowedHostNames(listening).has(name)) return true;
  return isWildcard(listening.address) && isIP(name.replace(/^\[|\]$/g, '')) !== 0;
}

/**
 * Does the request come from another site? `Sec-Fetch-Site` other than same-origin or none (the
 * user typed the address or followed a bookmark), or an `Origin` that is not this preview.
 */
export function crossSite(headers: IncomingHttpHeaders, listening: Listening): boolean {
  const site = headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin' && site !== 'none') return true;
  const origin = headers['origin'];
  if (origin === undefined) return false;
  const m = /^http:\/\/(.+)$/i.exec(origin.trim());
  return !m || !hostAllowed(m[1], listening);
}

export type RequestPath =
  /** `rel` is the file inside the site: segments joined by "/", no empty, "." or ".." segment. */
  | { readonly ok: true; readonly rel: string; readonly folder: boolean }
  | { readonly ok: false; readonly status: 400 | 404 };

/**
 * The request target's path, decoded and canonical. Traversal in any spelling (`..`, `%2e%2e`,
 * `..%2f`, backslashes) is refused rather than resolved: the site never has such a file. The
 * target is never parsed against a base URL: `//host/x` is a path here, not another host.
 */
export function requestPath(target: string | undefined): RequestPath {
  const raw = (target ?? '/').split(/[?#]/, 1)[0] ?? '/';
  if (!raw.startsWith('/')) return { ok: false, status: 400 };
  let decoded: string;
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    return { ok: false, status: 400 };
  }
  // Control characters and backslashes never occur in a site path; "\" is a "/" to browsers.
  if (/[\u0000-\u001f\u007f\\]/.test(decoded)) return { ok: false, status: 404 };
  const segments = decoded.split('/').filter((s) => s !== '' && s !== '.');
  if (segments.includes('..')) return { ok: false, status: 404 };
  return { ok: true, rel: segments.join('/'), folder: decoded.endsWith('/') || segments.length === 0 };
}

/**
 * The address of a folder inside the site, for a redirect: always one leading "/", each segment
 * percent-encoded, so it can never read as `//host` or `/\host` (another origin).
 */
export function folderLocation(rel: string): string {
  const segments = rel.split('/').filter((s) => s !== '' && s !== '.' && s !== '..');
  return `/${segments.map((s) => encodeURIComponent(s)).join('/')}${segments.length > 0 ? '/' : ''}`;
}
