import type { ModelGateway } from '../../src/gateway/index.js';
import type { CompletionRequest } from '../../src/gateway/types.js';

/** A gateway whose every call first waits `ms` (abortable), to catch an enhancement mid-run. */
export function delayedGateway(inner: ModelGateway, ms: number, onCall?: (request: CompletionRequest<unknown>) => void): ModelGateway {
  return {
    models: () => inner.models(),
    close: () => inner.close(),
    chainOf: (stage) => inner.chainOf(stage),
    async complete(request, signal) {
      onCall?.(request as CompletionRequest<unknown>);
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(resolve, ms);
        signal?.addEventListener('abort', () => {
          clearTimeout(timer);
          reject(signal.reason instanceof Error ? signal.reason : new Error('aborted'));
        });
      });
      return inner.complete(request, signal);
    },
  };
}
