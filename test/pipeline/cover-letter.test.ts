/**
 * The COVER_LETTER stage against a fabricating model (fake OpenAI-compatible server): none of the
 * model's inventions reach the letter, each is reported in coverLetter.findings, and a partner who
 * selects only coverLetter runs exactly ANALYSIS, RESEARCH and COVER_LETTER.
 */
import { describe, expect, it } from 'vitest';
import { callsByName, useAppWithFakeModels } from '../helpers/model-replies.js';
import { post } from '../helpers/client.js';
import { JOB_A, RESUME_A } from '../helpers/samples.js';
import { fabricatingLetterWriter, LETTER_INVENTIONS } from '../fakes/personas.js';

const models = useAppWithFakeModels();

const RUN = `mutation($input: EnhancementInput!) {
  runEnhancement(input: $input) { id status requestedStages stages { stage status } coverLetter { markdown findings { kind excerpt detail } } }
}`;

interface Run {
  runEnhancement: {
    id: string;
    status: string;
    requestedStages: string[];
    stages: Array<{ stage: string; status: string }>;
    coverLetter: { markdown: string; findings: Array<{ kind: string; excerpt: string; detail: string }> } | null;
  };
}

describe('COVER_LETTER', () => {
  it('leaves out every sentence the resume does not support and reports it; a coverLetter-only run runs ANALYSIS, RESEARCH, COVER_LETTER', async () => {
    fabricatingLetterWriter(models.fake);
    models.fake.reset();
    const { body } = await post(models.app.api!.url, RUN, { input: { resumeText: RESUME_A, jobAd: `${JOB_A}\nLetter run.` } });
    expect(body.errors).toBeUndefined();
    const run = (body.data as Run).runEnhancement;
    expect(run.status).toBe('COMPLETED');
    expect(run.requestedStages).toEqual(['ANALYSIS', 'RESEARCH', 'COVER_LETTER']);
    expect(run.stages.map((s) => s.stage)).toEqual(['ANALYSIS', 'RESEARCH', 'COVER_LETTER']);
    expect(callsByName(models.fake)).toEqual({ analysis: 1, analysis_gap: 1, research: 1, cover_letter: 1 });

    // the model saw the job ad and the dossier, never the resume itself
    const letterCall = models.fake.requests.find((r) => r.name === 'cover_letter')!;
    const prompt = JSON.stringify(letterCall.body.messages);
    expect(prompt).toContain('<job_ad>');
    expect(prompt).toContain('<dossier>');
    expect(prompt).not.toContain('<resume>');
    // every field of the output schema is described for the model
    const schema = letterCall.body.response_format.json_schema.schema;
    for (const field of ['salutation', 'paragraphs', 'closing']) expect(schema.properties[field].description).toBeTruthy();

    const letter = run.coverLetter!;
    for (const invention of Object.values(LETTER_INVENTIONS)) expect(letter.markdown).not.toContain(invention);
    expect(letter.markdown).toContain('At Acme Analytics, I cut p99 API latency by 40% by moving hot paths to Redis caching.');
    expect(letter.markdown).toContain('I have not yet worked with Kubernetes professionally');
    expect(letter.markdown).toMatch(/^Dear Initech hiring team,/);
    expect(letter.markdown).toMatch(/Sincerely,\s+Jane Doe\s*$/);

    const found = (kind: string, text: string) => letter.findings.some((f) => f.kind === kind && f.excerpt.includes(text));
    expect(found('INVENTED_EMPLOYER', LETTER_INVENTIONS.employer), JSON.stringify(letter.findings)).toBe(true);
    expect(found('INVENTED_SKILL', LETTER_INVENTIONS.skill), JSON.stringify(letter.findings)).toBe(true);
    expect(found('INFLATED_NUMBER', LETTER_INVENTIONS.metric), JSON.stringify(letter.findings)).toBe(true);
    for (const f of letter.findings) expect(letter.markdown).not.toContain(f.excerpt);
  });
});
