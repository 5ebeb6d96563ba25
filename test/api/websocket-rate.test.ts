/**
 * Queries and mutations over graphql-ws count against the key's request rate exactly as over
 * HTTP: one allowance for both; a refused operation gets RATE_LIMITED and the socket stays open.
 */
import { expect, it } from 'vitest';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { post } from '../helpers/client.js';
import { useTestApp } from '../helpers/app.js';

const KEY = 'ws-rate-key-123';
const harness = useTestApp({ env: { IMAGINATOR_API_KEYS: `alpha:${KEY}`, IMAGINATOR_RATE_REQUESTS_PER_MINUTE: '5' } });

it('counts WebSocket queries with HTTP ones and refuses the sixth with RATE_LIMITED, leaving the socket open', async () => {
  const headers = { authorization: `Bearer ${KEY}` };
  for (let i = 0; i < 2; i++) expect((await post(harness.app.api!.url, '{ models { id } }', {}, headers)).status).toBe(200);
  // Not lazy: one socket for the whole test, which must stay open.
  const client = createClient({ url: harness.app.api!.wsUrl, webSocketImpl: WebSocket, connectionParams: { apiKey: KEY }, lazy: false, retryAttempts: 0 });
  let connections = 0;
  let closed = false;
  client.on('connected', () => (connections += 1));
  client.on('closed', () => (closed = true));
  const query = (): Promise<{ data?: unknown; errors?: Array<{ extensions?: { code?: string } }> }> =>
    new Promise((resolve, reject) => {
      let result: { data?: unknown; errors?: Array<{ extensions?: { code?: string } }> } = {};
      client.subscribe(
        { query: '{ models { id } }' },
        {
          next: (value) => (result = value as typeof result),
          error: (error) => (Array.isArray(error) ? resolve({ errors: error }) : reject(error)),
          complete: () => resolve(result),
        },
      );
    });
  const answers = [];
  for (let i = 0; i < 4; i++) answers.push(await query());
  expect(answers.slice(0, 3).every((a) => a.data && !a.errors)).toBe(true);
  expect(answers[3]!.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
  expect(closed).toBe(false);
  expect(connections).toBe(1);
  // HTTP shares the allowance: it is spent there too.
  const http = await post(harness.app.api!.url, '{ models { id } }', {}, headers);
  expect(http.body.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
  await client.dispose();
});
