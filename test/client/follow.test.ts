/**
 * The clients' shared follow loop: jittered backoff within its bounds, and a refused key (graphql-ws
 * CloseCode.Forbidden) ends following at once instead of reconnecting.
 */
import { expect, it } from 'vitest';
import WebSocket from 'ws';
import { FollowError, followEnhancement, jitteredBackoff } from '../../src/client/follow.js';
import { useTestApp } from '../helpers/app.js';

const harness = useTestApp({ env: { IMAGINATOR_API_KEYS: 'alpha:follow-key-123' } });

it('backs off exponentially from 250 ms to 5 s, jittered over the upper half', () => {
  expect([1, 2, 3, 6, 10].map((n) => jitteredBackoff(n, () => 0))).toEqual([125, 250, 500, 2500, 2500]);
  expect([1, 2, 3, 6, 10].map((n) => jitteredBackoff(n, () => 1))).toEqual([250, 500, 1000, 5000, 5000]);
  const delays = Array.from({ length: 50 }, () => jitteredBackoff(4));
  expect(new Set(delays).size).toBeGreaterThan(1);
  expect(delays.every((d) => d >= 1000 && d <= 2000)).toBe(true);
});

it('ends with a refusal, without reconnecting, when the server closes with 4403', async () => {
  const reconnects: string[] = [];
  const following = followEnhancement({
    url: harness.app.api!.wsUrl,
    id: 'enh_any',
    webSocketImpl: WebSocket,
    connectionParams: { apiKey: 'wrong-key' },
    onEvent: () => undefined,
    onReconnecting: (_attempt, _delay, why) => reconnects.push(why),
  });
  const error = await following.done.catch((e: unknown) => e);
  expect(error).toBeInstanceOf(FollowError);
  expect((error as FollowError).kind).toBe('refused');
  expect(reconnects).toEqual([]);
});

it('ends with the GraphQL error of a rejected subscription (an unknown id)', async () => {
  const following = followEnhancement({
    url: harness.app.api!.wsUrl,
    id: 'enh_missing',
    webSocketImpl: WebSocket,
    connectionParams: { apiKey: 'follow-key-123' },
    onEvent: () => undefined,
  });
  const error = (await following.done.catch((e: unknown) => e)) as FollowError;
  expect(error.kind).toBe('rejected');
  expect(error.code).toBe('NOT_FOUND');
});
