/** Small named errors of the gateway. Each knows whether a retry on the same model may help. */
export class GatewayError extends Error {
  override name = 'GatewayError';
  /** Whether the same model may answer if asked again (after a delay). */
  readonly retryable: boolean = false;
}

/** The provider answered with an HTTP error status (or a 200 with an error body). */
export class ProviderHttpError extends GatewayError {
  override name = 'ProviderHttpError';
  override readonly retryable: boolean;
  constructor(
    readonly status: number,
    message: string,
    /** The wait the provider asked for (Retry-After / retry-after-ms), in ms. */
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.retryable = RETRYABLE_STATUS(status);
  }
}

/** The connection failed or was closed before a reply arrived. */
export class ProviderConnectionError extends GatewayError {
  override name = 'ProviderConnectionError';
  override readonly retryable = true;
}

/** The attempt took longer than the per-call timeout. */
export class ProviderTimeoutError extends GatewayError {
  override name = 'ProviderTimeoutError';
  override readonly retryable = true;
  constructor(readonly timeoutMs: number) {
    super(`no reply within ${timeoutMs} ms`);
  }
}

/** The reply was not JSON, was cut off, or did not validate against the request's schema. */
export class InvalidReplyError extends GatewayError {
  override name = 'InvalidReplyError';
  override readonly retryable = true;
}

/** The server refused the structured-output format it was asked for (HTTP 400 naming it): the model steps down the ladder. */
export class FormatRefusedError extends GatewayError {
  override name = 'FormatRefusedError';
}

/** The model stopped for its own reasons (Gemini SAFETY, RECITATION, a refusal): a clear failure of that model, not of the JSON. */
export class ModelStoppedError extends GatewayError {
  override name = 'ModelStoppedError';
}

/** A streaming reply sent no token for the idle limit: the attempt fails at once. */
export class ProviderIdleError extends GatewayError {
  override name = 'ProviderIdleError';
  override readonly retryable = true;
  constructor(readonly idleMs: number) {
    super(`no token for ${idleMs} ms`);
  }
}

/** What a failed call had already cost when the provider said so (usage in a stream's chunk before it broke off). */
export interface SpentUsage {
  promptTokens: number;
  completionTokens: number;
  costUsd?: number;
}

/** Attaches what a failed attempt cost, for the gateway to bill. */
export function withSpent<E extends Error>(error: E, spent: SpentUsage | undefined): E {
  if (spent) (error as E & { spent?: SpentUsage }).spent = spent;
  return error;
}

export function spentOf(error: unknown): SpentUsage | undefined {
  return (error as { spent?: SpentUsage } | null)?.spent;
}

/** A 400 that names the structured-output parameters: the server does not take that format. */
export function namesOutputFormat(message: string): boolean {
  return /response_format|json_schema|json_object|structured output|response_?schema|response_?mime_?type/i.test(message);
}

/** The caller's AbortSignal fired: nobody wants the answer any more. */
export class AbortedError extends GatewayError {
  override name = 'AbortError';
  constructor(message = 'the call was aborted') {
    super(message);
  }
}

/** The local engine cannot answer this request (no task of that name). */
export class LocalUnavailableError extends GatewayError {
  override name = 'LocalUnavailableError';
}

export function RETRYABLE_STATUS(status: number): boolean {
  return status === 408 || status === 409 || status === 429 || status >= 500;
}

/** A short, secret-free description for notes and logs. */
export function describeError(error: unknown): string {
  if (error instanceof ProviderHttpError) return `HTTP ${error.status}: ${truncate(error.message)}`;
  if (error instanceof GatewayError) return `${error.name}: ${truncate(error.message)}`;
  if (error instanceof Error) return `${error.name}: ${truncate(error.message)}`;
  return truncate(String(error));
}

function truncate(text: string, max = 160): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** Every model of the chain failed and the local engine could not stand in either. */
export class AllModelsFailedError extends GatewayError {
  override name = 'AllModelsFailedError';
  constructor(
    readonly stage: string,
    readonly notes: string[],
  ) {
    super(`every model of the ${stage} chain failed: ${notes.join('; ')}`);
  }
}
