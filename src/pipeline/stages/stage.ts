import type { CacheDirective, CallReport, CompletionRequest, Gateway, RetryNotice } from '../../gateway/types.js';

/** What every stage gets besides the data it may see. */
export interface StageContext {
  gateway: Gateway;
  signal: AbortSignal;
  /** How the stage cache treats this enhancement's calls. */
  cache?: CacheDirective;
  /** Told of every retry the gateway makes for this stage (it becomes a STAGE_RETRY event). */
  onRetry?: (retry: RetryNotice) => void;
}

/** A stage's output and the report of every gateway call it made. */
export interface StageResult<T> {
  output: T;
  calls: CallReport[];
  /** What the stage did that a reader of the result should know (it joins editorialNotes). */
  notes?: string[];
}

/** The common case: a stage that is one gateway call. */
export async function singleCall<T>(ctx: StageContext, request: CompletionRequest<T>): Promise<StageResult<T>> {
  const { output, report } = await ctx.gateway.complete({ ...request, cache: ctx.cache, onRetry: ctx.onRetry }, ctx.signal);
  return { output, calls: [report] };
}
