/**
 * The built-in deterministic engine as a provider: answers from `request.data` (what the stage
 * sees), costs nothing, needs no network. Its task names are the wire names.
 */
import { cpuPool, CpuTaskAbortedError } from '../../cpu/index.js';
import type { LocalTaskName, LocalTasks } from '../../local/types.js';
import type {
  DraftAnswer,
  JobFit,
  PolishAnswer,
  ResearchAnswer,
  ResumeProfile,
  StarAnswer,
  Suggestions,
} from '../../domain/outputs.js';
import type { CoverLetterDraft } from '../../domain/cover-letter.js';
import { AbortedError, LocalUnavailableError } from '../errors.js';
import type { Provider, ProviderCall, ProviderReply } from './types.js';

/** The pipeline's schema output for each local task's wire name. */
interface WireOutputs {
  analysis: ResumeProfile;
  analysis_gap: JobFit;
  research: ResearchAnswer;
  draft: DraftAnswer;
  star: StarAnswer;
  polish: PolishAnswer;
  suggest: Suggestions;
  critique: Suggestions;
  cover_letter: CoverLetterDraft;
}

// Compile-time proof that every local output fits the schema the pipeline validates with, and
// that the local engine knows every wire name (and no other): a mismatch fails `tsc`.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Fits<A, B> = [A] extends [B] ? true : false;
const _outputsFit: { [K in LocalTaskName]: Fits<LocalTasks[K]['out'], WireOutputs[K]> } = {
  analysis: true,
  analysis_gap: true,
  research: true,
  draft: true,
  star: true,
  polish: true,
  suggest: true,
  critique: true,
  cover_letter: true,
};
const _sameNames: Same<LocalTaskName, keyof WireOutputs> = true;
void _outputsFit;
void _sameNames;

const TASKS: ReadonlySet<string> = new Set<LocalTaskName>(Object.keys(_outputsFit) as LocalTaskName[]);

export function isLocalTask(name: string): name is LocalTaskName {
  return TASKS.has(name);
}

export class LocalProvider implements Provider {
  async call(request: ProviderCall): Promise<ProviderReply> {
    if (request.signal.aborted) throw new AbortedError();
    if (!isLocalTask(request.name)) throw new LocalUnavailableError(`the local engine has no task "${request.name}"`);
    // On a pool thread, so the process keeps answering (and renewing job locks) while it runs.
    const object: unknown = await cpuPool()
      .run('local', { name: request.name, input: request.data as never }, { signal: request.signal })
      .catch((error: unknown) => {
        throw error instanceof CpuTaskAbortedError ? new AbortedError() : error;
      });
    return { content: { object }, promptTokens: 0, completionTokens: 0, costUsd: 0, truncated: false };
  }
}
