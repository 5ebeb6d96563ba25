/**
 * The letter's audit, sentence by sentence, and the local engine's letter: plain, addressed to the
 * hiring company and role, three to five paragraphs, and nothing in it the audit has to remove.
 */
import { describe, expect, it } from 'vitest';
import { auditCoverLetter, LetterAuditor } from '../../src/audit/cover-letter.js';
import { runLocalTask } from '../../src/local/index.js';
import { loadFixtures, runChain } from '../local/helpers.js';
import { JOB_A, RESUME_A } from '../helpers/samples.js';

const auditor = new LetterAuditor({ resumeText: RESUME_A, jobAd: JOB_A, extractedSkills: [], confidenceThreshold: 0.7 });
const kinds = (sentence: string) => auditor.check(sentence).map((f) => f.kind);

describe('the letter audit', () => {
  it.each([
    ['At Acme Analytics, I cut p99 API latency by 40% by moving hot paths to Redis caching.'],
    ['I am writing to apply for the Staff Backend Engineer role at Initech.'],
    ['Dear Initech hiring team,'],
    ['With TypeScript and Node.js I rebuilt the ingestion pipeline.'],
    ['I have not yet worked with Kubernetes professionally, and I am keen to learn it.'],
    ['Sincerely,'],
  ])('keeps a supported sentence: %s', (sentence) => {
    expect(kinds(sentence)).toEqual([]);
  });

  it.each([
    ['At Hooli, I ran the payments platform.', 'INVENTED_EMPLOYER'],
    ['I joined Initrode Systems as a contractor.', 'INVENTED_EMPLOYER'],
    ['I have deep experience with Kubernetes and Terraform.', 'INVENTED_SKILL'],
    ['I cut cloud spend by 65% in one quarter.', 'INFLATED_NUMBER'],
    ['I hold a PhD in distributed systems.', 'INVENTED_DEGREE'],
    ['I worked as a Principal Architect at Acme Analytics.', 'INVENTED_TITLE'],
    ['In 2012 I founded a startup.', 'CHANGED_DATE'],
    ['I have not only mastered Kubernetes but taught it.', 'INVENTED_SKILL'],
  ])('leaves out an unsupported sentence: %s', (sentence, kind) => {
    expect(kinds(sentence)).toContain(kind);
  });

  it('counts upstream skills at or above the threshold as evidence', () => {
    const withSkills = new LetterAuditor({ resumeText: RESUME_A, jobAd: JOB_A, extractedSkills: [{ name: 'Kubernetes', confidence: 0.9 }], confidenceThreshold: 0.7 });
    expect(withSkills.check('I run services on Kubernetes.')).toEqual([]);
  });

  it('drops only the unsupported sentence, and a paragraph left empty', () => {
    const letter = auditCoverLetter(
      { resumeText: RESUME_A, jobAd: JOB_A, extractedSkills: [], confidenceThreshold: 0.7 },
      { salutation: 'Dear Initech hiring team,', paragraphs: ['At Hooli I led everything.', 'I built REST APIs in Python and Django. I cut costs by 90%.'], closing: 'Sincerely,\nJane Doe' },
    );
    expect(letter.markdown).toBe('Dear Initech hiring team,\n\nI built REST APIs in Python and Django.\n\nSincerely,  \nJane Doe\n');
    expect(letter.findings.map((f) => f.kind).sort()).toEqual(['INFLATED_NUMBER', 'INVENTED_EMPLOYER']);
  });
});

describe('the local letter', () => {
  it.each(loadFixtures().map((f) => [f.id, f] as const))('for %s is plain, addressed, 3-5 paragraphs, and wholly supported', (_id, f) => {
    const { dossier } = runChain(f.resume, f.job);
    const draft = runLocalTask('cover_letter', { jobAd: f.job, dossier });
    expect(draft.paragraphs.length).toBeGreaterThanOrEqual(3);
    expect(draft.paragraphs.length).toBeLessThanOrEqual(5);
    expect(draft.salutation).toMatch(/^Dear .+,$/);
    expect(draft.paragraphs[0]).toMatch(/^I am writing to apply for the /);
    expect(draft.closing).toContain(f.expected.name.split(',')[0]!.replace(/^Dr\.\s+/, ''));
    for (const p of draft.paragraphs) expect(p).not.toMatch(/^[#*-]|\*\*/);
    const audited = auditCoverLetter({ resumeText: f.resume, jobAd: f.job, extractedSkills: [], confidenceThreshold: 0.7 }, draft);
    expect(audited.findings).toEqual([]);
  });

  it('names the company and role the ad names', () => {
    const { dossier } = runChain(RESUME_A, JOB_A);
    const draft = runLocalTask('cover_letter', { jobAd: JOB_A, dossier });
    expect(draft.salutation).toBe('Dear Initech hiring team,');
    expect(draft.paragraphs[0]).toContain('the Staff Backend Engineer role at Initech.');
    expect(draft.paragraphs.join(' ')).toContain('I have not yet worked with Kubernetes');
  });
});
