import { describe, expect, it } from 'vitest';
import { VerifyTailoringDocument } from '../../src/client/graphql/graphql.js';
import { useTestApp } from '../helpers/app.js';
import { post, request } from '../helpers/client.js';
import { JOB_A, RESUME_A } from '../helpers/samples.js';

const testApp = useTestApp({ role: 'api' });

const verify = (tailored: string, jobAd: string | null = JOB_A) =>
  request(testApp.app.api!.url, VerifyTailoringDocument, { original: RESUME_A, tailored, jobAd }).then((d) => d.verifyTailoring);

describe('verifyTailoring over GraphQL', () => {
  it('finds nothing wrong with the original itself and reports keyword coverage', async () => {
    const verdict = await verify(RESUME_A);
    expect(verdict).toMatchObject({ faithful: true, findings: [] });
    expect(verdict.coveredKeywords).toEqual(expect.arrayContaining(['TypeScript', 'PostgreSQL']));
    expect(verdict.missingKeywords).toEqual(expect.arrayContaining(['Kubernetes']));
  });

  it.each([
    ['an invented employer', RESUME_A.replace('Software Engineer | Globex', 'Software Engineer | Google'), 'INVENTED_EMPLOYER'],
    ['a changed date', RESUME_A.replace('2016-03 to 2019-12', '2014-03 to 2019-12'), 'CHANGED_DATE'],
    ['an inflated number', RESUME_A.replace('40%', '90%'), 'INFLATED_NUMBER'],
    ['a renamed candidate', RESUME_A.replace('Jane Doe', 'Janet Dough'), 'CHANGED_NAME'],
    ['a dropped section', RESUME_A.replace(/## Education[\s\S]*?## Skills/, '## Skills'), 'DROPPED_SECTION'],
  ])('flags %s', async (_name, tailored, kind) => {
    const verdict = await verify(tailored);
    expect(verdict.faithful).toBe(false);
    expect(verdict.findings.map((f) => f.kind)).toContain(kind);
  });

  it('refuses empty text with BAD_USER_INPUT', async () => {
    const { body } = await post(testApp.app.api!.url, VerifyTailoringDocument, { original: RESUME_A, tailored: '  ' });
    expect(body.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
  });
});
