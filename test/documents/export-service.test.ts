/**
 * ExportService on its own, with a real CPU pool: the resume is rendered from the document and its
 * APPLIED changes; renders run on the pool's threads (the event loop keeps ticking while the
 * largest resumes render), in the tenant's own line, and a tenant whose line is full is refused.
 */
import { describe, expect, it } from 'vitest';
import { transferableSymbol, valueSymbol } from 'piscina';
import { runCpuTask } from '../../src/cpu/tasks.js';
import type { RenderedFile } from '../../src/domain/rendered-resume.js';
import { render, resumeFromDocument } from '../../src/documents/render/index.js';
import { buildResumeDocument } from '../../src/documents/resume-document.js';
import type { ResumeChange } from '../../src/domain/changes.js';
import { ExportBusyError, ExportService, poolRenderer } from '../../src/services/export-service.js';
import type { EnhancementRecord } from '../../src/store/types.js';
import { fold, pdfText } from './read-back.js';
import { poolsClosedAfterAll } from '../helpers/cpu-pools.js';

/** A resume of about `chars` characters: many short roles, each with two bullets. */
function resumeOf(chars: number): string {
  const lines: string[] = ['Jane Doe', 'jane@example.com', '', 'Experience'];
  for (let i = 0; lines.join('\n').length < chars; i++) {
    lines.push(
      `Senior Engineer ${i} — Company${i} Ltd`,
      `Jan ${2000 + (i % 20)} – Dec ${2001 + (i % 20)}`,
      `- Led ${i % 9} engineers to cut latency by ${i % 50}% on service ${i}`,
      `- Shipped release ${i} of the billing platform with the team`,
    );
  }
  return lines.join('\n').slice(0, chars);
}

function recordOf(resumeText: string, changes: ResumeChange[] = []): EnhancementRecord {
  const document = buildResumeDocument(resumeText);
  return {
    id: 'enh_1',
    tenant: 't',
    status: 'COMPLETED',
    requestedStages: ['ANALYSIS', 'RESEARCH', 'DRAFT', 'STAR', 'POLISH'],
    input: { resumeText },
    outputs: { POLISH: { finalResumeMarkdown: resumeText, editorialNotes: [], provenance: [], changes, document } },
  } as unknown as EnhancementRecord;
}

/** Any tenant owns the record: the tenant lines are what these tests look at. */
const storeOf = (record: EnhancementRecord) => ({ getOwned: async (id: string) => (id === record.id ? record : null) });

const pool = poolsClosedAfterAll();

const change = (over: Partial<ResumeChange>): ResumeChange => ({
  id: 'c1',
  stage: 'STAR',
  target: 'experience[0].bullets[0]',
  before: 'Led 0 engineers to cut latency by 0% on service 0',
  after: 'Cut service latency across the fleet with a team of engineers',
  status: 'APPLIED',
  reviewed: false,
  findings: [],
  ...over,
});

/** The longest wait between two ticks of a 5 ms timer while `work` runs, and its result. */
async function longestGapWith<T>(work: () => Promise<T>): Promise<[number, T]> {
  let last = performance.now();
  let worst = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    worst = Math.max(worst, now - last);
    last = now;
  }, 5);
  try {
    await new Promise((resolve) => setTimeout(resolve, 20));
    const result = await work();
    await new Promise((resolve) => setTimeout(resolve, 20));
    return [worst, result];
  } finally {
    clearInterval(timer);
  }
}
const longestGap = async (work: () => Promise<unknown>): Promise<number> => (await longestGapWith(work))[0];

describe('ExportService', () => {
  it('renders the document with its APPLIED changes, and a HELD change not at all', async () => {
    const text = resumeOf(1_500);
    const service = (status: ResumeChange['status']) => new ExportService(storeOf(recordOf(text, [change({ status })])), poolRenderer(pool({ threads: 1 })));
    const applied = fold(await pdfText(new Uint8Array(Buffer.from((await service('APPLIED').exportResume('t', 'enh_1', 'PDF')).contentBase64, 'base64'))));
    expect(applied).toContain('Cut service latency across the fleet with a team of engineers');
    expect(applied).not.toContain('Led 0 engineers to cut latency by 0% on service 0');
    const held = fold(await pdfText(new Uint8Array(Buffer.from((await service('HELD').exportResume('t', 'enh_1', 'PDF')).contentBase64, 'base64'))));
    expect(held).not.toContain('Cut service latency across the fleet');
    expect(held).toContain('Led 0 engineers to cut latency by 0% on service 0');
  });

  it("renders on the pool's threads: the event loop keeps ticking while maximum-size PDFs render", async () => {
    const record = recordOf(resumeOf(60_000));
    const cpu = pool({ threads: 2, perTenant: 2 });
    const service = new ExportService(storeOf(record), poolRenderer(cpu));
    await service.exportResume('t', 'enh_1', 'PDF'); // the threads have loaded the renderers

    // The same six exports rendered on this thread hold the event loop for as long as they take.
    const inline = new ExportService(storeOf(record), (j) => render(j));
    const six = (via: ExportService) => Promise.all(Array.from({ length: 6 }, (_, i) => via.exportResume(i % 2 ? 't' : 'u', 'enh_1', 'PDF')));
    const blocked = await longestGap(() => six(inline));
    const [worst, files] = await longestGapWith(() => six(service));

    expect(files.every((f) => f.mediaType === 'application/pdf' && f.byteLength > 10_000)).toBe(true);
    expect(blocked, 'six renders on the event loop block it').toBeGreaterThan(200);
    // generous: the machine is shared, but on the pool six renders never hold the loop as they do inline
    expect(worst, `worst event-loop delay ${worst.toFixed(0)} ms on the pool; ${blocked.toFixed(0)} ms inline`).toBeLessThan(blocked / 4);
  });

  it("hands a render's bytes back by transfer: the whole ArrayBuffer of the file, nothing copied", async () => {
    const polish = recordOf(resumeOf(1_500)).outputs.POLISH!;
    for (const format of ['MARKDOWN', 'PDF', 'DOCX', 'JSON_RESUME'] as const) {
      const answer = (await runCpuTask({ task: 'render', input: { kind: 'resume', format, resume: resumeFromDocument(polish.document, polish.changes) } })) as Record<symbol, unknown>;
      const file = answer[valueSymbol] as RenderedFile;
      expect(answer[transferableSymbol], format).toEqual([file.bytes.buffer]);
      expect((answer[transferableSymbol] as ArrayBuffer[])[0], format).toBe(file.bytes.buffer);
      expect(file.bytes.byteOffset === 0 && file.bytes.byteLength === file.bytes.buffer.byteLength, format).toBe(true);
    }
  });

  it("runs a tenant's renders in its own line and refuses one whose line is full, while another tenant's goes ahead", async () => {
    const service = new ExportService(storeOf(recordOf(resumeOf(20_000))), poolRenderer(pool({ threads: 1, perTenant: 1, maxQueuedPerTenant: 2 })));
    const flood = Array.from({ length: 4 }, () => service.exportResume('t', 'enh_1', 'PDF').then((f) => f, (e: unknown) => e));
    const other = service.exportResume('u', 'enh_1', 'DOCX');
    const results = await Promise.all(flood);
    expect(results.filter((r) => r instanceof ExportBusyError)).toHaveLength(1);
    expect(results.filter((r) => !(r instanceof Error)).map((r) => (r as { mediaType: string }).mediaType)).toEqual(Array(3).fill('application/pdf'));
    expect((await other).filename).toBe('jane-doe-resume.docx');
  });
});
