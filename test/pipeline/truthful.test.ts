/**
 * Truthful by construction, against the real pipeline: fake model personas behind the OpenAI-compatible
 * fake server, the real gateway, worker, store and API. Nothing a fabricating model invents reaches the
 * resume; a faithful model's changes do; a reader's review re-renders with no model call and is seen by a
 * follower.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import {
  EnhancementChangesDocument,
  EnhancementProgressDocument,
  ReviewChangesDocument,
  VerifyTailoringDocument,
} from '../../src/client/graphql/graphql.js';
import { collect, post, request, wsClient } from '../helpers/client.js';
import { useAppWithFakeModels } from '../helpers/model-replies.js';
import { JOB_A } from '../helpers/samples.js';
import { fabricating, faithful, INVENTED, PERSONA_RESUME as RESUME } from '../fakes/personas.js';


const RUN = `mutation Run($input: EnhancementInput!) {
  runEnhancement(input: $input) {
    id status finalResumeMarkdown editorialNotes
    stages { stage notes }
    changes { id stage target before after status reviewed findings { kind excerpt detail } }
  }
}`;

interface Change {
  id: string;
  stage: string;
  target: string;
  before: string | null;
  after: string;
  status: 'APPLIED' | 'HELD';
  reviewed: boolean;
  findings: { kind: string; excerpt: string; detail: string }[];
}
interface Run {
  id: string;
  status: string;
  finalResumeMarkdown: string;
  editorialNotes: string[];
  stages: { stage: string; notes: string[] }[];
  changes: Change[];
}

const models = useAppWithFakeModels();
const url = () => models.app.api!.url;

async function run(resumeText: string): Promise<Run> {
  const { body } = await post<{ runEnhancement: Run }, unknown>(url(), RUN, { input: { resumeText, jobAd: JOB_A, bypassCache: true } });
  expect(body.errors).toBeUndefined();
  expect(body.data!.runEnhancement.status).toBe('COMPLETED');
  return body.data!.runEnhancement;
}

/** Applied vs held and findings by kind, printed for the report. */
function tally(persona: string, result: Run): void {
  const kinds: Record<string, number> = {};
  for (const c of result.changes) for (const f of c.findings) kinds[f.kind] = (kinds[f.kind] ?? 0) + 1;
  const applied = result.changes.filter((c) => c.status === 'APPLIED').length;
  console.log(`${persona} persona: ${applied} changes applied, ${result.changes.length - applied} held; findings by kind: ${JSON.stringify(kinds)}`);
}

async function follow(id: string, after: string | null) {
  const client = wsClient(models.app.api!.wsUrl);
  try {
    return (await collect(client, EnhancementProgressDocument, { id, after }).done).map((d) => d.enhancementProgress);
  } finally {
    await client.dispose();
  }
}

const ORIGINAL_FACTS = ['Acme Analytics', 'Globex', 'Webcraft', 'Senior Software Engineer', 'Junior Developer', 'Jan 2020 – Present', 'Mar 2016 – Dec 2019', '2014 – 2016', 'B.Sc. Computer Science, Technical University of Munich, 2016', '## Summary', '## Experience', '## Education', '## Skills'];

describe('a fabricating model', () => {
  let result: Run;
  beforeAll(async () => {
    fabricating(models.fake);
    result = await run(RESUME);
    tally('fabricating', result);
  });

  it('gets nothing it invented into finalResumeMarkdown', () => {
    const md = result.finalResumeMarkdown;
    for (const invented of ['Initech', 'Kubernetes', '75%', 'team of 12', 'Spearheaded', 'Google', 'doubled', 'PhD']) expect(md, invented).not.toContain(invented);
  });

  it('has each invention HELD with the right finding kind', () => {
    const held = (text: string) => result.changes.find((c) => c.after.includes(text));
    const expectHeld = (text: string, kind: string) => {
      const change = held(text);
      expect(change, text).toBeDefined();
      expect(change!.status, text).toBe('HELD');
      expect(change!.findings.map((f) => f.kind), text).toContain(kind);
    };
    expectHeld(INVENTED.employer, 'INVENTED_EMPLOYER');
    expectHeld(`on ${INVENTED.skill}`, 'INVENTED_SKILL');
    expectHeld(INVENTED.metric, 'INFLATED_NUMBER');
    expectHeld(INVENTED.teamSize, 'INFLATED_SCOPE');
    expectHeld(INVENTED.scope, 'INFLATED_SCOPE');
    expectHeld(INVENTED.summary, 'INVENTED_EMPLOYER');
    expectHeld(INVENTED.summary, 'INFLATED_NUMBER');
    expect(result.changes.every((c) => c.status === 'HELD')).toBe(true);
    expect(result.editorialNotes.filter((n) => /^Held c\d+/.test(n))).toHaveLength(result.changes.length);
  });

  it('keeps every original employer, title, date and section, and counts the proposals it discarded', async () => {
    for (const fact of ORIGINAL_FACTS) expect(result.finalResumeMarkdown, fact).toContain(fact);
    expect(result.finalResumeMarkdown).toContain('- Built client websites in PHP'); // the role it tried to drop
    const notes = Object.fromEntries(result.stages.map((s) => [s.stage, s.notes.join(' ')]));
    expect(notes.RESEARCH).toMatch(/1 key metric citing a line that does not exist discarded/);
    expect(notes.RESEARCH).toMatch(/1 key metric its cited line does not state discarded/);
    expect(notes.STAR).toMatch(/1 proposal for a line that does not exist/);
    expect(notes.POLISH).toMatch(/2 proposals for a line that does not exist/);
    const { verifyTailoring } = await request(url(), VerifyTailoringDocument, { original: RESUME, tailored: result.finalResumeMarkdown, jobAd: JOB_A });
    expect(verifyTailoring.findings).toEqual([]);
    expect(verifyTailoring.faithful).toBe(true);
  });
});

describe('a faithful model', () => {
  let result: Run;
  beforeAll(async () => {
    faithful(models.fake);
    result = await run(RESUME);
    tally('faithful', result);
  });

  it('has its changes APPLIED, each exactly as it stands in the resume', async () => {
    expect(result.changes.length).toBe(4); // summary, two bullets, one order
    for (const c of result.changes) {
      expect(c.status, `${c.id} ${c.target}: ${JSON.stringify(c.findings)}`).toBe('APPLIED');
      expect(c.findings).toEqual([]);
      expect(result.finalResumeMarkdown, c.target).toContain(c.after);
    }
    expect(result.finalResumeMarkdown).toContain('Reduced p99 API latency by 40% by moving hot paths to Redis caching');
    expect(result.finalResumeMarkdown).not.toContain('Backend engineer building reliable data services.');
    for (const fact of ORIGINAL_FACTS) expect(result.finalResumeMarkdown, fact).toContain(fact);
    const { verifyTailoring } = await request(url(), VerifyTailoringDocument, { original: RESUME, tailored: result.finalResumeMarkdown, jobAd: JOB_A });
    expect(verifyTailoring.findings).toEqual([]);
  });

  it('a review round trip holds and applies, re-renders with no model call, and a follower sees it', async () => {
    const events = await follow(result.id, null);
    const completed = events.at(-1)!;
    expect(completed.type).toBe('COMPLETED');
    const calls = models.fake.requests.length;
    const bullet = result.changes.find((c) => c.stage === 'STAR' && c.after.startsWith('Reduced'))!;

    const held = (await request(url(), ReviewChangesDocument, { id: result.id, hold: [bullet.id] })).reviewChanges;
    expect(held.finalResumeMarkdown).not.toContain(bullet.after);
    expect(held.finalResumeMarkdown).toContain(bullet.before!);
    expect(held.changes!.find((c) => c.id === bullet.id)).toMatchObject({ status: 'HELD', reviewed: true });

    const applied = (await request(url(), ReviewChangesDocument, { id: result.id, apply: [bullet.id] })).reviewChanges;
    expect(applied.finalResumeMarkdown).toContain(bullet.after);
    expect(applied.changes!.find((c) => c.id === bullet.id)).toMatchObject({ status: 'APPLIED', reviewed: true });
    expect(models.fake.requests.length).toBe(calls); // no model call

    const stored = (await request(url(), EnhancementChangesDocument, { id: result.id })).enhancement;
    expect(stored.finalResumeMarkdown).toBe(applied.finalResumeMarkdown);
    expect(stored.status).toBe('COMPLETED');

    // a follower resuming after COMPLETED gets the two reviews, then the stream ends
    const resumed = await follow(result.id, completed.cursor);
    expect(resumed.map((e) => e.type)).toEqual(['CHANGES_REVIEWED', 'CHANGES_REVIEWED']);
    expect(resumed.map((e) => e.enhancement.status)).toEqual(['COMPLETED', 'COMPLETED']);
    // one from the start replays everything, reviews included
    const replay = await follow(result.id, null);
    expect(replay.map((e) => e.cursor)).toEqual([...events.map((e) => e.cursor), ...resumed.map((e) => e.cursor)]);
  });

  it('a review of an unknown change, or of one id both ways, is BAD_USER_INPUT; an unknown enhancement NOT_FOUND', async () => {
    const codes = async (variables: Record<string, unknown>) =>
      (await post(url(), ReviewChangesDocument, variables as never)).body.errors?.map((e) => e.extensions?.code);
    expect(await codes({ id: result.id, apply: ['c99'] })).toEqual(['BAD_USER_INPUT']);
    expect(await codes({ id: result.id, apply: ['c1'], hold: ['c1'] })).toEqual(['BAD_USER_INPUT']);
    expect(await codes({ id: 'enh_nope', apply: ['c1'] })).toEqual(['NOT_FOUND']);
  });

  it('reviewing before POLISH completed is BAD_USER_INPUT', async () => {
    const { body } = await post<{ runEnhancement: { id: string } }, unknown>(url(), 'mutation($input: EnhancementInput!) { runEnhancement(input: $input) { id gapAnalysis { matchScore } } }', {
      input: { resumeText: RESUME, jobAd: JOB_A },
    });
    const id = body.data!.runEnhancement.id;
    const review = await post(url(), ReviewChangesDocument, { id, apply: ['c1'] });
    expect(review.body.errors?.map((e) => e.extensions?.code)).toEqual(['BAD_USER_INPUT']);
  });
});
