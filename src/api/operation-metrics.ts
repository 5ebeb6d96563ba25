import type { ApolloServerPlugin } from '@apollo/server';
import type { Metrics } from '../metrics.js';

/**
 * Times every GraphQL operation over HTTP, labelled by its root field (`startEnhancement`,
 * `enhancement`, …): a name the schema bounds, unlike client-chosen operation names.
 */
export function operationMetricsPlugin(metrics: Metrics): ApolloServerPlugin {
  return {
    async requestDidStart() {
      const started = performance.now();
      let validated = false;
      return {
        async didResolveOperation() {
          validated = true;
        },
        async willSendResponse({ operation, errors }) {
          const root = operation?.selectionSet.selections[0];
          metrics.graphqlDuration.observe(
            {
              operation: validated && root?.kind === 'Field' ? root.name.value : 'invalid',
              type: operation?.operation ?? 'unknown',
              outcome: errors?.length ? 'error' : 'ok',
            },
            (performance.now() - started) / 1000,
          );
        },
      };
    },
  };
}
