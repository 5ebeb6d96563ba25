import type { z } from 'zod';
/** Shared bits of the gateway tests: configs pointing at the fakes, requests, an observable sleep. */
import { loadConfig, type Config } from '../../src/config.js';
import type { CompletionRequest } from '../../src/gateway/types.js';
import { CreativeDraft, Suggestions } from '../../src/domain/outputs.js';

export function configWith(env: Record<string, string>): Config {
  return loadConfig({ HOST: '127.0.0.1', ...env });
}

export const DOSSIER = {
  masterProfile: 'Jane Doe. Senior Backend Engineer at Acme Corp (2019-03 to Present). Built payment APIs in Go and PostgreSQL.',
  industryIntel: 'Fintech companies value reliability and compliance.',
  tailoringStrategy: 'Lead with payments reliability.',
  keyMetrics: ['99.99% uptime', '40% latency cut'],
};

export const JOB_AD = 'We are hiring a Staff Engineer for payments infrastructure. Go, PostgreSQL, Kafka required.';

export const DRAFT_REPLY = { narrative: 'Jane builds payment systems that do not fall over.', storyArc: ['reliability', 'scale'] };

export function draftRequest(user = 'Write the draft.'): CompletionRequest<z.infer<typeof CreativeDraft>> {
  return {
    stage: 'DRAFT',
    name: 'draft',
    schema: CreativeDraft,
    prompt: { system: 'You are a drafter.', user },
    data: { jobAd: JOB_AD, dossier: DOSSIER, creativity: 'BALANCED' },
    temperature: 0.7,
  };
}

export function suggestRequest(): CompletionRequest<Suggestions> {
  return {
    stage: 'SUGGEST',
    name: 'suggest',
    schema: Suggestions,
    prompt: { system: 'You suggest.', user: 'Suggest things.' },
    data: {},
  };
}

/** A sleep that returns at once and remembers what it was asked to wait. */
export function recordingSleep(): { waits: number[]; sleep: (ms: number) => Promise<void> } {
  const waits: number[] = [];
  return { waits, sleep: async (ms: number) => void waits.push(ms) };
}

/** A clock the test moves by hand. */
export function manualClock(start = 1_000_000): { now: () => number; advance: (ms: number) => void } {
  let t = start;
  return { now: () => t, advance: (ms) => void (t += ms) };
}

export async function until(condition: () => boolean, timeoutMs = 5_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 5));
  }
}
