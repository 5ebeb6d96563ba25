import { describe, expect, it } from 'vitest';
import { documentLines, parseTarget, textAt } from '../../src/domain/document.js';
import { buildResumeDocument, normalizeDates } from '../../src/documents/resume-document.js';
import { renderMarkdown, renderResume } from '../../src/documents/resume-markdown.js';
import { verifyTailoring } from '../../src/audit/index.js';
import { RESUME_A } from '../helpers/samples.js';
import { loadFixtures, loose } from '../local/helpers.js';
import { contentTokens } from '../../src/local/text.js';
import { headingOf } from '../../src/local/sections.js';

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

  it('drops no line: every word of every resume line is somewhere in the document (unplaced lines under "Additional information", said in its notes)', () => {
    for (const f of [...fixtures.map((x) => x.resume), `${RESUME_A}\n----\nZebra wrangling champion of Ohio, 2015\n`]) {
      const doc = buildResumeDocument(f);
      const words = new Set(contentTokens(JSON.stringify([doc.name, doc.contact, doc.summary, doc.experience, doc.skills, doc.education, doc.certifications, doc.other, doc.sections.map((x) => x.heading)])));
      for (const line of f.split('\n')) {
        if (headingOf(line)) continue; // a section heading becomes the section's (standard) heading
        for (const w of contentTokens(line).filter((t) => /[\p{L}\p{N}]/u.test(t) && !/^\d{1,4}$/.test(t) && !/^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)/.test(t))) {
          expect(words.has(w), `${w} of "${line}"`).toBe(true);
        }
      }
      const other = doc.other.find((o) => o.heading === 'Additional information');
      if (other) expect(doc.notes.join(' ')).toMatch(/could not be placed/);
    }
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
