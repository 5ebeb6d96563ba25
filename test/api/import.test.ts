import { monitorEventLoopDelay } from 'node:perf_hooks';
import { beforeAll, describe, expect, it } from 'vitest';
import { ImportResumeDocument } from '../../src/client/graphql/graphql.js';
import { useTestApp } from '../helpers/app.js';
import { post } from '../helpers/client.js';
import * as make from '../documents/make.js';

const testApp = useTestApp({ role: 'api' });

const importFile = (bytes: Uint8Array | string, filename = 'resume.pdf', mediaType?: string) =>
  post(testApp.app.api!.url, ImportResumeDocument, {
    file: { filename, contentBase64: typeof bytes === 'string' ? bytes : Buffer.from(bytes).toString('base64'), mediaType },
  });

const codeOf = (response: Awaited<ReturnType<typeof importFile>>) => response.body.errors?.[0]?.extensions?.code;

describe('importResume over GraphQL', () => {
  // The first read starts a thread and loads the readers; later tests measure a warm pool.
  beforeAll(async () => {
    await importFile(Buffer.from('warm up'), 'warm.txt');
  }, 60_000);

  it('answers the text of a PDF with its type, pages, characters and warnings', async () => {
    const { status, body } = await importFile(await make.textPdf());
    expect(status).toBe(200);
    const imported = body.data!.importResume;
    expect(imported).toMatchObject({ mediaType: 'application/pdf', pages: 1, warnings: [], characters: imported.text.length });
    for (const employer of make.EMPLOYERS) expect(imported.text).toContain(employer);
  });

  it('judges the type by content: a DOCX named resume.pdf is read as a DOCX, a data: URL prefix is accepted', async () => {
    const docx = await make.resumeDocx();
    const { body } = await importFile(`data:application/pdf;base64,${docx.toString('base64')}`, 'resume.pdf', 'application/pdf');
    expect(body.data!.importResume.mediaType).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(body.data!.importResume.warnings).toEqual([expect.stringMatching(/tables flattened/), expect.stringMatching(/image skipped/)]);
  });

  it('takes a file of 5 MiB (the HTTP body limit leaves room for it in base64) and refuses one byte more with BAD_USER_INPUT', async () => {
    const line = 'Staff Engineer at Northwind Analytics, building the ingestion platform\n';
    const text = line.repeat(Math.ceil((5 * 1024 * 1024) / line.length)).slice(0, 5 * 1024 * 1024);
    const accepted = await importFile(Buffer.from(text), 'resume.txt');
    expect(accepted.status).toBe(200);
    expect(accepted.body.data!.importResume.warnings).toEqual([
      expect.stringMatching(/cut at 200000 characters/),
      expect.stringMatching(/an enhancement takes at most 60000/),
    ]);
    const refused = await importFile(Buffer.from(`${text}x`), 'resume.txt');
    expect(codeOf(refused)).toBe('BAD_USER_INPUT');
    expect(refused.body.errors![0]!.extensions!.field).toBe('file.contentBase64');
    expect(refused.body.errors![0]!.message).toMatch(/5242881 bytes; the limit is 5242880/);
  });

  it('refuses content that is not base64 or empty with BAD_USER_INPUT', async () => {
    expect(codeOf(await importFile('not base64 at all!'))).toBe('BAD_USER_INPUT');
    expect(codeOf(await importFile(''))).toBe('BAD_USER_INPUT');
  });

  it.each([
    ['a scanned PDF', () => make.imageOnlyPdf(), /no text layer/],
    ['an encrypted PDF', () => make.textPdf({ userPassword: 'secret' }), /encrypted/],
    ['garbage bytes named resume.pdf', async () => Buffer.from(Array.from({ length: 2048 }, (_, i) => (i * 31 + 7) % 256)), /not a PDF, a DOCX/],
    ['a zip bomb posing as a DOCX', () => make.zipBombDocx(200), /expands to more than/],
    ['a JSON file that is not a JSON Resume', async () => Buffer.from('{"work": "everywhere"}'), /JSON Resume schema/],
  ])('answers UNREADABLE_DOCUMENT for %s', async (_name, file, reason) => {
    const response = await importFile(await file());
    expect(response.status).toBe(200);
    expect(response.body.data ?? null).toBeNull();
    expect(codeOf(response)).toBe('UNREADABLE_DOCUMENT');
    expect(response.body.errors![0]!.message).toMatch(reason);
  });

  it('keeps serving while ten imports run at once: they are read in worker threads', async () => {
    const pdf = await make.textPdf({ repeat: 18 }); // five pages
    const delay = monitorEventLoopDelay({ resolution: 10 });
    delay.enable();
    let importsDone = 0;
    const imports = Array.from({ length: 10 }, () => importFile(pdf).then((r) => (importsDone++, r)));
    const healthAnsweredWhileImporting: number[] = [];
    const health = (async () => {
      while (importsDone < 10) {
        const started = performance.now();
        const response = await fetch(testApp.app.api!.url.replace('/graphql', '/healthz'));
        expect(response.status).toBe(200);
        if (importsDone < 10) healthAnsweredWhileImporting.push(performance.now() - started);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    })();
    const responses = await Promise.all(imports);
    await health;
    delay.disable();
    for (const response of responses) expect(response.body.data!.importResume.text).toContain('Fabrikam Health 18');
    expect(healthAnsweredWhileImporting.length).toBeGreaterThan(0);
    // Generous bound for a loaded machine: parsing ten five-page PDFs on the event loop would block it for seconds.
    expect(delay.max / 1e6).toBeLessThan(1_000);
  });
});
