/** What each command does; main.ts maps the command line onto these. */
import { writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { FORMATS, isDocumentFile, readBytes, readText, STAGES, textOf } from './args.js';
import { ApiClient } from './client.js';
import { CliError, EXIT, type ExitCode } from './exit-codes.js';
import {
  CancelEnhancementDocument,
  EnhancementResultDocument,
  ExportCoverLetterDocument,
  ExportResumeDocument,
  type ExportFormat,
  ImportResumeDocument,
  StartEnhancementDocument,
  type Creativity,
  type EnhancementResultQuery,
  type EnhancementStatus,
  type PipelineStage,
} from '../client/graphql/graphql.js';
import { createProgressView, formatMs, type ProgressMode } from './progress.js';

type Enhancement = EnhancementResultQuery['enhancement'];

export interface Io {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  stdin: NodeJS.ReadableStream;
  env: NodeJS.ProcessEnv;
  /** Aborted on Ctrl-C. */
  signal: AbortSignal;
}

export interface CommonOptions {
  url: string;
  key?: string;
  json?: boolean;
  progress: ProgressMode | 'auto';
  /** Show the text the writing stages write, live, on stderr (line by line). */
  preview?: boolean;
}

/** Where the result goes as a file: `--format`, `--out`, `--cover-letter`. */
export interface ExportOptions {
  format?: ExportFormat;
  out?: string;
  coverLetter?: boolean;
}

export interface EnhanceOptions extends CommonOptions, ExportOptions {
  resume: string;
  job: string;
  stages?: PipelineStage[];
  creativity?: Creativity;
}

export type WatchOptions = CommonOptions & ExportOptions;

/** The format `--out`'s extension names, when `--format` does not. */
function formatOf(options: ExportOptions): ExportFormat {
  if (options.format) return options.format;
  const extension = /\.([a-z]+)$/i.exec(options.out ?? '')?.[1]?.toLowerCase();
  return FORMATS[extension === 'markdown' ? 'md' : (extension ?? '')] ?? 'MARKDOWN';
}

const wantsFile = (options: ExportOptions): boolean => !!(options.format || options.out || options.coverLetter);

/** Renders the resume (or the letter) on the server and writes it to `--out`, or to stdout. */
async function exportTo(client: ApiClient, id: string, options: ExportOptions, io: Io): Promise<void> {
  const format = formatOf(options);
  const file = options.coverLetter
    ? (await client.request(ExportCoverLetterDocument, { id, format })).exportCoverLetter
    : (await client.request(ExportResumeDocument, { id, format })).exportResume;
  const bytes = Buffer.from(file.contentBase64, 'base64');
  if (!options.out || options.out === '-') {
    if ((io.stdout as { isTTY?: boolean }).isTTY && format !== 'MARKDOWN') {
      throw new CliError(`a ${format} file is not for a terminal: add --out ${file.filename}`, EXIT.USAGE);
    }
    io.stdout.write(bytes);
    return;
  }
  try {
    await writeFile(options.out, bytes);
  } catch (error) {
    throw new CliError(`cannot write ${options.out}: ${(error as Error).message}`, EXIT.USAGE);
  }
  io.stderr.write(`imaginator: wrote ${options.out} (${format}, ${bytes.byteLength} bytes)\n`);
}

export function exitCodeForStatus(status: EnhancementStatus): ExitCode {
  return status === 'FAILED' ? EXIT.FAILED : status === 'CANCELLED' ? EXIT.CANCELLED : EXIT.OK;
}

function usd(value: number): string {
  return value === 0 ? '$0' : `$${value.toFixed(value < 0.01 ? 5 : 4)}`;
}

function clientFor(options: CommonOptions): ApiClient {
  return new ApiClient({ url: options.url, key: options.key });
}

/** Follows to the end, then prints the result: the resume (or JSON) on stdout, a summary on stderr. */
async function followAndPrint(client: ApiClient, id: string, stages: readonly PipelineStage[], options: WatchOptions, io: Io): Promise<ExitCode> {
  const view = createProgressView(options.progress, io.stderr, io.env);
  view.start(id, stages);
  const stopPreview = options.preview ? client.preview(id, previewPrinter((line) => view.note(line))) : () => undefined;
  try {
    await client.follow(
      id,
      {
        event: (event) => view.event(event),
        reconnecting: (attempt, delayMs, why) =>
          view.note(`imaginator: connection lost (${why}); resuming after the last event in ${formatMs(delayMs)} (attempt ${attempt})`),
      },
      io.signal,
    );
  } catch (error) {
    stopPreview();
    view.stop();
    if (error instanceof CliError && error.exitCode === EXIT.INTERRUPTED) {
      io.stderr.write(`imaginator: stopped following ${id}; it keeps running. Follow it again: imaginator watch ${id}; stop it: imaginator cancel ${id}\n`);
    }
    throw error;
  }
  stopPreview();
  view.stop();
  const { enhancement } = await client.request(EnhancementResultDocument, { id });
  if (wantsFile(options) && enhancement.status === 'COMPLETED') {
    printResult(enhancement, { ...options, json: false }, io, false);
    await exportTo(client, id, options, io);
  } else printResult(enhancement, options, io);
  return exitCodeForStatus(enhancement.status);
}

/**
 * Turns whole-text previews into lines as they are completed: a preview that extends the last one
 * adds its new complete lines; one that does not (another stage, or an attempt starting over)
 * starts again under a header.
 */
export function previewPrinter(print: (line: string) => void): (preview: { stage: PipelineStage; text: string }) => void {
  let stage: PipelineStage | undefined;
  let printed = 0; // characters of the current text already printed, whole lines only
  let text = '';
  let headed = false;
  return (preview) => {
    if (preview.stage !== stage || !preview.text || !preview.text.startsWith(text.slice(0, printed))) {
      stage = preview.stage;
      printed = 0;
      headed = false;
    }
    text = preview.text;
    if (text && !headed) {
      print(`── ${preview.stage.toLowerCase()} (being written) ──`);
      headed = true;
    }
    const end = text.lastIndexOf('\n') + 1;
    if (end > printed) {
      for (const line of text.slice(printed, end - 1).split('\n')) print(`  ${line}`);
      printed = end;
    }
  };
}

function printResult(result: Enhancement, options: CommonOptions, io: Io, printText = true): void {
  if (options.json) {
    io.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  }
  const gap = result.gapAnalysis;
  const summary = [
    `${result.id} ${result.status}`,
    `in ${formatMs(result.usage.durationMs)}`,
    `${usd(result.usage.costUsd)}`,
    `${result.usage.llmCalls} model call${result.usage.llmCalls === 1 ? '' : 's'}`,
    gap ? `match ${Math.round(gap.matchScore)}/100` : '',
  ].filter(Boolean);
  io.stderr.write(`imaginator: ${summary.join(' · ')}\n`);
  if (result.error) {
    io.stderr.write(`imaginator: ${result.error.stage ? `${result.error.stage} failed` : 'failed'}: ${result.error.message} (${result.error.code})\n`);
  }
  if (options.json || result.status !== 'COMPLETED' || !printText) return;
  io.stdout.write(resultText(result));
}

/** The final resume; without POLISH, what the stages that ran produced, as markdown. */
export function resultText(result: Enhancement): string {
  if (result.finalResumeMarkdown) return result.finalResumeMarkdown.endsWith('\n') ? result.finalResumeMarkdown : `${result.finalResumeMarkdown}\n`;
  const lines: string[] = [];
  const gap = result.gapAnalysis;
  if (gap) {
    lines.push('# Gap analysis', '', `Match score: ${Math.round(gap.matchScore)}/100`, '', gap.summary, '');
    lines.push(`Matched: ${gap.matchedKeywords.join(', ') || '—'}`, '', `Missing: ${gap.missingKeywords.join(', ') || '—'}`, '');
  }
  if (result.suggestions?.length) {
    lines.push('# Suggestions', '');
    for (const s of [...result.suggestions].sort((a, b) => a.priority - b.priority)) lines.push(`- **${s.title}** (${s.kind.toLowerCase()}): ${s.detail}`);
    lines.push('');
  }
  if (result.starBullets?.length) {
    lines.push('# STAR bullets', '', ...result.starBullets.map((b) => `- ${b.text}`), '');
  } else if (result.creativeDraft) {
    lines.push('# Draft', '', result.creativeDraft.narrative, '');
  } else if (result.dossier) {
    lines.push('# Dossier', '', result.dossier.masterProfile, '');
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

/** The resume's text: a text file as it is; a PDF, DOCX or JSON Resume imported by the server first. */
async function readResume(client: ApiClient, path: string, io: Io): Promise<string> {
  const bytes = await readBytes(path, 'resume', io.stdin);
  if (!isDocumentFile(path, bytes)) return textOf(bytes, path, 'resume');
  const { importResume } = await client.request(ImportResumeDocument, {
    file: { filename: basename(path), contentBase64: bytes.toString('base64') },
  });
  const pages = importResume.pages === null ? '' : `${importResume.pages} page${importResume.pages === 1 ? '' : 's'}, `;
  io.stderr.write(`imaginator: read ${path} as ${importResume.mediaType} (${pages}${importResume.characters} characters)\n`);
  for (const warning of importResume.warnings) io.stderr.write(`imaginator: ${path}: ${warning}\n`);
  return importResume.text;
}

export async function enhance(options: EnhanceOptions, io: Io): Promise<ExitCode> {
  if (options.resume === '-' && options.job === '-') throw new CliError('only one of --resume and --job can be - (stdin)', EXIT.USAGE);
  const client = clientFor(options);
  // --cover-letter asks for the letter too (COVER_LETTER runs only when asked for).
  const defaults = STAGES.filter((stage) => stage !== 'COVER_LETTER');
  const stages = options.coverLetter ? [...(options.stages ?? defaults), 'COVER_LETTER' as const] : options.stages;
  const resumeText = await readResume(client, options.resume, io);
  const jobAd = await readText(options.job, 'job ad', io.stdin);
  const { startEnhancement } = await client.request(StartEnhancementDocument, {
    input: { resumeText, jobAd, stages, creativity: options.creativity },
  });
  io.stderr.write(`imaginator: started ${startEnhancement.id}\n`);
  return followAndPrint(client, startEnhancement.id, startEnhancement.requestedStages, options, io);
}

export async function watch(id: string, options: WatchOptions, io: Io): Promise<ExitCode> {
  const client = clientFor(options);
  const { enhancement } = await client.request(EnhancementResultDocument, { id });
  return followAndPrint(client, enhancement.id, enhancement.requestedStages, options, io);
}

/** Exports a finished enhancement's resume (or letter) without following it. */
export async function exportCommand(id: string, options: WatchOptions, io: Io): Promise<ExitCode> {
  await exportTo(clientFor(options), id, options, io);
  return EXIT.OK;
}

export async function status(id: string, options: CommonOptions, io: Io): Promise<ExitCode> {
  const client = clientFor(options);
  const { enhancement: e } = await client.request(EnhancementResultDocument, { id });
  if (options.json) {
    io.stdout.write(`${JSON.stringify(e, null, 2)}\n`);
    return exitCodeForStatus(e.status);
  }
  const lines = [`${e.id}  ${e.status}`, `created    ${e.createdAt}`];
  if (e.completedAt) lines.push(`completed  ${e.completedAt}`);
  lines.push('', 'stage      status     model                          time      cost');
  for (const s of e.stages) {
    const model = s.model ? `${s.provider ?? '?'}/${s.model}`.replace(/^(\w+)\/\1\//, '$1/') : '—';
    lines.push(
      `${s.stage.padEnd(10)} ${s.status.padEnd(10)} ${model.slice(0, 30).padEnd(30)} ${(s.durationMs === null ? '—' : formatMs(s.durationMs)).padStart(8)}  ${s.costUsd === null ? '—' : usd(s.costUsd)}${s.cached ? ' (cached)' : ''}`,
    );
  }
  lines.push('', `usage      ${e.usage.llmCalls} calls, ${e.usage.totalTokens} tokens, ${usd(e.usage.costUsd)}, ${formatMs(e.usage.durationMs)}`);
  if (e.gapAnalysis) {
    lines.push(`match      ${Math.round(e.gapAnalysis.matchScore)}/100`);
    if (e.gapAnalysis.missingKeywords.length) lines.push(`missing    ${e.gapAnalysis.missingKeywords.join(', ')}`);
  }
  if (e.error) lines.push(`error      ${e.error.stage ?? ''} ${e.error.message} (${e.error.code})`.replace(/ {2,}/g, ' '));
  io.stdout.write(`${lines.join('\n')}\n`);
  return exitCodeForStatus(e.status);
}

export async function cancel(id: string, options: CommonOptions, io: Io): Promise<ExitCode> {
  const client = clientFor(options);
  const { cancelEnhancement } = await client.request(CancelEnhancementDocument, { id });
  if (options.json) io.stdout.write(`${JSON.stringify(cancelEnhancement)}\n`);
  else io.stdout.write(`${cancelEnhancement.id}  ${cancelEnhancement.status}\n`);
  return EXIT.OK;
}
