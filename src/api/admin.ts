import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import type { Queue } from 'bullmq';
import type { Express, RequestHandler } from 'express';
import { ApiKeyAuth } from './auth.js';

export const ADMIN_PATH = '/admin/queues';

/**
 * The Bull Board queue dashboard at /admin/queues, for operators holding the admin key: sent as
 * `Authorization: Bearer <key>`, or as the password of HTTP Basic auth so a browser can ask for it.
 * Without an admin key configured the dashboard does not exist.
 */
export function mountQueueDashboard(app: Express, queue: Queue, adminKey: string | null): void {
  if (!adminKey) return;
  const auth = new ApiKeyAuth(new Map([[adminKey, 'admin']]));
  const board = new ExpressAdapter();
  board.setBasePath(ADMIN_PATH);
  createBullBoard({ queues: [new BullMQAdapter(queue, { readOnlyMode: false })], serverAdapter: board });
  const requireAdmin: RequestHandler = (req, res, next) => {
    if (auth.tenantFor(presentedKey(req.headers.authorization))) return next();
    res.status(401).set('www-authenticate', 'Basic realm="imaginator admin", charset="UTF-8"').json({ error: 'the admin key is required' });
  };
  app.use(ADMIN_PATH, requireAdmin, requireSameOrigin, board.getRouter() as RequestHandler);
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * A state-changing request (retry, clean, remove jobs) must come from the dashboard's own page: a
 * browser says so in `Origin` or `Sec-Fetch-Site`. A form on another site, which a browser would
 * send with the operator's saved Basic credentials, says otherwise (or nothing) and is refused.
 */
const requireSameOrigin: RequestHandler = (req, res, next) => {
  if (SAFE_METHODS.has(req.method)) return next();
  const site = req.headers['sec-fetch-site'];
  const origin = req.headers.origin;
  let sameOrigin = site === 'same-origin';
  if (!sameOrigin && origin) {
    try {
      sameOrigin = new URL(origin).host === req.headers.host;
    } catch {
      sameOrigin = false;
    }
  }
  if (sameOrigin && (site === undefined || site === 'same-origin')) return next();
  res.status(403).json({ error: 'state-changing dashboard requests must come from the dashboard itself (Origin or Sec-Fetch-Site: same-origin)' });
};

function presentedKey(authorization: string | undefined): string | null {
  if (!authorization) return null;
  const basic = /^Basic\s+(.+)$/i.exec(authorization);
  if (basic) {
    const decoded = Buffer.from(basic[1]!, 'base64').toString('utf8');
    return decoded.slice(decoded.indexOf(':') + 1) || null;
  }
  return ApiKeyAuth.fromHeaders({ authorization });
}
