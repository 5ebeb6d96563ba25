import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * Typed documents for the API's TypeScript clients (the web page and the CLI), from schema.graphql
 * and operations/contract.graphql (`npm run codegen:web`). Documents are generated as strings (`documentMode: 'string'`): neither
 * client needs graphql-js to send them, which keeps the browser bundle small.
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
    // One set for every TypeScript client of the API: the web page and the CLI.
    'src/client/graphql/': shared,
  },
};

export default config;
