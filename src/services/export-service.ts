/**
 * exportResume and exportCoverLetter: the tenant's own enhancement, its final resume (the resume
 * document with the applied changes, as POLISH or a later review left them) or its letter, rendered
 * in the format asked for. Rendering is CPU work: it runs on the CPU pool's threads (the `render`
 * task), in the tenant's own line there, so the event loop keeps answering and one tenant's flood of
 * exports waits behind itself; a tenant whose line is full is refused at once (ExportBusyError).
 */
import { CpuQueueFullError, cpuPool, type CpuPool } from '../cpu/index.js';
import { buildResumeDocument } from '../documents/resume-document.js';
import type { ExportFormat, RenderedFile } from '../domain/rendered-resume.js';
import { letterFromMarkdown, resumeFromDocument, type RenderJob } from '../documents/render/index.js';
import type { EnhancementStore } from '../store/enhancement-store.js';

/** Renders one job for a tenant (the CPU pool's `render` task by default). */
export type Renderer = (job: RenderJob, tenant: string) => Promise<RenderedFile>;

export const poolRenderer =
  (pool: Pick<CpuPool, 'run'>): Renderer =>
  (job, tenant) =>
    pool.run('render', job, { tenant });

export class ExportNotFoundError extends Error {
  override name = 'ExportNotFoundError';
  constructor(readonly id: string) {
    super(`no enhancement with id ${JSON.stringify(id)}`);
  }
}

/** The request cannot be answered as asked (no final resume yet, no letter asked for, a format the letter has not). */
export class ExportUnavailableError extends Error {
  override name = 'ExportUnavailableError';
  constructor(
    message: string,
    readonly field: 'id' | 'format',
  ) {
    super(message);
  }
}

export interface ExportedFile {
  filename: string;
  mediaType: string;
  byteLength: number;
  contentBase64: string;
}

/** The tenant has too many renders (or other CPU tasks) waiting already: try again shortly. */
export class ExportBusyError extends Error {
  override name = 'ExportBusyError';
}

function toExported(file: RenderedFile): ExportedFile {
  const buffer = Buffer.from(file.bytes.buffer, file.bytes.byteOffset, file.bytes.byteLength);
  return { filename: file.filename, mediaType: file.mediaType, byteLength: buffer.byteLength, contentBase64: buffer.toString('base64') };
}

export class ExportService {
  constructor(
    private readonly store: Pick<EnhancementStore, 'getOwned'>,
    private readonly renderer: Renderer = poolRenderer(cpuPool()),
  ) {}

  private async render(tenant: string, job: RenderJob): Promise<ExportedFile> {
    try {
      return toExported(await this.renderer(job, tenant));
    } catch (error) {
      if (error instanceof CpuQueueFullError) throw new ExportBusyError('too many exports (or other CPU work) of this API key are waiting already; try again in a few seconds');
      throw error;
    }
  }

  async exportResume(tenant: string, id: string, format: ExportFormat): Promise<ExportedFile> {
    const record = await this.store.getOwned(id, tenant);
    if (!record) throw new ExportNotFoundError(id);
    const polish = record.outputs.POLISH;
    if (!polish?.finalResumeMarkdown.trim()) {
      throw new ExportUnavailableError(
        record.requestedStages.includes('POLISH')
          ? `enhancement ${id} has no final resume yet (status ${record.status}); export it once POLISH has completed`
          : `enhancement ${id} did not ask for a final resume (POLISH was not among its stages)`,
        'id',
      );
    }
    // a record written before POLISH kept its document: its final markdown, read as a document, changes applied
    const resume = polish.document ? resumeFromDocument(polish.document, polish.changes ?? []) : resumeFromDocument(buildResumeDocument(polish.finalResumeMarkdown), []);
    return this.render(tenant, { kind: 'resume', format, resume });
  }

  async exportCoverLetter(tenant: string, id: string, format: ExportFormat): Promise<ExportedFile> {
    const record = await this.store.getOwned(id, tenant);
    if (!record) throw new ExportNotFoundError(id);
    if (format === 'JSON_RESUME') throw new ExportUnavailableError('a cover letter has no JSON Resume form: ask for MARKDOWN, PDF or DOCX', 'format');
    const letter = record.outputs.COVER_LETTER;
    if (!letter) {
      throw new ExportUnavailableError(
        record.requestedStages.includes('COVER_LETTER')
          ? `enhancement ${id} has no cover letter yet (status ${record.status}); export it once COVER_LETTER has completed`
          : `enhancement ${id} did not ask for a cover letter: start one with the COVER_LETTER stage or the coverLetter field`,
        'id',
      );
    }
    // the candidate's name, for the file's title and name: the document's, or the resume's own as read
    const name = (record.outputs.POLISH?.document ?? buildResumeDocument(record.input.resumeText)).name;
    return this.render(tenant, { kind: 'letter', format, letter: letterFromMarkdown(letter.markdown, name) });
  }
}
