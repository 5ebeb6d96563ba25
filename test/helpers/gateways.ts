import type { ModelGateway } from '../../src/gateway/index.js';
import type { CompletionRequest, Gateway } from '../../src/gateway/types.js';

/** The inner gateway with `complete` replaced; the model registry, chains and fit checks stay its own. */
export function withComplete(inner: ModelGateway, complete: Gateway['complete']): ModelGateway {
  return {
    models: () => inner.models(),
    syncOutputModes: () => inner.syncOutputModes(),
    close: () => inner.close(),
    chainOf: (stage) => inner.chainOf(stage),
    fits: (stage, prompt) => inner.fits(stage, prompt),
    complete,
  };
}

/** Waits `ms`, or rejects as soon as the signal aborts. */
export function abortableDelay(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(signal.reason instanceof Error ? signal.reason : new Error('aborted'));
    });
  });
}

/** A gateway whose every call first waits `ms` (abortable), to catch an enhancement mid-run. */
export function delayedGateway(inner: ModelGateway, ms: number, onCall?: (request: CompletionRequest<unknown>) => void): ModelGateway {
  return withComplete(inner, async (request, signal) => {
    onCall?.(request as CompletionRequest<unknown>);
    await abortableDelay(ms, signal);
    return inner.complete(request, signal);
  });
}
