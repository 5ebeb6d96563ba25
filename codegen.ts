import type { CodegenConfig } from '@graphql-codegen/cli';

/** Typed documents for the tests (and any TypeScript client) from schema.graphql. */
const config: CodegenConfig = {
  schema: 'schema.graphql',
  documents: ['operations/contract.graphql'],
  ignoreNoDocuments: true,
  importExtension: '.js',
  generates: {
    'test/generated/': {
      preset: 'client',
      config: { useTypeImports: true, enumsAsTypes: true, scalars: { DateTime: 'string', JSONObject: 'Record<string, unknown>' } },
      presetConfig: { fragmentMasking: false },
    },
  },
};

export default config;
