/**
 * exportResume and exportCoverLetter over real HTTP against the local engine and real Redis: every
 * format of a finished enhancement, the tenant rules (another tenant's id is NOT_FOUND), and
 * BAD_USER_INPUT where there is nothing to export yet or the format does not apply.
 */
import { describe, expect, it } from 'vitest';
import {
  CoverLetterDocument,
  EnhancementChangesDocument,
  EnhancementProgressDocument,
  ExportCoverLetterDocument,
  ExportResumeDocument,
  ReviewChangesDocument,
  StartEnhancementDocument,
} from '../../src/client/graphql/graphql.js';
import { winAnsi } from '../../src/documents/render/pdf.js';
import { jsonResumeErrors } from '../../src/documents/render/index.js';
import { verifyTailoring } from '../../src/local/index.js';
import { useTestApp } from '../helpers/app.js';
import { collect, post, request, wsClient } from '../helpers/client.js';
import { JOB_A, RESUME_A } from '../helpers/samples.js';
import { docxText, fold, pdfText } from '../documents/read-back.js';

const KEY_A = 'alpha-export-key-0001';
const KEY_B = 'beta-export-key-0002';
const testApp = useTestApp({ env: { IMAGINATOR_API_KEYS: `alpha:${KEY_A},beta:${KEY_B}` } });
const as = (key: string) => ({ authorization: `Bearer ${key}` });

async function finished(stages: string[] | undefined, key = KEY_A): Promise<string> {
  const { startEnhancement } = await request(
    testApp.app.api!.url,
    StartEnhancementDocument,
    { input: { resumeText: RESUME_A, jobAd: JOB_A, stages: stages as never } },
    as(key),
  );
  const client = wsClient(testApp.app.api!.wsUrl, as(key));
  try {
    await collect(client, EnhancementProgressDocument, { id: startEnhancement.id }).done;
  } finally {
    await client.dispose();
  }
  return startEnhancement.id;
}

const decode = (base64: string): Uint8Array => new Uint8Array(Buffer.from(base64, 'base64'));

describe('exportResume', () => {
  it('renders the final resume in every format, each saying what finalResumeMarkdown says', async () => {
    const id = await finished(['POLISH', 'COVER_LETTER']);
    const { body } = await post(testApp.app.api!.url, `query($id: ID!) { enhancement(id: $id) { status requestedStages finalResumeMarkdown } }`, { id }, as(KEY_A));
    const enhancement = (body.data as { enhancement: { status: string; requestedStages: string[]; finalResumeMarkdown: string } }).enhancement;
    expect(enhancement.status).toBe('COMPLETED');
    expect(enhancement.requestedStages).toEqual(['ANALYSIS', 'RESEARCH', 'DRAFT', 'STAR', 'POLISH', 'COVER_LETTER']);
    const markdown = enhancement.finalResumeMarkdown;

    const files = Object.fromEntries(
      await Promise.all(
        (['MARKDOWN', 'PDF', 'DOCX', 'JSON_RESUME'] as const).map(async (format) => {
          const { exportResume } = await request(testApp.app.api!.url, ExportResumeDocument, { id, format }, as(KEY_A));
          expect(exportResume.byteLength).toBe(Buffer.from(exportResume.contentBase64, 'base64').byteLength);
          return [format, exportResume] as const;
        }),
      ),
    );
    expect(files.MARKDOWN!.mediaType).toMatch(/^text\/markdown/);
    expect(files.PDF!.filename).toBe('jane-doe-resume.pdf');
    expect(files.DOCX!.filename).toBe('jane-doe-resume.docx');
    expect(files.JSON_RESUME!.mediaType).toBe('application/json');

    const baseline = verifyTailoring(RESUME_A, markdown).findings.map((f) => f.kind).sort();
    for (const [format, text] of [
      ['MARKDOWN', new TextDecoder().decode(decode(files.MARKDOWN!.contentBase64))],
      ['PDF', await pdfText(decode(files.PDF!.contentBase64))],
      ['DOCX', await docxText(decode(files.DOCX!.contentBase64))],
    ] as const) {
      for (const phrase of ['Jane Doe', 'Acme Analytics', 'Globex', 'Cut p99 API latency by 40%', 'Technical University of Munich']) {
        expect(fold(text), `${format}: ${phrase}`).toContain(phrase);
      }
      expect(verifyTailoring(RESUME_A, text).findings.map((f) => f.kind).sort(), format).toEqual(baseline);
    }
    const json = JSON.parse(new TextDecoder().decode(decode(files.JSON_RESUME!.contentBase64)));
    expect(jsonResumeErrors(json)).toEqual([]);
    expect(json.work.map((w: { name: string }) => w.name)).toEqual(['Acme Analytics', 'Globex']);

    // the letter, in its three formats; JSON_RESUME is not one of them
    const { enhancement: withLetter } = await request(testApp.app.api!.url, CoverLetterDocument, { id }, as(KEY_A));
    expect(withLetter.coverLetter!.markdown).toMatch(/^Dear Initech hiring team,/);
    expect(withLetter.coverLetter!.findings).toEqual([]);
    for (const format of ['MARKDOWN', 'PDF', 'DOCX'] as const) {
      const { exportCoverLetter } = await request(testApp.app.api!.url, ExportCoverLetterDocument, { id, format }, as(KEY_A));
      const bytes = decode(exportCoverLetter.contentBase64);
      const text = format === 'PDF' ? await pdfText(bytes) : format === 'DOCX' ? await docxText(bytes) : new TextDecoder().decode(bytes);
      expect(fold(text)).toContain('I am writing to apply for the Staff Backend Engineer role at Initech.');
      expect(exportCoverLetter.filename).toMatch(/^jane-doe-cover-letter\./);
    }
    const json1 = await post(testApp.app.api!.url, ExportCoverLetterDocument, { id, format: 'JSON_RESUME' }, as(KEY_A));
    expect(json1.body.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');

    // another tenant's id is NOT_FOUND, like an unknown one
    for (const document of [ExportResumeDocument, ExportCoverLetterDocument] as const) {
      const theirs = await post(testApp.app.api!.url, String(document), { id, format: 'PDF' }, as(KEY_B));
      expect(theirs.body.errors![0]!.extensions!.code).toBe('NOT_FOUND');
      const unknown = await post(testApp.app.api!.url, String(document), { id: 'enh_nope', format: 'PDF' }, as(KEY_A));
      expect(unknown.body.errors![0]!.extensions!.code).toBe('NOT_FOUND');
      expect(theirs.body.errors![0]!.message).not.toContain('alpha');
    }
  });

  it('renders what a review left: a change held after POLISH is gone from the PDF and DOCX, its original back', async () => {
    const id = await finished(['POLISH']);
    const { enhancement } = await request(testApp.app.api!.url, EnhancementChangesDocument, { id }, as(KEY_A));
    // a rewritten bullet whose new text is not part of its old one
    const change = enhancement!.changes!.find((c) => c.status === 'APPLIED' && c.before && /bullets\[\d+\]$/.test(c.target) && !c.before.includes(c.after))!;
    expect(change, JSON.stringify(enhancement!.changes)).toBeDefined();
    const exported = async (): Promise<Record<'PDF' | 'DOCX', string>> => {
      const read = async (format: 'PDF' | 'DOCX') => {
        const bytes = decode((await request(testApp.app.api!.url, ExportResumeDocument, { id, format }, as(KEY_A))).exportResume.contentBase64);
        return fold(format === 'PDF' ? await pdfText(bytes) : await docxText(bytes));
      };
      return { PDF: await read('PDF'), DOCX: await read('DOCX') };
    };
    const drawn = (format: 'PDF' | 'DOCX', text: string) => fold(format === 'PDF' ? winAnsi(text) : text);

    const before = await exported();
    for (const format of ['PDF', 'DOCX'] as const) expect(before[format], `${format} before the review`).toContain(drawn(format, change.after));

    const { reviewChanges } = await request(testApp.app.api!.url, ReviewChangesDocument, { id, hold: [change.id] }, as(KEY_A));
    expect(reviewChanges.changes!.find((c) => c.id === change.id)!.status).toBe('HELD');
    const after = await exported();
    for (const format of ['PDF', 'DOCX'] as const) {
      expect(after[format], `${format} after the review`).not.toContain(drawn(format, change.after));
      expect(after[format], `${format} after the review`).toContain(drawn(format, change.before!));
    }
  });

  it('answers BAD_USER_INPUT when the enhancement has no final resume or no letter', async () => {
    const id = await finished(['ANALYSIS']);
    const resume = await post(testApp.app.api!.url, ExportResumeDocument, { id, format: 'DOCX' }, as(KEY_A));
    expect(resume.body.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
    expect(resume.body.errors![0]!.message).toMatch(/no final resume|did not ask for a final resume/);
    const letter = await post(testApp.app.api!.url, ExportCoverLetterDocument, { id, format: 'PDF' }, as(KEY_A));
    expect(letter.body.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
    expect(letter.body.errors![0]!.message).toMatch(/cover letter/);
  });

  it('runs every stage but COVER_LETTER by default', async () => {
    const { startEnhancement } = await request(testApp.app.api!.url, StartEnhancementDocument, { input: { resumeText: RESUME_A, jobAd: JOB_A } }, as(KEY_A));
    expect(startEnhancement.requestedStages).toEqual(['ANALYSIS', 'RESEARCH', 'DRAFT', 'STAR', 'POLISH', 'SUGGEST', 'CRITIQUE']);
  });
});
