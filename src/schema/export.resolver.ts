import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import type { ExportFormat as Format } from '../domain/rendered-resume.js';
import { ExportBusyError, ExportNotFoundError, ExportService, ExportUnavailableError, poolRenderer, type ExportedFile as File } from '../services/export-service.js';
import type { RequestContext } from './context.js';
import { badInput, codedError, notFound } from './errors.js';
import { ExportedFile, ExportFormat } from './types/export.js';

@Resolver()
export class ExportResolver {
  @Query(() => ExportedFile, {
    description: 'The final resume of one of your enhancements as a file: MARKDOWN, PDF, DOCX or JSON_RESUME. BAD_USER_INPUT until POLISH has completed.',
  })
  exportResume(
    @Arg('id', () => ID) id: string,
    @Arg('format', () => ExportFormat) format: Format,
    @Ctx() { tenant, services }: RequestContext,
  ): Promise<File> {
    return coded(new ExportService(services.store, poolRenderer(services.cpu)).exportResume(tenant, id, format));
  }

  @Query(() => ExportedFile, {
    description: 'The cover letter of one of your enhancements as a file: MARKDOWN, PDF or DOCX (JSON_RESUME is BAD_USER_INPUT).',
  })
  exportCoverLetter(
    @Arg('id', () => ID) id: string,
    @Arg('format', () => ExportFormat) format: Format,
    @Ctx() { tenant, services }: RequestContext,
  ): Promise<File> {
    return coded(new ExportService(services.store, poolRenderer(services.cpu)).exportCoverLetter(tenant, id, format));
  }
}

async function coded(work: Promise<File>): Promise<File> {
  try {
    return await work;
  } catch (error) {
    if (error instanceof ExportNotFoundError) throw notFound(error.id);
    if (error instanceof ExportUnavailableError) throw badInput(error.message, error.field);
    if (error instanceof ExportBusyError) throw codedError('RATE_LIMITED', error.message, { retryAfterSeconds: 5 });
    throw error;
  }
}
