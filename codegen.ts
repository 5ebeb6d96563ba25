import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * Typed documents for every TypeScript client of the API (the web page, the CLI and the tests),
 * from schema.graphql and operations/contract.graphql (`npm run codegen`). Documents are strings
 * (`documentMode: 'string'`): no client needs graphql-js to send them, which keeps the browser
 * bundle small.
 */
const shared = {
  preset: 'client' as const,
  config: {
    useTypeImports: true,
    enumsAsTypes: true,
    documentMode: 'string',
    scalars: { DateTime: 'string', JSONObject: 'Record<string, unknown>' },
  },
  presetConfig: { fragmentMasking: false },
};

const config: CodegenConfig = {
  schema: 'schema.graphql',
  documents: ['operations/contract.graphql'],
  ignoreNoDocuments: false,
  importExtension: '.js',
  generates: {
    // One set for every TypeScript client of the API: the web page, the CLI and the tests.
    'src/client/graphql/': shared,
  },
};

export default config;
