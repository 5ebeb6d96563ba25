import { GraphQLScalarType } from 'graphql';
import { GraphQLDateTimeISO, JSONObjectResolver } from 'graphql-scalars';

/** ISO-8601 date-time, always serialized as `YYYY-MM-DDTHH:mm:ss.sssZ`. */
export const DateTimeScalar = new GraphQLScalarType({ ...GraphQLDateTimeISO.toConfig(), name: 'DateTime' });

export const JSONObjectScalar = JSONObjectResolver;
