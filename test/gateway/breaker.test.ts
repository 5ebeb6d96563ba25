import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CircuitBreaker } from '../../src/gateway/breaker.js';
import { createGateway } from '../../src/gateway/index.js';
import { serverError, startFakeOpenAI, type FakeOpenAI } from '../fakes/openai-server.js';
import { configWith, DRAFT_REPLY, draftRequest, manualClock, recordingSleep } from './helpers.js';

let fake: FakeOpenAI;
beforeAll(async () => {
  fake = await startFakeOpenAI();
  fake.respond('draft', () => DRAFT_REPLY);
  fake.respond('suggest', () => ({ suggestions: [] }));
});
afterAll(() => fake.close());
beforeEach(() => fake.reset());

describe('the circuit breaker per model', () => {
  it('opens after N failures, skips the model, probes after the cool-down and closes on success', async () => {
    const clock = manualClock();
    const { sleep } = recordingSleep();
    const gw = createGateway(
      configWith({
        OPENROUTER_API_KEY_1: 'k1',
        OPENROUTER_BASE_URL: fake.url,
        IMAGINATOR_MODEL_STAGE_2: 'flaky/model,steady/model',
        IMAGINATOR_MODEL_SUGGEST: 'flaky/model,steady/model',
      }),
      { now: clock.now, sleep, maxAttempts: 1, breaker: { failureThreshold: 3, windowMs: 60_000, coolDownMs: 10_000 } },
    );
    const flaky = () => gw.models().find((m) => m.id === 'openrouter/flaky/model')!;
    const flakyCalls = () => fake.requests.filter((r) => r.model === 'flaky/model').length;

    fake.when({ model: 'flaky/model' }, serverError());
    for (let i = 0; i < 3; i++) {
      const { report } = await gw.complete(draftRequest());
      expect(report.model).toBe('steady/model');
      clock.advance(1_000);
    }
    expect(flakyCalls()).toBe(3);
    expect(flaky()).toMatchObject({ circuit: 'OPEN', healthy: false, successRate: 0, consecutiveFailures: 3 });

    // Open: skipped without a request, by every stage sharing the model.
    const skipped = await gw.complete(draftRequest());
    const otherStage = await gw.complete({ stage: 'SUGGEST', name: 'suggest', schema: (await import('../../src/domain/outputs.js')).Suggestions, prompt: { system: 's', user: 'u' }, data: {} });
    expect(flakyCalls()).toBe(3);
    expect(skipped.report).toMatchObject({ model: 'steady/model', attempts: 1 });
    expect(skipped.report.fallbackNote).toMatch(/flaky\/model: circuit open, skipped/);
    expect(otherStage.report.model).toBe('steady/model');

    // Cool-down over: one probe; it fails, so the circuit opens again.
    clock.advance(10_000);
    expect(flaky().circuit).toBe('HALF_OPEN');
    await gw.complete(draftRequest());
    expect(flakyCalls()).toBe(4);
    expect(flaky().circuit).toBe('OPEN');

    // Next cool-down: the model has recovered; the probe succeeds and the circuit closes.
    fake.reset();
    clock.advance(10_000);
    const probe = await gw.complete(draftRequest());
    expect(probe.report).toMatchObject({ model: 'flaky/model', attempts: 1 });
    expect(probe.report.fallbackNote).toBeUndefined();
    expect(flaky()).toMatchObject({ circuit: 'CLOSED', consecutiveFailures: 0 });
    await gw.complete(draftRequest());
    expect(flakyCalls()).toBe(2);
  });

  it('lets one probe through at a time while half-open, and failures outside the window do not count', () => {
    const clock = manualClock();
    const breaker = new CircuitBreaker({ failureThreshold: 2, windowMs: 1_000, coolDownMs: 500, minFailureRate: 0.5 }, clock.now);
    breaker.onFailure();
    clock.advance(1_500);
    breaker.onFailure();
    expect(breaker.state).toBe('CLOSED'); // the first failure left the window
    breaker.onFailure();
    expect(breaker.state).toBe('OPEN');
    expect(breaker.tryAcquire()).toBe(false);
    clock.advance(500);
    expect(breaker.tryAcquire()).toBe(true);
    expect(breaker.tryAcquire()).toBe(false); // the probe is still out
    breaker.onSuccess();
    expect(breaker.state).toBe('CLOSED');
    expect(breaker.tryAcquire()).toBe(true);
  });

  it('does not open on a few failures among many successes', () => {
    const clock = manualClock();
    const breaker = new CircuitBreaker({ failureThreshold: 3, windowMs: 60_000, coolDownMs: 500, minFailureRate: 0.5 }, clock.now);
    for (let i = 0; i < 20; i++) breaker.onSuccess();
    for (let i = 0; i < 5; i++) breaker.onFailure();
    expect(breaker.state).toBe('CLOSED');
  });
});
