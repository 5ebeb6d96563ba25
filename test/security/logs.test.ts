import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logger.js';
import { EnhancementProgressDocument, StartEnhancementDocument } from '../../src/client/graphql/graphql.js';
import { collect, post, request, wsClient } from '../helpers/client.js';
import { useAppWithFakeModels } from '../helpers/model-replies.js';
import { JOB_A, RESUME_A } from '../helpers/samples.js';

const API_KEY = 'tenant-key-SECRET-7f3a9c';
const PROVIDER_KEY = 'sk-or-provider-SECRET-42b1';
const RESUME_MARKER = 'Zanzibar-Quokka-Resume-Marker';
const JOB_MARKER = 'Wombat-Job-Marker';
let lines = '';
const sink = new Writable({
  write(chunk, _encoding, done) {
    lines += chunk.toString();
    done();
  },
});
const models = useAppWithFakeModels({
  env: { IMAGINATOR_API_KEYS: `acme:${API_KEY}` },
  providerKey: PROVIDER_KEY,
  logger: () => createLogger('trace', sink),
});

describe('logs', () => {
  it('carry request and enhancement ids, and no key, resume text or provider secret at any level', async () => {
    const auth = { authorization: `Bearer ${API_KEY}` };
    const input = { resumeText: `${RESUME_A}\n${RESUME_MARKER}`, jobAd: `${JOB_A}\n${JOB_MARKER}` };
    const { startEnhancement } = await request(models.app.api!.url, StartEnhancementDocument, { input }, auth);
    const client = wsClient(models.app.api!.wsUrl, { apiKey: API_KEY });
    await collect(client, EnhancementProgressDocument, { id: startEnhancement.id }).done;
    await client.dispose();
    // Failures of every kind: a wrong key, bad input quoting the resume, a broken query.
    await post(models.app.api!.url, StartEnhancementDocument, { input }, { authorization: `Bearer wrong-${API_KEY}` });
    await post(models.app.api!.url, StartEnhancementDocument, { input: { ...input, confidenceThreshold: 7 } }, auth);
    await post(models.app.api!.url, `{ enhancement(id: "${RESUME_MARKER}") { id } }`, undefined, auth);
    await post(models.app.api!.url, `{ nope ${JOB_MARKER} }`, undefined, auth);

    expect(lines).toContain(startEnhancement.id);
    expect(lines).toMatch(/"requestId":"[0-9a-f-]{36}"/);
    for (const secret of [API_KEY, PROVIDER_KEY, RESUME_MARKER, JOB_MARKER, 'Acme Analytics', 'Cut p99 API latency']) {
      expect(lines).not.toContain(secret);
    }
  });
});
