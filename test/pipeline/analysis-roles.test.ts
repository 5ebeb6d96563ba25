/**
 * A model serving ANALYSIS, behind the fake OpenAI-compatible server, through the real gateway, worker,
 * store and API: the roles it invents never reach `experiences`, the roles it missed are added from the
 * resume, and the stage's notes say so.
 */
import { describe, expect, it } from 'vitest';
import { post } from '../helpers/client.js';
import { useAppWithFakeModels } from '../helpers/model-replies.js';
import { PERSONA_RESUME as RESUME } from '../fakes/personas.js';
import { JOB_A } from '../helpers/samples.js';

const RUN = `mutation Run($input: EnhancementInput!) {
  runEnhancement(input: $input) {
    status
    experiences { title company startDate endDate }
    stages { stage notes }
  }
}`;

interface Run {
  status: string;
  experiences: { title: string; company: string; startDate: string | null; endDate: string | null }[];
  stages: { stage: string; notes: string[] }[];
}

const models = useAppWithFakeModels();

describe('ANALYSIS served by a model', () => {
  it('keeps an invented employer out of experiences, adds the role the model missed, and notes both', async () => {
    models.fake.respond('analysis', () => ({
      experiences: [
        { title: 'SENIOR software engineer', company: 'acme  analytics', startDate: '2020-01', endDate: 'Present', highlights: [], skills: [] },
        { title: 'Software Engineer', company: 'Hooli Quantum Labs', startDate: '2016-03', endDate: '2019-12', highlights: [], skills: [] },
      ],
      skills: { all: ['TypeScript'], high: [{ name: 'TypeScript', confidence: 0.9, source: 'resume' }], medium: [], low: [] },
      seniority: { level: 'SENIOR', confidence: 0.8, yearsOfExperience: 6, reasoning: 'six years' },
    }));
    const { body } = await post<{ runEnhancement: Run }, unknown>(models.app.api!.url, RUN, {
      input: { resumeText: RESUME, jobAd: JOB_A, stages: ['ANALYSIS'], bypassCache: true },
    });
    expect(body.errors).toBeUndefined();
    const run = body.data!.runEnhancement;
    expect(run.status).toBe('COMPLETED');
    expect(models.fake.requests.some((r) => r.name === 'analysis' && r.outcome === 'ok')).toBe(true);

    expect(JSON.stringify(run.experiences)).not.toContain('Hooli');
    expect(run.experiences).toEqual([
      { title: 'SENIOR software engineer', company: 'acme  analytics', startDate: '2020-01', endDate: 'Present' },
      // the model's role keeps its true title and dates; its employer is ignored
      { title: 'Software Engineer', company: '', startDate: '2016-03', endDate: '2019-12' },
      // the role the model missed, as the resume states it
      { title: 'Junior Developer', company: 'Webcraft', startDate: '2014', endDate: '2016' },
    ]);
    const notes = run.stages.find((s) => s.stage === 'ANALYSIS')!.notes;
    expect(notes).toContain('ANALYSIS: 1 employer the model reported is not in the resume and was ignored: "Hooli Quantum Labs".');
    expect(notes).toContain('ANALYSIS: 1 role the model missed was added as the resume states it: "Junior Developer — Webcraft".');
  });
});
