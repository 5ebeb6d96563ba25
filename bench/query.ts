/**
 * query: `enhancement(id)` with the contract's full `EnhancementResult` selection on a completed
 * seven-stage enhancement, req/s and latency with autocannon, against a trivial `{ __typename }`
 * on the same server in the same run.
 *
 * Method: the server (API + worker, local engine) runs in its own process, so autocannon's load
 * does not share its event loop; one enhancement is run to COMPLETED first. Each query gets a 3 s
 * warm-up, then 10 s of autocannon with 20 connections; the two are measured one after the other,
 * trivial first. Every response must be HTTP 200 with no GraphQL errors.
 */
import autocannon from 'autocannon';
import { JOB_A, RESUME_A } from '../test/helpers/samples.js';
import { forkTs } from './lib/child.js';
import { benchPrefix, dropPrefix, isMain, ratio, REDIS_URL, round, runAsMain, type BenchResult } from './lib/common.js';

const DURATION_S = Number(process.env.BENCH_QUERY_SECONDS ?? 10);
const CONNECTIONS = 20;
const TARGET_SHARE = 0.5;

const RESULT_QUERY = `query EnhancementResult($id: ID!) {
  enhancement(id: $id) {
    id status requestedStages createdAt completedAt
    error { code message stage }
    stages { stage status attempts cached provider model durationMs costUsd promptTokens completionTokens error }
    experiences { title company startDate endDate highlights skills }
    skills { all high { name confidence source } medium { name confidence source } low { name confidence source } }
    seniority { level confidence yearsOfExperience reasoning }
    domainInsights { domain skillGapPriority emergingTrends }
    gapAnalysis { summary matchScore matchedKeywords missingKeywords criticalGaps niceToHaveGaps }
    suggestions { kind title detail addressesGaps priority }
    dossier { masterProfile industryIntel tailoringStrategy keyMetrics }
    creativeDraft { narrative storyArc }
    starBullets { situation task action result text }
    finalResumeMarkdown editorialNotes
    provenance { claim source synthetic }
    usage { llmCalls cacheHits promptTokens completionTokens totalTokens costUsd savedCostUsd durationMs }
  }
}`;

async function load(url: string, body: string, seconds: number): Promise<autocannon.Result> {
  let bad = 0;
  const result = await autocannon({
    url,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
    connections: CONNECTIONS,
    duration: seconds,
    expectBody: undefined,
    setupClient: (client) => {
      client.on('body', (buffer: Buffer) => {
        if (buffer.includes('"errors"')) bad++;
      });
    },
  });
  if (result.non2xx || result.errors || bad) throw new Error(`query load had ${result.non2xx} non-2xx, ${result.errors} errors, ${bad} GraphQL errors`);
  return result;
}

export async function benchQuery(): Promise<BenchResult> {
  const prefix = benchPrefix('query');
  // As deployed: NODE_ENV=production (graphql-js skips its development-only checks).
  const server = forkTs('bench/lib/serve.ts', { REDIS_URL, IMAGINATOR_PREFIX: prefix, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', NODE_ENV: 'production' });
  try {
    const { url } = await server.ready;
    const run = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: 'mutation($input: EnhancementInput!) { runEnhancement(input: $input) { id status finalResumeMarkdown suggestions { title } } }',
        variables: { input: { resumeText: RESUME_A, jobAd: JOB_A } },
      }),
    });
    const made = (await run.json()) as { data?: { runEnhancement: { id: string; status: string } } };
    if (made.data?.runEnhancement.status !== 'COMPLETED') throw new Error(`setup enhancement did not complete: ${JSON.stringify(made)}`);
    const id = made.data.runEnhancement.id;

    const trivialBody = JSON.stringify({ query: '{ __typename }' });
    const fullBody = JSON.stringify({ query: RESULT_QUERY, variables: { id } });
    const size = (await (await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: fullBody })).text()).length;

    await load(url, trivialBody, 3);
    const trivial = await load(url, trivialBody, DURATION_S);
    await load(url, fullBody, 3);
    const full = await load(url, fullBody, DURATION_S);
    const share = full.requests.average / trivial.requests.average;
    return {
      name: 'query',
      figures: [
        { figure: `{ __typename } req/s (${CONNECTIONS} connections)`, value: round(trivial.requests.average, 0), unit: 'req/s' },
        { figure: '{ __typename } p99', value: trivial.latency.p99, unit: 'ms' },
        {
          figure: `enhancement(id) full EnhancementResult req/s (${size} B response)`,
          value: round(full.requests.average, 0),
          unit: 'req/s',
          baseline: round(trivial.requests.average, 0),
          ratio: ratio(full.requests.average, trivial.requests.average),
          target: `>= ${TARGET_SHARE} x trivial`,
          pass: share >= TARGET_SHARE,
        },
        { figure: 'enhancement(id) full EnhancementResult p99', value: full.latency.p99, unit: 'ms', baseline: trivial.latency.p99, ratio: ratio(full.latency.p99, trivial.latency.p99) },
      ],
    };
  } finally {
    await server.stop();
    await dropPrefix(prefix);
  }
}

if (isMain(import.meta.url)) await runAsMain(benchQuery);
