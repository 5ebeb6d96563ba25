import { createHash, timingSafeEqual } from 'node:crypto';

export const ANONYMOUS_TENANT = 'anonymous';

/**
 * API keys, kept only as SHA-256 digests and compared in constant time. With no keys configured
 * auth is off and every caller is the anonymous tenant (the config allows that on loopback only).
 */
export class ApiKeyAuth {
  private readonly digests: Array<{ digest: Buffer; tenant: string }>;

  constructor(keys: Map<string, string> | null) {
    this.digests = keys ? [...keys].map(([key, tenant]) => ({ digest: sha256(key), tenant })) : [];
  }

  get enabled(): boolean {
    return this.digests.length > 0;
  }

  /** The tenant a presented key belongs to; null for a missing or wrong key while auth is on. */
  tenantFor(presented: string | null | undefined): string | null {
    if (!this.enabled) return ANONYMOUS_TENANT;
    if (!presented) return null;
    const digest = sha256(presented);
    let tenant: string | null = null;
    // Every digest is compared so the time taken does not tell which key came close.
    for (const entry of this.digests) if (timingSafeEqual(entry.digest, digest)) tenant = entry.tenant;
    return tenant;
  }

  /** The key from `Authorization: Bearer <key>` or `x-api-key: <key>`. */
  static fromHeaders(headers: Record<string, string | string[] | undefined>): string | null {
    const authorization = first(headers.authorization);
    if (authorization) {
      const match = /^Bearer\s+(.+)$/i.exec(authorization.trim());
      return match ? match[1]!.trim() : null;
    }
    return first(headers['x-api-key'])?.trim() || null;
  }

  /** The key from graphql-ws `connectionParams`: `{ authorization: 'Bearer <key>' }` or `{ apiKey }`. */
  static fromConnectionParams(params: Record<string, unknown> | undefined): string | null {
    if (!params) return null;
    const authorization = typeof params.authorization === 'string' ? params.authorization : null;
    if (authorization) return ApiKeyAuth.fromHeaders({ authorization });
    return typeof params.apiKey === 'string' ? params.apiKey.trim() || null : null;
  }
}

function sha256(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
