import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';

/**
 * Errors the API raised on purpose (GraphQLErrors with a code) reach the client as they are,
 * minus any stack; anything else is a bug whose message may hold internals: it is masked.
 */
export function maskError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  if (original instanceof GraphQLError && !(original.originalError && !(original.originalError instanceof GraphQLError))) {
    const { stacktrace: _stack, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, extensions };
  }
  return { message: 'internal error', path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
}

// graphql-js ends validation and coercion messages with its guesses: `Did you mean "x"?`,
// `Did you mean "x" or "y"?`, `Did you mean the enum value "X"?` and longer lists.
const SUGGESTION = /\s*Did you mean [^?]*\?/g;

/** A message without graphql-js's "Did you mean …?" guesses, which spell out the schema. */
export function withoutSuggestions(message: string): string {
  return message.replace(SUGGESTION, '');
}

/** The error formatter of both transports: masks, and in production names nothing of the schema it was not asked for. */
export function errorFormatter(production: boolean): (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError {
  return (formatted, error) => {
    const masked = maskError(formatted, error);
    return production ? { ...masked, message: withoutSuggestions(masked.message) } : masked;
  };
}
