import { afterAll, describe, expect, it } from 'vitest';
import { DocumentImportPool, ImportBusyError } from '../../src/documents/import/pool.js';
import { UnreadableDocumentError } from '../../src/documents/import/types.js';
import * as make from './make.js';

const pool = new DocumentImportPool({ threads: 2, timeoutMs: 60_000 });
afterAll(() => pool.close());

const read = (bytes: Uint8Array) => pool.read(bytes);

/** The text's lines without list markers, heading marks or surrounding space. */
const plainLines = (text: string) => text.split('\n').map((l) => l.replace(/^\s*(#+|[-•*])\s+/, '').trim()).filter(Boolean);

/** Each expected line is a line of the text, in this order. */
function expectInOrder(text: string, expected: string[]): void {
  const lines = plainLines(text);
  let at = -1;
  for (const line of expected) {
    const next = lines.findIndex((l, i) => i > at && l === line);
    expect(next, `"${line}" after line ${at} ("${lines[at] ?? ''}") in:\n${text}`).toBeGreaterThan(at);
    at = next;
  }
}

async function refusal(bytes: Uint8Array): Promise<string> {
  const error = await read(bytes).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(UnreadableDocumentError);
  return (error as Error).message;
}

describe('importing a resume document (in worker threads)', () => {
  it('reads a text-layer PDF: every employer, the lines in order, its page count', async () => {
    const imported = await read(await make.textPdf());
    expect(imported).toMatchObject({ mediaType: 'application/pdf', pages: 1, warnings: [] });
    for (const employer of make.EMPLOYERS) expect(imported.text).toContain(employer);
    expectInOrder(imported.text, make.resumeLines());
  });

  it('says a PDF\'s images were skipped', async () => {
    const imported = await read(await make.textPdf({ photo: true }));
    expect(imported.warnings).toEqual(['images skipped: only the text layer is read']);
    expectInOrder(imported.text, make.resumeLines());
  });

  it('reads a two-column PDF column by column, and says it re-ordered them', async () => {
    const imported = await read(await make.twoColumnPdf());
    expect(imported.warnings.join(' ')).toMatch(/two columns re-ordered \(page 1\)/);
    for (const employer of make.EMPLOYERS) expect(imported.text).toContain(employer);
    // The experience column reads as one uninterrupted block: no sidebar line between its lines.
    const main = make.RESUME.roles.flatMap((r) => [`${r.title} — ${r.employer}`, r.dates, ...r.bullets]);
    const lines = plainLines(imported.text);
    const start = lines.indexOf(main[0]!);
    expect(lines.slice(start, start + main.length)).toEqual(main);
    // The sidebar too: its skills one after another, then its education, all before the summary.
    expectInOrder(imported.text, [make.RESUME.name, 'Contact', ...make.RESUME.skills, 'Education', 'Summary', make.RESUME.summary, ...main]);
  });

  it('reads a five-page PDF whole', async () => {
    const roles = make.manyRoles(18);
    const imported = await read(await make.textPdf({ repeat: 18 }));
    expect(imported.pages).toBe(5);
    expectInOrder(imported.text, roles.flatMap((r) => [`${r.title} — ${r.employer}`, r.dates]));
  });

  it('reads a DOCX: headings, bullets, the table of titles and dates flattened, the photo skipped', async () => {
    const imported = await read(await make.resumeDocx());
    expect(imported.mediaType).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(imported.pages).toBeNull();
    expect(imported.warnings).toEqual([expect.stringMatching(/^3 tables flattened/), expect.stringMatching(/^1 image skipped/)]);
    expectInOrder(imported.text, make.resumeLines());
    expect(imported.text).toContain(`- ${make.RESUME.roles[0]!.bullets[0]}`);
  });

  it('reads a JSON Resume that validates against the schema into resume text', async () => {
    const imported = await read(Buffer.from(JSON.stringify(make.jsonResume(), null, 2)));
    expect(imported.mediaType).toBe('application/json');
    expectInOrder(imported.text, [
      make.RESUME.name,
      make.RESUME.summary,
      ...make.RESUME.roles.flatMap((r) => [`${r.title} — ${r.employer}`, ...r.bullets]),
      'M.Sc. in Computer Science, University of Manchester, 2013',
    ]);
    expect(imported.text).toContain('2021-03 – Present');
    expect(imported.text).toContain('2017-01 – 2021-02');
  });

  it('reads markdown and plain text as they are, judging the type by content, not by name', async () => {
    const markdown = await read(Buffer.from(`\ufeff${make.resumeMarkdown().replace(/\n/g, '\r\n')}`));
    expect(markdown).toMatchObject({ mediaType: 'text/markdown', text: make.resumeMarkdown() });
    const plain = await read(Buffer.from('Amara Okafor\nStaff Engineer at Northwind Analytics\n'));
    expect(plain).toMatchObject({ mediaType: 'text/plain', text: 'Amara Okafor\nStaff Engineer at Northwind Analytics' });
  });

  describe('refuses what holds no readable text, never inventing a resume', () => {
    it('a scanned (image-only) PDF', async () => {
      expect(await refusal(await make.imageOnlyPdf())).toMatch(/no text layer/);
    });

    it('an encrypted PDF', async () => {
      expect(await refusal(await make.textPdf({ userPassword: 'secret' }))).toMatch(/encrypted/);
    });

    it('a truncated PDF', async () => {
      const pdf = await make.textPdf();
      expect(await refusal(pdf.subarray(0, 400))).toMatch(/PDF/);
    });

    it('garbage bytes', async () => {
      const garbage = Buffer.alloc(4096);
      for (let i = 0; i < garbage.length; i++) garbage[i] = (i * 7919 + 13) % 256;
      expect(await refusal(garbage)).toMatch(/not a PDF, a DOCX, a JSON Resume or text/);
    });

    it('a zip bomb posing as a DOCX, from its directory, before inflating it', async () => {
      const bomb = await make.zipBombDocx(200);
      const started = performance.now();
      expect(await refusal(bomb)).toMatch(/expands to more than 40 MiB/);
      expect(bomb.length).toBeLessThan(1024 * 1024);
      expect(performance.now() - started).toBeLessThan(10_000);
    });

    it('a zip bomb whose directory lies about its sizes', async () => {
      expect(await refusal(await make.lyingZipBombDocx(64))).toMatch(/does not inflate to its declared size/);
    });

    it('a PDF bomb (a small PDF whose content stream inflates to 64 MiB), before pdf.js reads it', async () => {
      const bomb = make.pdfBomb(64);
      expect(bomb.length).toBeLessThan(1024 * 1024);
      expect(await refusal(bomb)).toMatch(/compressed streams expand to more than 40 MiB/);
    });

    it('a zip that is not a DOCX', async () => {
      expect(await refusal(await make.plainZip())).toMatch(/not a DOCX/);
    });

    it('JSON that is not a JSON Resume', async () => {
      expect(await refusal(Buffer.from(JSON.stringify({ basics: { name: 'A' }, work: [{ name: 'Acme', startDate: 'last spring' }] })))).toMatch(
        /does not validate against the JSON Resume schema: \/work\/0\/startDate/,
      );
      expect(await refusal(Buffer.from('{"basics": '))).toMatch(/not valid JSON/);
    });

    it('a file of whitespace', async () => {
      expect(await refusal(Buffer.from('  \n\n \t'))).toMatch(/no text/);
    });
  });

  it('stops a read that runs past its time limit and ends its thread', async () => {
    const slow = new DocumentImportPool({ threads: 1, timeoutMs: 1 });
    try {
      const error = await slow.read(await make.textPdf({ repeat: 8 })).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(UnreadableDocumentError);
      expect((error as Error).message).toMatch(/took longer than/);
    } finally {
      await slow.close();
    }
  });

  it('refuses a read as busy when every thread is reading and the queue is full', async () => {
    const small = new DocumentImportPool({ threads: 1, maxQueue: 1, timeoutMs: 60_000 });
    try {
      const pdf = await make.textPdf({ repeat: 18 });
      const outcomes = await Promise.allSettled(Array.from({ length: 4 }, () => small.read(pdf)));
      const busy = outcomes.filter((o) => o.status === 'rejected' && o.reason instanceof ImportBusyError);
      const read = outcomes.filter((o) => o.status === 'fulfilled');
      expect(busy.length).toBeGreaterThanOrEqual(1);
      expect(read.length).toBeGreaterThanOrEqual(1);
      expect(busy.length + read.length).toBe(4);
    } finally {
      await small.close();
    }
  });

  it('starts a read\'s time limit when a thread takes it, not while it waits for one', async () => {
    const pdf = await make.textPdf();
    const warm = new DocumentImportPool({ threads: 1, maxQueue: 1_000, timeoutMs: 60_000 });
    await warm.read(pdf);
    const t0 = performance.now();
    for (let i = 0; i < 5; i++) await warm.read(pdf);
    const single = (performance.now() - t0) / 5;
    await warm.close();
    // Each read alone fits its limit many times over; all of them one after another do not.
    const timeoutMs = Math.max(2_000, 20 * single);
    const count = Math.ceil((3 * timeoutMs) / single);
    const one = new DocumentImportPool({ threads: 1, maxQueue: count, timeoutMs });
    try {
      await one.read(pdf);
      const started = performance.now();
      const outcomes = await Promise.allSettled(Array.from({ length: count }, () => one.read(pdf)));
      expect(performance.now() - started).toBeGreaterThan(timeoutMs);
      expect(outcomes.filter((o) => o.status === 'rejected').map((o) => String((o as PromiseRejectedResult).reason))).toEqual([]);
    } finally {
      await one.close();
    }
  }, 120_000);
});
