/** Storage quotas per tenant: a tenant over its quota gets a clear error; other tenants go on. */
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../helpers/app.js';
import { post } from '../helpers/client.js';
import { JOB_A, RESUME_A, RESUME_B } from '../helpers/samples.js';

const A = 'quota-key-a-0001';
const B = 'quota-key-b-0002';
const counted = useTestApp({ env: { IMAGINATOR_API_KEYS: `a:${A},b:${B}`, IMAGINATOR_QUOTA_ENHANCEMENTS: '3' }, role: 'api' });
const sized = useTestApp({ env: { IMAGINATOR_API_KEYS: `a:${A},b:${B}`, IMAGINATOR_QUOTA_BYTES: '20000' } });

const run = (url: string, key: string, resumeText: string, operation = 'runEnhancement') =>
  post<{ runEnhancement: { id: string; status: string } }, unknown>(
    url,
    `mutation($input: EnhancementInput!) { runEnhancement: ${operation}(input: $input) { id status finalResumeMarkdown } }`,
    { input: { resumeText, jobAd: JOB_A } },
    { authorization: `Bearer ${key}` },
  );

describe('storage quotas per tenant', () => {
  it('refuses a fourth stored enhancement with QUOTA_EXCEEDED; the other tenant is not concerned', async () => {
    const url = counted.app.api!.url;
    const start = (key: string, text: string) => run(url, key, text, 'startEnhancement');
    for (let i = 0; i < 3; i++) expect((await start(A, `${RESUME_A}\n- item ${i}`)).body.errors).toBeUndefined();
    const refused = await start(A, RESUME_A);
    expect(refused.body.errors![0]!.extensions!.code).toBe('QUOTA_EXCEEDED');
    expect(refused.body.errors![0]!.message).toMatch(/keeps 3 enhancements, its quota is 3/);
    expect((await counted.app.store.list('a', 10, null)).records).toHaveLength(3);
    expect((await start(B, RESUME_B)).body.errors).toBeUndefined();
  });

  it('counts the bytes its records and events take in Redis', async () => {
    const url = sized.app.api!.url;
    const first = await run(url, A, RESUME_A);
    expect(first.body.errors, JSON.stringify(first.body.errors)).toBeUndefined();
    expect(first.body.data!.runEnhancement.status).toBe('COMPLETED');
    const refused = await run(url, A, RESUME_B);
    expect(refused.body.errors, JSON.stringify(refused.body)).toBeDefined();
    expect(refused.body.errors![0]!.extensions!.code).toBe('QUOTA_EXCEEDED');
    expect(refused.body.errors![0]!.message).toMatch(/take \d+ bytes, its quota is 20000/);
    expect((await run(url, B, RESUME_B)).body.errors).toBeUndefined();
  });
});
