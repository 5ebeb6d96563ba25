/**
 * The audit of one proposed change, kind by kind, each with near misses that must NOT be flagged.
 */
import { describe, expect, it } from 'vitest';
import { auditContext, auditProposals, auditText } from '../../src/audit/index.js';
import { buildResumeDocument } from '../../src/documents/resume-document.js';

const RESUME = `Jane Doe
jane@example.com

## Summary
Backend engineer building reliable data services.

## Experience
Senior Software Engineer — Acme Analytics
Jan 2020 – Present
- Led a team of 5 engineers rebuilding the ingestion pipeline in TypeScript
- Cut p99 API latency by 40% by moving hot paths to Redis caching
- Assisted the platform team with the migration to PostgreSQL 15

Software Engineer — Globex
2016 – 2019
- Built REST APIs in Python for 120,000 monthly users
- Contributed to the design of the billing service

## Education
B.Sc. Computer Science, 2016

## Skills
TypeScript, Python, PostgreSQL, Redis
`;

const doc = buildResumeDocument(RESUME, { extractedSkills: [{ name: 'Kafka', confidence: 0.9 }, { name: 'Kubernetes', confidence: 0.4 }], confidenceThreshold: 0.7 });
const ctx = auditContext(doc);
const line = (role: number, bullet: number): string => doc.experience[role]!.bullets[bullet]!;
const kinds = (target: string, after: string): string[] => {
  const p = /^experience\[(\d)\]\.bullets\[(\d)\]$/.exec(target);
  const before = target === 'summary' ? doc.summary.join(' ') : p ? line(Number(p[1]), Number(p[2])) : null;
  return auditText(target, before, after, ctx).map((f) => f.kind);
};
const B = (r: number, b: number) => `experience[${r}].bullets[${b}]`;

describe('auditText finds', () => {
  it('INVENTED_SKILL: a tool nothing supports; not one the resume names, implies, or extractedSkills lists at the threshold', () => {
    expect(kinds(B(0, 0), 'Led a team of 5 engineers rebuilding the ingestion pipeline in TypeScript on Kubernetes')).toContain('INVENTED_SKILL'); // 0.4 < 0.7
    expect(kinds(B(0, 0), 'Led a team of 5 engineers rebuilding the ingestion pipeline in TypeScript and Rust')).toContain('INVENTED_SKILL');
    expect(kinds(B(0, 0), 'Led a team of 5 engineers rebuilding the TypeScript ingestion pipeline')).toEqual([]);
    expect(kinds(B(0, 0), 'Led a team of 5 engineers rebuilding the ingestion pipeline in TypeScript and Kafka')).toEqual([]); // extracted 0.9
    expect(kinds(B(1, 0), 'Built Python REST APIs for 120,000 monthly users')).toEqual([]);
  });

  it('INFLATED_SCOPE: assisted → led, an invented team size, company-wide; not "led" where the source says led', () => {
    expect(kinds(B(0, 2), 'Led the migration to PostgreSQL 15 for the platform team')).toContain('INFLATED_SCOPE');
    expect(kinds(B(0, 2), 'Spearheaded the PostgreSQL 15 migration')).toContain('INFLATED_SCOPE');
    expect(kinds(B(0, 2), 'Drove the migration to PostgreSQL 15')).toContain('INFLATED_SCOPE'); // "assisted" dropped
    expect(kinds(B(1, 1), 'Owned the design of the billing service')).toContain('INFLATED_SCOPE');
    expect(kinds(B(1, 0), 'Built REST APIs in Python for 120,000 monthly users with a team of eight engineers')).toContain('INFLATED_SCOPE');
    expect(kinds(B(0, 1), 'Cut p99 API latency company-wide by 40% by moving hot paths to Redis caching')).toContain('INFLATED_SCOPE');
    // near misses
    expect(kinds(B(0, 0), 'Led 5 engineers in rebuilding the TypeScript ingestion pipeline')).toEqual([]);
    expect(kinds(B(0, 2), 'Assisted the platform team in migrating to PostgreSQL 15')).toEqual([]);
    expect(kinds(B(1, 1), 'Contributed to designing the billing service')).toEqual([]);
  });

  it('INFLATED_NUMBER: a number not in the source line, one moved to another context, "doubled"; not a number the line states', () => {
    expect(kinds(B(0, 1), 'Cut p99 API latency by 60% by moving hot paths to Redis caching')).toContain('INFLATED_NUMBER');
    expect(kinds(B(0, 1), 'Grew revenue by 40% by moving hot paths to Redis caching')).toContain('INFLATED_NUMBER');
    expect(kinds(B(1, 0), 'Built REST APIs in Python for 120,000 monthly users, cutting latency by 40%')).toContain('INFLATED_NUMBER'); // 40% is another line's
    expect(kinds(B(1, 0), 'Built REST APIs in Python for 120,000 monthly users and doubled signups')).toContain('INFLATED_NUMBER');
    // near misses
    expect(kinds(B(0, 1), 'Reduced p99 API latency 40% by moving hot paths to Redis caching')).toEqual([]);
    expect(kinds(B(1, 0), 'Served 120000 monthly users with Python REST APIs')).toEqual([]);
  });

  it('INVENTED_EMPLOYER, INVENTED_TITLE, INVENTED_DEGREE, INVENTED_CERTIFICATION, CHANGED_DATE; not the resume\'s own', () => {
    expect(kinds(B(1, 0), 'Built REST APIs in Python at Google for 120,000 monthly users')).toContain('INVENTED_EMPLOYER');
    expect(kinds(B(1, 0), 'Built REST APIs in Python at Globex for 120,000 monthly users')).toEqual([]);
    expect(kinds(B(1, 1), 'Contributed to the billing service design as Principal Architect')).toContain('INVENTED_TITLE');
    expect(kinds(B(1, 1), 'Contributed to the billing service design as Software Engineer')).toEqual([]);
    expect(kinds('summary', 'Backend engineer with a PhD building reliable data services.')).toContain('INVENTED_DEGREE');
    expect(kinds('summary', 'AWS Certified Solutions Architect building reliable data services.')).toContain('INVENTED_CERTIFICATION');
    expect(kinds(B(1, 1), 'Contributed to the design of the billing service in 2021')).toContain('CHANGED_DATE');
    expect(kinds(B(1, 1), 'Contributed to the design of the billing service in 2016')).toEqual([]);
  });

  it('FIRST_PERSON in a bullet or summary; not "US" or "I/O"', () => {
    expect(kinds(B(1, 1), 'I contributed to the design of the billing service')).toContain('FIRST_PERSON');
    expect(kinds('summary', 'Backend engineer; my focus is reliable data services.')).toContain('FIRST_PERSON');
    expect(kinds(B(1, 1), 'Contributed to the design of the US billing service and its I/O layer')).toEqual([]);
  });

  it('a summary rests on the whole resume: facts from any line pass', () => {
    expect(kinds('summary', 'Senior Software Engineer with experience at Acme Analytics and Globex. Cut p99 API latency by 40% with Redis caching.')).toEqual([]);
    expect(kinds('summary', 'Senior Software Engineer who grew revenue by 40% at Acme Analytics.')).toContain('INFLATED_NUMBER');
  });
});

describe('auditProposals', () => {
  it('applies clean changes, holds the rest with findings, discards unknown or fixed targets and counts them', () => {
    const out = auditProposals(
      'STAR',
      [
        { target: B(0, 1), after: 'Reduced p99 API latency 40% by moving hot paths to Redis caching' },
        { target: B(0, 2), after: 'Led the PostgreSQL 15 migration company-wide' },
        { target: 'experience[9].bullets[0]', after: 'Nothing here' },
        { target: 'experience[0].employer', after: 'Google' },
        { target: B(1, 1), after: line(1, 1) },
      ],
      ctx,
      1,
    );
    expect(out.changes.map((c) => [c.id, c.status])).toEqual([['c1', 'APPLIED'], ['c2', 'HELD']]);
    expect(out.changes[1]!.findings.map((f) => f.kind)).toContain('INFLATED_SCOPE');
    expect(out.changes[1]!.before).toBe(line(0, 2));
    expect(out.discarded).toBe(2);
    expect(out.unchanged).toBe(1);
  });

  it('an order is the role\'s own bullets, each once', () => {
    const ok = auditProposals('POLISH', [{ target: 'experience[0].bullets', after: '', order: [1, 0, 2] }], ctx, 5);
    expect(ok.changes[0]).toMatchObject({ id: 'c5', status: 'APPLIED', order: [1, 0, 2] });
    const bad = auditProposals('POLISH', [{ target: 'experience[0].bullets', after: '', order: [1, 1, 2] }], ctx, 5);
    expect(bad.changes).toEqual([]);
    expect(bad.discarded).toBe(1);
  });
});
