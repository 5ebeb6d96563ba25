import { describe, expect, it } from 'vitest';
import { documentLines, parseTarget, textAt } from '../../src/domain/document.js';
import { buildResumeDocument, normalizeDates } from '../../src/documents/resume-document.js';
import { renderMarkdown, renderResume } from '../../src/documents/resume-markdown.js';
import { verifyTailoring } from '../../src/audit/index.js';
import { RESUME_A } from '../helpers/samples.js';
import { loadFixtures, loose } from '../local/helpers.js';

const fixtures = loadFixtures();

describe('the resume document', () => {
  it('names every line by a unique target, and a changeable target reads back its text', () => {
    const doc = buildResumeDocument(RESUME_A);
    const lines = documentLines(doc);
    expect(new Set(lines.map((l) => l.target)).size).toBe(lines.length);
    expect(lines.find((l) => l.target === 'experience[0].bullets[1]')?.text).toMatch(/^Cut p99 API latency by 40%/);
    expect(lines.find((l) => l.target === 'experience[1].employer')?.text).toBe('Globex');
    for (const l of lines.filter((x) => x.editable)) expect(textAt(doc, l.target)).toBe(l.text);
    expect(parseTarget('experience[0].employer')).toBeNull();
    expect(textAt(doc, 'experience[9].bullets[0]')).toBeNull();
  });

  it('holds every employer and title of every fixture, and renders a resume the audit finds faithful', () => {
    for (const f of fixtures) {
      const doc = buildResumeDocument(f.resume);
      const text = loose(JSON.stringify(doc));
      for (const e of f.expected.employers) expect(text, `${f.id}: ${e}`).toContain(loose(e));
      for (const t of f.expected.titles) expect(text, `${f.id}: ${t}`).toContain(loose(t));
      const markdown = renderMarkdown(doc);
      expect(markdown).not.toMatch(/\|\s*---|<table/i);
      expect(verifyTailoring(f.resume, markdown).findings, f.id).toEqual([]);
    }
  });

  it('writes every date in one style', () => {
    expect(normalizeDates('2016-03 to 2019-12').text).toBe('Mar 2016 – Dec 2019');
    expect(normalizeDates('January 2020 - current').text).toBe('Jan 2020 – Present');
    expect(normalizeDates('03/2020 - Present')).toEqual({ start: '2020-03', end: 'Present', text: 'Mar 2020 – Present' });
  });

  it('keeps a line it cannot place under "Additional information" and says so in its notes', () => {
    const resume = `Jane Doe\njane@example.com\n\n## Experience\nEngineer — Acme\n2019 – 2021\n- Built things\n\n## Education\nB.Sc. Physics, 2018\n`;
    const placed = buildResumeDocument(resume);
    expect(placed.notes).toEqual([]);
    const odd = buildResumeDocument(`${resume}\n## Experience\n`.replace('## Education', 'Zebra wrangling champion of Ohio\n\n## Education'));
    const all = JSON.stringify(odd);
    expect(all).toContain('Zebra wrangling champion of Ohio');
  });

  it('renders applied changes only', () => {
    const doc = buildResumeDocument(RESUME_A);
    const base = { stage: 'STAR' as const, reviewed: false, findings: [] };
    const md = renderResume(doc, [
      { ...base, id: 'c1', target: 'experience[0].bullets[0]', before: doc.experience[0]!.bullets[0]!, after: 'Led 5 engineers rebuilding ingestion in TypeScript', status: 'APPLIED' },
      { ...base, id: 'c2', target: 'experience[1].bullets[0]', before: doc.experience[1]!.bullets[0]!, after: 'Invented something', status: 'HELD' },
      { ...base, id: 'c3', target: 'experience[0].bullets', before: null, after: '', order: [2, 0, 1], status: 'APPLIED' },
    ]);
    expect(md).toContain('- Introduced PostgreSQL partitioning for 2 TB of event data\n- Led 5 engineers rebuilding ingestion in TypeScript\n- Cut p99');
    expect(md).not.toContain('Invented something');
    expect(md).toContain('Built REST APIs in Python');
  });
});
