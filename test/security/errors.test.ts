import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { maskError } from '../../src/api/errors.js';
import { codedError } from '../../src/schema/errors.js';
import { useTestApp } from '../helpers/app.js';
import { post } from '../helpers/client.js';

describe('error masking', () => {
  it('shows errors raised on purpose and hides everything else', () => {
    const meant = codedError('NOT_FOUND', 'no enhancement with id "x"');
    expect(maskError(meant.toJSON(), meant)).toMatchObject({ message: 'no enhancement with id "x"', extensions: { code: 'NOT_FOUND' } });

    const bug = new Error('ECONNREFUSED 10.0.0.7:6379 password=hunter2');
    const wrapped = new GraphQLError(bug.message, { originalError: bug, path: ['enhancement'], extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace: ['at x'] } });
    const shown = maskError(wrapped.toJSON(), wrapped);
    expect(shown).toEqual({ message: 'internal error', path: ['enhancement'], extensions: { code: 'INTERNAL_SERVER_ERROR' } });
    expect(JSON.stringify(shown)).not.toMatch(/hunter2|ECONNREFUSED|stacktrace/);
  });
});

describe('in production', () => {
  const testApp = useTestApp({ env: { NODE_ENV: 'production' }, role: 'api' });

  it('answers no introspection and serves no landing page', async () => {
    const { body } = await post(testApp.app.api!.url, '{ __schema { queryType { name } } }');
    expect(body.data ?? null).toBeNull();
    expect(JSON.stringify(body.errors)).toMatch(/introspection/i);
    // A browser opening /graphql gets no landing page (Apollo's would load from a CDN).
    const landing = await fetch(testApp.app.api!.url, { headers: { accept: 'text/html' } });
    expect(landing.headers.get('content-type')).not.toMatch(/html/);
    expect(await landing.text()).not.toMatch(/<html|<script/i);
  });
});
