/**
 * exportResume and exportCoverLetter: the tenant's own enhancement, its final resume (or letter)
 * read into the render model, rendered in the format asked for. Rendering is CPU work: at most
 * `MAX_CONCURRENT_RENDERS` run at once in this process, and the render call itself (`render`, plain
 * data in and out) can move to a worker-thread pool by passing another `renderer`.
 */
import type { EnhancementStore } from '../store/enhancement-store.js';
import type { ExportFormat, RenderedFile } from '../domain/rendered-resume.js';
import { letterFromMarkdown, render, resumeFromMarkdown, type RenderJob } from '../documents/render/index.js';

export type Renderer = (job: RenderJob) => Promise<RenderedFile>;

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

/** Too many renders are running or waiting in this process: try again shortly. */
export class ExportBusyError extends Error {
  override name = 'ExportBusyError';
}

const MAX_CONCURRENT_RENDERS = 2;
/** Renders that may wait for a turn; past that a request is refused at once rather than queued without end. */
const MAX_WAITING_RENDERS = 32;
let running = 0;
const waiting: Array<() => void> = [];

async function bounded<T>(work: () => Promise<T>): Promise<T> {
  if (running >= MAX_CONCURRENT_RENDERS) {
    if (waiting.length >= MAX_WAITING_RENDERS) throw new ExportBusyError(`${MAX_WAITING_RENDERS} exports are already waiting in this server; try again in a few seconds`);
    await new Promise<void>((resolve) => waiting.push(resolve));
  }
  running++;
  try {
    return await work();
  } finally {
    running--;
    waiting.shift()?.();
  }
}

function toExported(file: RenderedFile): ExportedFile {
  const buffer = Buffer.from(file.bytes.buffer, file.bytes.byteOffset, file.bytes.byteLength);
  return { filename: file.filename, mediaType: file.mediaType, byteLength: buffer.byteLength, contentBase64: buffer.toString('base64') };
}

export class ExportService {
  constructor(
    private readonly store: Pick<EnhancementStore, 'getOwned'>,
    private readonly renderer: Renderer = render,
  ) {}

  async exportResume(tenant: string, id: string, format: ExportFormat): Promise<ExportedFile> {
    const record = await this.store.getOwned(id, tenant);
    if (!record) throw new ExportNotFoundError(id);
    const markdown = record.outputs.POLISH?.finalResumeMarkdown;
    if (!markdown?.trim()) {
      throw new ExportUnavailableError(
        record.requestedStages.includes('POLISH')
          ? `enhancement ${id} has no final resume yet (status ${record.status}); export it once POLISH has completed`
          : `enhancement ${id} did not ask for a final resume (POLISH was not among its stages)`,
        'id',
      );
    }
    return bounded(async () => toExported(await this.renderer({ kind: 'resume', format, resume: resumeFromMarkdown(markdown) })));
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
    const name = nameOf(record.input.resumeText);
    return bounded(async () => toExported(await this.renderer({ kind: 'letter', format, letter: letterFromMarkdown(letter.markdown, name) })));
  }
}

/** The candidate's name for the file's title and name (the resume's own first line as read). */
function nameOf(resumeText: string): string | null {
  return resumeFromMarkdown(resumeText).name;
}
