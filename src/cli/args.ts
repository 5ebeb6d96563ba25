/** Option parsing helpers for commander: every bad value is a usage error (exit 2). */
import { readFile } from 'node:fs/promises';
import { InvalidArgumentError } from 'commander';
import { CliError, EXIT } from './exit-codes.js';
import type { Creativity, ExportFormat, PipelineStage } from '../client/graphql/graphql.js';

export const STAGES: readonly PipelineStage[] = ['ANALYSIS', 'RESEARCH', 'DRAFT', 'STAR', 'POLISH', 'SUGGEST', 'CRITIQUE', 'COVER_LETTER'];
/** `--format` names and the API's export formats. */
export const FORMATS: Readonly<Record<string, ExportFormat>> = { md: 'MARKDOWN', pdf: 'PDF', docx: 'DOCX', json: 'JSON_RESUME' };
export const CREATIVITY: readonly Creativity[] = ['CONSERVATIVE', 'BALANCED', 'BOLD'];
export const DEFAULT_URL = 'http://127.0.0.1:4000/graphql';

export function parseStages(value: string): PipelineStage[] {
  const stages = value
    .split(',')
    .map((s) => s.trim().toUpperCase())
    .filter(Boolean);
  if (!stages.length) throw new InvalidArgumentError(`give one or more of ${STAGES.join(', ')}`);
  for (const stage of stages) {
    if (!(STAGES as readonly string[]).includes(stage)) throw new InvalidArgumentError(`unknown stage ${stage}; the stages are ${STAGES.join(', ')}`);
  }
  return [...new Set(stages)] as PipelineStage[];
}

export function parseFormat(value: string): ExportFormat {
  const format = FORMATS[value.trim().toLowerCase()];
  if (!format) throw new InvalidArgumentError(`use one of ${Object.keys(FORMATS).join(', ')}`);
  return format;
}

export function parseCreativity(value: string): Creativity {
  const upper = value.trim().toUpperCase();
  if (!(CREATIVITY as readonly string[]).includes(upper)) throw new InvalidArgumentError(`use one of ${CREATIVITY.map((c) => c.toLowerCase()).join(', ')}`);
  return upper as Creativity;
}

export function parseUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new InvalidArgumentError('not a URL (e.g. http://127.0.0.1:4000/graphql)');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new InvalidArgumentError('use an http:// or https:// URL');
  return url.toString();
}

/** Reads a file's bytes, or stdin for `-`. */
export async function readBytes(path: string, what: string, stdin: NodeJS.ReadableStream): Promise<Buffer> {
  let bytes: Buffer;
  try {
    if (path === '-') {
      const chunks: Buffer[] = [];
      for await (const chunk of stdin) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
      bytes = Buffer.concat(chunks);
    } else bytes = await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : code === 'EACCES' ? 'permission denied' : (error as Error).message;
    throw new CliError(`cannot read the ${what} ${path}: ${reason}`, EXIT.USAGE);
  }
  return bytes;
}

/** A file's bytes as text; an empty file is a usage error. */
export function textOf(bytes: Buffer, path: string, what: string): string {
  const text = bytes.toString('utf8');
  if (!text.trim()) throw new CliError(`the ${what} ${path} is empty`, EXIT.USAGE);
  return text;
}

/** Reads a text file, or stdin for `-`. */
export async function readText(path: string, what: string, stdin: NodeJS.ReadableStream): Promise<string> {
  return textOf(await readBytes(path, what, stdin), path, what);
}

/**
 * A resume file that the server imports rather than the CLI reading it as text: a .pdf, .docx or
 * .json by name, or any file whose bytes are not UTF-8 text (the server judges the type by content).
 */
export function isDocumentFile(path: string, bytes: Buffer): boolean {
  if (/\.(pdf|docx|json)$/i.test(path)) return true;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return bytes.includes(0);
  } catch {
    return true;
  }
}
