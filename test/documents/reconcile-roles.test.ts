import { describe, expect, it } from 'vitest';
import { reconcileRoles } from '../../src/documents/reconcile-roles.js';
import type { Experience } from '../../src/domain/outputs.js';
import { RESUME_A } from '../helpers/samples.js';

const role = (title: string, company: string, startDate: string | null = null, endDate: string | null = null): Experience => ({
  title,
  company,
  startDate,
  endDate,
  highlights: ['as the model put it'],
  skills: ['TypeScript'],
});

describe('a model’s roles reconciled with the resume', () => {
  it('keeps an employer and title written with another case and spacing, and dates the parser reads the same', () => {
    const { experiences, notes } = reconcileRoles(RESUME_A, [
      role('senior  software ENGINEER', 'ACME   analytics', '2020-01', 'Present'),
      role('Software Engineer', ' globex ', '2016-03', '2019-12'),
    ]);
    expect(notes).toEqual([]);
    expect(experiences).toEqual([
      role('senior  software ENGINEER', 'ACME   analytics', '2020-01', 'Present'),
      role('Software Engineer', 'globex', '2016-03', '2019-12'),
    ]);
  });

  it('ignores an invented employer, title or date and notes how many of which field', () => {
    const { experiences, notes } = reconcileRoles(RESUME_A, [
      role('Senior Software Engineer', 'Acme Analytics Worldwide', '2020-01', 'Present'),
      // a real title with an invented month and an invented end
      role('Software Engineer', 'Globex', '2016-04', '2021'),
    ]);
    expect(experiences.map((e) => [e.title, e.company, e.startDate, e.endDate])).toEqual([
      ['Senior Software Engineer', '', '2020-01', 'Present'],
      ['Software Engineer', 'Globex', null, null],
    ]);
    expect(notes).toEqual([
      'ANALYSIS: 1 employer the model reported is not in the resume and was ignored: "Acme Analytics Worldwide".',
      'ANALYSIS: 1 start date the model reported is not in the resume and was ignored: "2016-04".',
      'ANALYSIS: 1 end date the model reported is not in the resume and was ignored: "2021".',
    ]);
  });

  it('drops a role with neither a true employer nor a true title, and never matches inside a word', () => {
    const { experiences, notes } = reconcileRoles(RESUME_A, [
      role('Senior Software Engineer', 'Acme Analytics', '2020-01', 'Present'),
      role('Software Engineer', 'Globex', '2016-03', '2019-12'),
      // "Acme" is in the resume, "Acm" only inside a word; "Engineer" at Initech is the job ad's, not the resume's
      role('Principal Architect', 'Acm', '2012', '2014'),
      role('Chief Engineer', 'Initech', null, null),
      // punctuation alone is in the resume, and names nothing
      role('—', '', ' ', ''),
    ]);
    expect(experiences.map((e) => e.company)).toEqual(['Acme Analytics', 'Globex']);
    expect(notes).toContain('ANALYSIS: 3 roles the model reported were dropped: neither their employer nor their title is in the resume.');
    expect(notes).toContain('ANALYSIS: 2 employers the model reported are not in the resume and were ignored: "Acm", "Initech".');
    expect(notes).toContain('ANALYSIS: 3 titles the model reported are not in the resume and were ignored: "Principal Architect", "Chief Engineer", "—".');
  });

  it('adds a role the model missed, from the parser’s spans, in the resume’s order', () => {
    const { experiences, notes } = reconcileRoles(RESUME_A, [role('Software Engineer', 'Globex', '2016-03', '2019-12')]);
    expect(experiences).toEqual([
      {
        title: 'Senior Software Engineer',
        company: 'Acme Analytics',
        startDate: '2020-01',
        endDate: 'Present',
        highlights: [
          'Led a team of 5 engineers rebuilding the ingestion pipeline in TypeScript and Node.js',
          'Cut p99 API latency by 40% by moving hot paths to Redis caching',
          'Introduced PostgreSQL partitioning for 2 TB of event data',
        ],
        skills: [],
      },
      role('Software Engineer', 'Globex', '2016-03', '2019-12'),
    ]);
    expect(notes).toEqual(['ANALYSIS: 1 role the model missed was added as the resume states it: "Senior Software Engineer — Acme Analytics".']);
  });

  it('replaces a wholly invented answer by the parser’s roles, the same way every time', () => {
    const invented = [role('Astronaut', 'NASA', '2010', '2012'), role('Engineer', 'Initech', '2015', 'Present')];
    const first = reconcileRoles(RESUME_A, invented);
    expect(first.experiences.map((e) => `${e.title} | ${e.company} | ${e.startDate} | ${e.endDate}`)).toEqual([
      // "Engineer" is a span of the resume: the role keeps it (its employer and invented start are ignored)
      'Engineer |  | null | Present',
      'Software Engineer | Globex | 2016-03 | 2019-12',
    ]);
    expect(reconcileRoles(RESUME_A, invented)).toEqual(first);
    expect(reconcileRoles(RESUME_A, [])).toEqual({
      experiences: [expect.objectContaining({ company: 'Acme Analytics' }), expect.objectContaining({ company: 'Globex' })],
      notes: ['ANALYSIS: 2 roles the model missed were added as the resume states them: "Senior Software Engineer — Acme Analytics", "Software Engineer — Globex".'],
    });
  });
});
