import { describe, expect, it } from 'vitest';
import { MyEnhancementsDocument, StartEnhancementDocument } from '../../src/client/graphql/graphql.js';
import { useTestApp } from '../helpers/app.js';
import { post } from '../helpers/client.js';
import { JOB_A, RESUME_A } from '../helpers/samples.js';

const testApp = useTestApp({ env: { IMAGINATOR_MAX_RESUME_CHARS: '5000', IMAGINATOR_MAX_JOB_AD_CHARS: '3000' }, role: 'api' });


const start = (input: Record<string, unknown>) =>
  post(testApp.app.api!.url, StartEnhancementDocument, { input: { resumeText: RESUME_A, jobAd: JOB_A, ...input } as never });

describe('bad input answers with a code and a message a person understands', () => {
  it.each([
    ['an empty resume', { resumeText: '' }, /resumeText is empty/],
    ['a whitespace-only job ad', { jobAd: ' \n\t ' }, /jobAd is empty/],
    ['a resume over the limit', { resumeText: 'x'.repeat(5001) }, /resumeText is 5001 characters; the limit is 5000/],
    ['a job ad over the limit', { jobAd: 'y'.repeat(3001) }, /the limit is 3000/],
    ['a threshold above 1', { confidenceThreshold: 1.5 }, /confidenceThreshold must be between 0 and 1/],
    ['a negative threshold', { confidenceThreshold: -0.1 }, /confidenceThreshold/],
    ['an unknown stage', { stages: ['ANALYSIS', 'TRANSLATE'] }, /TRANSLATE/],
    ['an empty stage list', { stages: [] }, /at least one stage/],
    ['a skill confidence out of range', { extractedSkills: [{ name: 'Go', confidence: 7 }] }, /confidence must be between 0 and 1/],
    ['a missing job ad', { jobAd: undefined }, /jobAd/],
  ])('%s → BAD_USER_INPUT', async (_name, input, message) => {
    const { status, body } = await start(input);
    expect(status).toBeLessThan(500);
    expect(body.data ?? null).toBeNull();
    expect(body.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
    expect(body.errors![0]!.message).toMatch(message);
    expect(JSON.stringify(body)).not.toMatch(/at .*\.ts:\d+/); // no stack trace
  });

  it('refuses a page cursor it never gave out and a page size out of range', async () => {
    const bad = await post(testApp.app.api!.url, MyEnhancementsDocument, { first: 5, after: 'garbage' });
    expect(bad.body.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
    const big = await post(testApp.app.api!.url, MyEnhancementsDocument, { first: 1000 });
    expect(big.body.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
  });

  it('keeps nothing of a refused request and everything of an accepted one', async () => {
    await start({ resumeText: '' });
    const listed = await post(testApp.app.api!.url, MyEnhancementsDocument, { first: 10 });
    expect(listed.body.data!.enhancements.edges).toHaveLength(0);
    const ok = await start({});
    expect(ok.body.data!.startEnhancement.status).toBe('QUEUED');
    const after = await post(testApp.app.api!.url, MyEnhancementsDocument, { first: 10 });
    expect(after.body.data!.enhancements.edges.map((e) => e.node.id)).toEqual([ok.body.data!.startEnhancement.id]);
  });
});

describe('health', () => {
  it('answers /healthz and /readyz', async () => {
    const base = testApp.app.api!.url.replace(/\/graphql$/, '');
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    const ready = await fetch(`${base}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ redis: true, queue: true });
  });
});
