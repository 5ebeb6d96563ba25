import { GraphQLError } from 'graphql';

export type ErrorCode =
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'BAD_USER_INPUT'
  | 'NOT_FOUND'
  | 'RATE_LIMITED'
  | 'QUERY_TOO_COMPLEX'
  | 'BUDGET_EXCEEDED'
  | 'UNREADABLE_DOCUMENT'
  | 'QUOTA_EXCEEDED'
  | 'IDEMPOTENCY_CONFLICT'
  | 'INTERNAL_SERVER_ERROR';

export function codedError(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { code, ...extensions } });
}

export const badInput = (message: string, field?: string): GraphQLError =>
  codedError('BAD_USER_INPUT', message, field ? { field } : {});

/** The same answer for an unknown id and another tenant's id. */
export const notFound = (id: string): GraphQLError => codedError('NOT_FOUND', `no enhancement with id ${JSON.stringify(id)}`);
