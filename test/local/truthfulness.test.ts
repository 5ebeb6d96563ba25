/**
 * verifyTailoring: fabricated tailorings are flagged with the right kind; faithful rewrites are not flagged.
 * Tailored versions are derived from the fixtures' own resumes by small, targeted edits.
 */
import { describe, expect, it } from 'vitest';
import { verifyTailoring } from '../../src/local/index.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES_DIR, loadFixtures, runChain } from './helpers.js';

const fixtures = loadFixtures();
const byId = (prefix: string): { resume: string; job: string } => {
  const f = fixtures.find((x) => x.id.startsWith(prefix));
  if (!f) throw new Error(`fixture ${prefix} missing`);
  return f;
};
const backend = byId('01');
const nurse = byId('08');
const finance = byId('07');
const odd = byId('11');

function kinds(original: string, tailored: string, job?: string): string[] {
  return verifyTailoring(original, tailored, job).findings.map((f) => f.kind);
}

function replaceOnce(text: string, from: string, to: string): string {
  expect(text.includes(from), `fixture text contains "${from}"`).toBe(true);
  return text.replace(from, to);
}

describe('verifyTailoring flags fabrications with the right kind', () => {
  it('an added employer → INVENTED_EMPLOYER', () => {
    const tailored = replaceOnce(
      backend.resume,
      '### Software Engineer — Shopwise',
      '### Backend Engineer — Stripe\nJan 2020 – Dec 2020\n- Built payment APIs in Go\n\n### Software Engineer — Shopwise',
    );
    const v = verifyTailoring(backend.resume, tailored, backend.job);
    expect(v.faithful).toBe(false);
    expect(v.findings.some((f) => f.kind === 'INVENTED_EMPLOYER' && /Stripe/.test(f.excerpt))).toBe(true);
  });

  it('a changed date → CHANGED_DATE', () => {
    expect(kinds(backend.resume, replaceOnce(backend.resume, '2018-03 to 2020-12', '2016-03 to 2020-12'))).toContain('CHANGED_DATE');
    expect(kinds(nurse.resume, replaceOnce(nurse.resume, 'Aug 2018 – May 2020', 'Aug 2017 – May 2020'))).toContain('CHANGED_DATE');
    // a month moved inside the same years is a changed date too
    expect(kinds(finance.resume, replaceOnce(finance.resume, '03/2018 - 02/2020', '01/2018 - 02/2020'))).toContain('CHANGED_DATE');
  });

  it('an inflated number → INFLATED_NUMBER', () => {
    const v = verifyTailoring(backend.resume, replaceOnce(backend.resume, 'by 40% by introducing', 'by 65% by introducing'));
    expect(v.findings.map((f) => f.kind)).toEqual(['INFLATED_NUMBER']);
    expect(v.findings[0].excerpt).toContain('65%');
    expect(kinds(finance.resume, replaceOnce(finance.resume, '$85M', '$185M'))).toContain('INFLATED_NUMBER');
  });

  it('a renamed candidate → CHANGED_NAME', () => {
    expect(kinds(backend.resume, replaceOnce(backend.resume, '# Maria Kowalski', '# Marie Kowalska'))).toContain('CHANGED_NAME');
    expect(kinds(nurse.resume, replaceOnce(nurse.resume, 'Grace Mbeki, RN, BSN', 'Grace Williams, RN, BSN'))).toContain('CHANGED_NAME');
  });

  it('a dropped section → DROPPED_SECTION', () => {
    const noCerts = backend.resume.replace(/## Certifications[\s\S]*$/, '');
    const v = verifyTailoring(backend.resume, noCerts);
    expect(v.findings.some((f) => f.kind === 'DROPPED_SECTION' && /Certifications/.test(f.excerpt))).toBe(true);
    const noEducation = nurse.resume.replace(/EDUCATION\n[^\n]*\n/, '');
    expect(kinds(nurse.resume, noEducation)).toContain('DROPPED_SECTION');
  });

  it('an invented degree → INVENTED_DEGREE and an invented certification → INVENTED_CERTIFICATION', () => {
    const withMba = replaceOnce(backend.resume, '## Education\n', '## Education\nMBA, INSEAD\n');
    expect(kinds(backend.resume, withMba)).toContain('INVENTED_DEGREE');
    const withCka = replaceOnce(backend.resume, '## Certifications\n', '## Certifications\n- Certified Kubernetes Administrator (CKA)\n');
    expect(kinds(backend.resume, withCka)).toContain('INVENTED_CERTIFICATION');
    const withCfa = replaceOnce(finance.resume, 'Certified Public Accountant (CPA), Illinois, 2017', 'Certified Public Accountant (CPA), Illinois, 2017\nCFA Level III');
    expect(kinds(finance.resume, withCfa)).toContain('INVENTED_CERTIFICATION');
  });

  it('an inflated title → INVENTED_TITLE', () => {
    const v = verifyTailoring(backend.resume, replaceOnce(backend.resume, '### Software Engineer — Shopwise', '### Engineering Manager — Shopwise'));
    expect(v.findings.some((f) => f.kind === 'INVENTED_TITLE' && /Engineering Manager/.test(f.excerpt))).toBe(true);
  });

  it('the local chain\'s final resume rests every line on the original (provenance)', () => {
    const c = runChain(backend.resume, backend.job);
    const honest = c.polished.provenance.find((p) => p.claim.includes('Mentored 3 junior engineers'));
    expect(honest).toMatchObject({ synthetic: false, source: 'Mentored 3 junior engineers and ran weekly code reviews' });
    expect(c.polished.provenance.filter((p) => p.synthetic)).toEqual([]);
  });
});

describe('an LLM-style rewrite (test/fixtures/01-backend-senior/tailored-llm.md)', () => {
  const llm = readFileSync(join(FIXTURES_DIR, '01-backend-senior', 'tailored-llm.md'), 'utf8');
  it('reformatted, abbreviated, reworded and reordered: no findings', () => {
    expect(verifyTailoring(backend.resume, llm, backend.job).findings).toEqual([]);
  });
  const variants: [string, string, string][] = [
    ['saving $120k', 'saving $150k', 'INFLATED_NUMBER'],
    ['**Sr. Software Engineer**', '**Staff Software Engineer**', 'INVENTED_TITLE'],
    ['January 2021 – Present', 'January 2019 – Present', 'CHANGED_DATE'],
    ['**Junior Developer** | Webcraft Studio', '**Junior Developer** | Google', 'INVENTED_EMPLOYER'],
    ['B.Sc. Computer Science — TU Berlin (2016)', 'M.Sc. Computer Science — TU Berlin (2016)', 'INVENTED_DEGREE'],
    ['**MARIA KOWALSKI**', '**MARIA NOWAK**', 'CHANGED_NAME'],
    ['AWS Certified Solutions Architect – Associate (2022)', 'AWS Certified Solutions Architect – Associate (2022)\nCKA', 'INVENTED_CERTIFICATION'],
    ['**EDUCATION**\nB.Sc. Computer Science — TU Berlin (2016)\n', '', 'DROPPED_SECTION'],
  ];
  for (const [from, to, kind] of variants) {
    it(`flags ${kind} in it`, () => {
      const v = verifyTailoring(backend.resume, replaceOnce(llm, from, to), backend.job);
      expect(v.faithful).toBe(false);
      expect(v.findings.map((f) => f.kind)).toContain(kind);
    });
  }
});

describe('verifyTailoring accepts faithful rewrites', () => {
  it('the original itself is faithful', () => {
    for (const f of fixtures) expect(verifyTailoring(f.resume, f.resume, f.job), f.id).toMatchObject({ faithful: true, findings: [] });
  });

  it('reordered sections and bullets, reworded bullets, evidenced keywords worked in: no findings', () => {
    let t = backend.resume;
    // move Skills before Experience
    const skills = t.match(/## Skills\n[^\n]*\n/)![0];
    t = t.replace(skills, '').replace('## Professional Experience', `${skills}\n## Professional Experience`);
    // reorder two bullets and reword one
    t = t.replace(
      '- Reduced p99 API latency by 40% by introducing Redis caching in front of PostgreSQL\n- Led migration of 14 services to Kubernetes on AWS, cutting infrastructure cost by $120k per year',
      '- Led the migration of 14 services to Kubernetes (Amazon Web Services), which cut infrastructure cost by $120k per year\n- Introduced Redis caching in front of PostgreSQL and reduced p99 API latency by 40%',
    );
    // an evidenced keyword (Docker is in the Skills list; Postgres ≡ PostgreSQL) worked into the summary
    t = t.replace('in Go and Python.', 'in Go and Python, deployed with Docker on Kubernetes and backed by PostgreSQL.');
    const v = verifyTailoring(backend.resume, t, backend.job);
    expect(v.findings).toEqual([]);
    expect(v.faithful).toBe(true);
  });

  it('date formats rewritten (Jan 2021 ↔ 01/2021, 2018-03 ↔ Mar 2018) are not changed dates', () => {
    const t = backend.resume.replace('Jan 2021 – Present', '01/2021 - Present').replace('2018-03 to 2020-12', 'Mar 2018 – Dec 2020');
    expect(verifyTailoring(backend.resume, t).findings).toEqual([]);
  });

  it('the local chain output of every fixture is faithful', () => {
    for (const f of fixtures) {
      const { annotated } = runChain(f.resume, f.job, { asOf: f.expected.asOf });
      const v = verifyTailoring(f.resume, annotated.finalResumeMarkdown, f.job);
      expect(v.findings, f.id).toEqual([]);
      expect(annotated.changes.filter((c) => c.status === 'HELD'), f.id).toEqual([]);
    }
  });

  it('covered and missing keywords partition the job ad keywords', () => {
    const v = verifyTailoring(backend.resume, backend.resume, backend.job);
    expect(v.coveredKeywords).toContain('Go');
    expect(v.coveredKeywords).toContain('PostgreSQL');
    expect(v.missingKeywords).toContain('gRPC');
    expect(v.coveredKeywords.filter((k) => v.missingKeywords.includes(k))).toEqual([]);
    const odd2 = verifyTailoring(odd.resume, odd.resume, odd.job);
    expect(odd2.missingKeywords).toContain('Looker');
  });
});

describe('words that are also JavaScript object keys', () => {
  it('are ordinary words: an invented employer is still flagged next to "constructor" or "toString"', () => {
    const original = [
      'Sam Builder',
      '',
      '## Experience',
      'Site Constructor — Hoch Bau',
      '2018 – 2023',
      '- Wrote a toString helper for the valueOf report, cutting review time by 20%',
    ].join('\n');
    const tailored = original.replace('Hoch Bau', 'Skanska').replace('20%', '500%');
    const verdict = verifyTailoring(original, tailored);
    expect(verdict.faithful).toBe(false);
    expect(verdict.findings.map((f) => f.kind)).toEqual(expect.arrayContaining(['INVENTED_EMPLOYER', 'INFLATED_NUMBER']));
    expect(verifyTailoring(original, original).faithful).toBe(true);
  });
});
