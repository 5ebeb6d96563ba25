import type { ApolloServerPlugin } from '@apollo/server';
import type { Logger } from '../logger.js';

/**
 * Logs GraphQL errors by code and error name, never by message: a message may quote the input
 * (a resume, a job ad). Errors the API did not mean to raise are logged at `error`.
 */
export function errorLogPlugin(logger: Logger): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors, operation }) {
          const codes = errors.map((e) => e.extensions?.code ?? 'INTERNAL_SERVER_ERROR');
          const unexpected = errors.filter((e) => !e.extensions?.code || e.extensions.code === 'INTERNAL_SERVER_ERROR');
          const names = unexpected.map((e) => e.originalError?.name ?? e.name);
          logger[unexpected.length ? 'error' : 'debug']({ operation: operation?.operation ?? null, codes, errors: names }, 'graphql errors');
        },
      };
    },
  };
}
