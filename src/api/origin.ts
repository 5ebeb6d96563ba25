/**
 * Cross-origin and DNS-rebinding checks for HTTP requests and WebSocket upgrades.
 *
 * - Origin (WebSocket upgrades): a browser sends the page's origin with every upgrade, and a
 *   WebSocket is not covered by CORS, so any page could open one with the user's cookies or a
 *   local server's trust. An upgrade with an `Origin` is served only when that origin is the
 *   server's own (its host equals the request's `Host`) or is listed in IMAGINATOR_ALLOWED_ORIGINS.
 *   Clients that are not browsers send no `Origin` and are not concerned.
 * - Host (auth off): without keys the server trusts whoever reaches it on loopback. A page on an
 *   attacker's domain that resolves to 127.0.0.1 (DNS rebinding) reaches it too, but with its own
 *   name in `Host`: while auth is off only loopback names (`localhost`, 127.x.x.x, [::1]) are served.
 */
import type { IncomingMessage } from 'node:http';
import { isLoopback } from '../config.js';

export interface OriginPolicyOptions {
  /** Origins allowed besides the server's own, exactly as browsers send them (`https://app.example.com`). */
  allowedOrigins: readonly string[];
  /** Auth off: serve loopback `Host` names only. */
  loopbackHostsOnly: boolean;
}

export class OriginPolicy {
  private readonly allowed: ReadonlySet<string>;

  constructor(private readonly options: OriginPolicyOptions) {
    this.allowed = new Set(options.allowedOrigins.map((o) => o.toLowerCase().replace(/\/+$/, '')));
  }

  /** Why a request's `Host` is refused, or null when it is served. */
  hostRefusal(host: string | undefined): string | null {
    if (!this.options.loopbackHostsOnly) return null;
    const name = hostName(host);
    return name !== null && isLoopback(name) ? null : 'without API keys this server answers to loopback host names only (localhost, 127.0.0.1, [::1])';
  }

  /** Why a WebSocket upgrade's `Origin` is refused, or null when it is served. */
  originRefusal(request: Pick<IncomingMessage, 'headers'>): string | null {
    const origin = request.headers.origin;
    if (origin === undefined) return null; // not a browser
    const normalised = origin.toLowerCase();
    if (this.allowed.has(normalised)) return null;
    let originHost: string;
    try {
      originHost = new URL(normalised).host;
    } catch {
      return 'the Origin header is not an origin';
    }
    const host = request.headers.host?.toLowerCase();
    return host && originHost === host ? null : `WebSocket connections from ${origin} are not allowed (IMAGINATOR_ALLOWED_ORIGINS)`;
  }
}

/** `localhost:4000` → `localhost`, `[::1]:4000` → `::1`; null for a missing or malformed header. */
function hostName(host: string | undefined): string | null {
  if (!host) return null;
  try {
    return new URL(`http://${host}`).hostname.replace(/^\[(.*)\]$/, '$1');
  } catch {
    return null;
  }
}
