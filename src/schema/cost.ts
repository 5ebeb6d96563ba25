/**
 * Field extensions the query-cost check reads (src/api/query-limits.ts). By default a field costs a
 * point per so many characters of its arguments, because its work on the API process grows with them;
 * a field whose input is read elsewhere, under limits of its own (importResume's file on the import
 * pool), says so with this extension.
 */
export const NOT_COSTED_BY_INPUT_SIZE = { costByInputSize: false } as const;
