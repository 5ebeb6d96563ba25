/**
 * Exports read back: the PDF (pdf.js) and DOCX (mammoth) say what the final resume's markdown says,
 * no more, and pass the truthfulness audit against the original resume as the markdown does; the
 * JSON Resume validates against the jsonresume.org schema with each fact in its field; a role's
 * heading never ends a page without its first bullet.
 */
import { describe, expect, it } from 'vitest';
import { jsonResumeErrors, letterFromMarkdown, render, resumeFromDocument } from '../../src/documents/render/index.js';
import { buildResumeDocument } from '../../src/documents/resume-document.js';
import { winAnsi } from '../../src/documents/render/pdf.js';
import type { RenderedResume } from '../../src/domain/rendered-resume.js';
import { verifyTailoring } from '../../src/local/index.js';
import { loadFixtures, runChain } from '../local/helpers.js';
import { docxHtml, docxText, fold, pdfPages, pdfText, words } from './read-back.js';

const fixtures = loadFixtures();
const finals = fixtures.map((f) => {
  const { polished } = runChain(f.resume, f.job);
  // what ExportService renders: the document with the applied changes
  return { ...f, final: polished.finalResumeMarkdown, model: resumeFromDocument(polished.document, polished.changes) };
});

/** Every line the render model holds, as a reader sees it. */
function modelLines(resume: RenderedResume): string[] {
  return [
    resume.name ?? '',
    ...resume.contact,
    ...resume.sections.flatMap((s) => [
      s.heading,
      ...s.entries.flatMap((e) => [e.title, e.company, e.dateText, e.location, ...e.bullets]),
      ...s.lines.map((l) => l.replace(/^- /, '')),
    ]),
  ].filter(Boolean);
}

const kinds = (text: string, original: string): string[] =>
  verifyTailoring(original, text)
    .findings.map((f) => f.kind)
    .sort();

describe.each([
  ['PDF', (bytes: Uint8Array) => pdfText(bytes), winAnsi],
  ['DOCX', (bytes: Uint8Array) => docxText(bytes), (line: string) => line],
] as const)('%s export', (format, read, drawable) => {
  it.each(finals.map((f) => [f.id, f] as const))('of %s says what the markdown says, no more, and passes the audit as it does', async (_id, f) => {
    const resume = f.model;
    const file = await render({ kind: 'resume', format, resume });
    const text = await read(file.bytes);
    const folded = fold(text);
    for (const line of modelLines(resume)) expect(folded, `${format} lacks: ${line}`).toContain(fold(drawable(line)));
    const said = new Set(words(f.final));
    expect(words(text).filter((w) => !said.has(w))).toEqual([]);
    for (const word of words(f.final).filter((w) => /[a-z]/.test(w))) expect(words(text)).toContain(word);
    expect(kinds(text, f.resume)).toEqual(kinds(f.final, f.resume));
  });
});

describe('PDF', () => {
  const longResume: RenderedResume = {
    name: 'Jane Doe',
    contact: ['jane@example.com | Berlin'],
    sections: [
      { heading: 'Summary', kind: 'summary', entries: [], lines: ['Backend engineer. '.repeat(12).trim()] },
      {
        heading: 'Experience',
        kind: 'experience',
        lines: [],
        entries: Array.from({ length: 40 }, (_, i) => ({
          title: `Engineer ${i + 1}`,
          company: `Company ${i + 1}`,
          dateText: `Jan ${1980 + i} – Dec ${1980 + i}`,
          startDate: `${1980 + i}-01`,
          endDate: `${1980 + i}-12`,
          location: i % 3 ? 'Remote' : '',
          bullets: Array.from({ length: 1 + (i % 4) }, (_, b) => `Bullet ${b + 1} of role ${i + 1}: ${'shipped things that mattered, '.repeat(1 + ((i + b) % 5))}done`),
        })),
      },
    ],
  };

  it("never splits a role's heading from its first bullet across pages", async () => {
    const file = await render({ kind: 'resume', format: 'PDF', resume: longResume });
    const pages = await pdfPages(file.bytes);
    expect(pages.length).toBeGreaterThan(4);
    for (let i = 1; i <= 40; i++) {
      const headingPage = pages.findIndex((p) => p.includes(`Engineer ${i} — Company ${i}\n`));
      const bulletPage = pages.findIndex((p) => p.includes(`Bullet 1 of role ${i}:`));
      expect(headingPage, `role ${i}`).toBeGreaterThanOrEqual(0);
      expect(bulletPage, `role ${i}`).toBe(headingPage);
    }
  });

  it('is one column of real text in the standard fonts, nothing embedded', async () => {
    const file = await render({ kind: 'resume', format: 'PDF', resume: longResume });
    const raw = Buffer.from(file.bytes).toString('latin1');
    expect(raw.startsWith('%PDF-')).toBe(true);
    expect(raw).toMatch(/\/BaseFont \/Helvetica/);
    expect(raw).not.toMatch(/\/FontFile|\/Subtype \/Image/);
    const text = await pdfText(file.bytes);
    expect(text).toContain('Bullet 2 of role 40:');
    expect(file.mediaType).toBe('application/pdf');
    expect(file.filename).toBe('jane-doe-resume.pdf');
  });

  it('draws text outside the standard fonts without failing, close to the original', async () => {
    const file = await render({ kind: 'resume', format: 'PDF', resume: { ...longResume, name: 'Zoë Łukasz → Ñandú' } });
    expect(fold(await pdfText(file.bytes))).toContain('Zoë Lukasz -> Ñandú');
  });
});

describe('DOCX', () => {
  it('has real headings and real lists', async () => {
    const f = finals.find((x) => x.id.startsWith('01'))!;
    const file = await render({ kind: 'resume', format: 'DOCX', resume: f.model });
    const html = await docxHtml(file.bytes);
    expect(html).toMatch(/<h1>[^<]*Experience[^<]*<\/h1>/i);
    expect(html).toMatch(/<h2>Senior Software Engineer — Paylane GmbH<\/h2>/);
    expect(html).toMatch(/<ul><li>/);
    expect(html).toMatch(/<li>[^<]*Redis caching[^<]*<\/li>/);
    expect(file.mediaType).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
  });
});

describe('JSON Resume', () => {
  it.each(finals.map((f) => [f.id, f] as const))('of %s validates, with employers, titles, dates, bullets and skills in their fields', async (_id, f) => {
    const resume = f.model;
    const file = await render({ kind: 'resume', format: 'JSON_RESUME', resume });
    const json = JSON.parse(new TextDecoder().decode(file.bytes));
    expect(jsonResumeErrors(json)).toEqual([]);
    expect(json.basics.name).toBe(resume.name ?? undefined);
    const entries = resume.sections.filter((s) => s.kind === 'experience').flatMap((s) => s.entries);
    expect(json.work ?? []).toHaveLength(entries.length);
    entries.forEach((e, i) => {
      const work = json.work[i];
      if (e.company) expect(work.name).toBe(e.company);
      if (e.title) expect(work.position).toBe(e.title);
      expect(work.highlights).toEqual(e.bullets);
      if (e.startDate) expect(work.startDate).toBe(e.startDate);
      if (e.endDate) expect(work.endDate).toBe(e.endDate);
    });
    for (const skill of f.expected.skills.slice(0, 3)) {
      const skillLines = resume.sections.filter((s) => s.kind === 'skills').flatMap((s) => s.lines).join(' ').toLowerCase();
      if (!skillLines.includes(skill.toLowerCase())) continue;
      expect(JSON.stringify(json.skills).toLowerCase()).toContain(skill.toLowerCase());
    }
  });

  it('refuses a document that breaks the schema, saying where', () => {
    expect(jsonResumeErrors({ basics: { email: 'not an email' }, work: [{ startDate: 'last spring' }] }).join('\n')).toMatch(/email[\s\S]*startDate|startDate[\s\S]*email/);
  });
});

describe('the cover letter', () => {
  const markdown = 'Dear Initech hiring team,\n\nI am writing to apply.\n\nAt Acme Analytics, I cut p99 API latency by 40%.\n\nSincerely,  \nJane Doe\n';
  it.each(['PDF', 'DOCX', 'MARKDOWN'] as const)('as %s holds every paragraph', async (format) => {
    const letter = letterFromMarkdown(markdown, 'Jane Doe');
    const file = await render({ kind: 'letter', format, letter });
    const text =
      format === 'PDF' ? await pdfText(file.bytes) : format === 'DOCX' ? await docxText(file.bytes) : new TextDecoder().decode(file.bytes);
    for (const p of letter.paragraphs) expect(fold(text)).toContain(fold(p));
    expect(words(text)).toEqual(words(markdown));
    expect(file.filename).toMatch(/^jane-doe-cover-letter\.(pdf|docx|md)$/);
  });
});

describe('JSON Resume, odd contact details', () => {
  it('sets aside what the schema refuses where it stands, keeping it, and still validates', async () => {
    const resume = resumeFromDocument(buildResumeDocument('# Jane Doe\njäne@example.com | bücher.example/jane | 555 0100 123\n\n## Experience\n### Engineer — Acme\n2020 – Present\n- Built things\n'), []);
    const file = await render({ kind: 'resume', format: 'JSON_RESUME', resume });
    const json = JSON.parse(new TextDecoder().decode(file.bytes));
    expect(jsonResumeErrors(json)).toEqual([]);
    expect(json.basics.email).toBeUndefined();
    expect(json.meta.unplaced).toEqual({ '/basics/email': 'jäne@example.com' });
    expect(json.work[0]).toMatchObject({ name: 'Acme', position: 'Engineer', startDate: '2020', highlights: ['Built things'] });
  });
});
