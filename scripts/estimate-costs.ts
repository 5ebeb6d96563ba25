/**
 * What an enhancement costs per stage with the default model chains: the real prompts, rendered
 * for a sample resume and job ad, and replies the size of the local engine's answers, priced with
 * the gateway's price table. Usage: npx tsx scripts/estimate-costs.ts [RESUME_FILE JOB_FILE]
 */
import { buildResumeDocument } from '../src/documents/resume-document.js';
import { researchOutput } from '../src/pipeline/stages/research.js';
import { draftOutput } from '../src/pipeline/stages/draft.js';
import { starOutput } from '../src/pipeline/stages/star.js';
import { readFileSync } from 'node:fs';
import { DEFAULT_CHAINS, parseChain } from '../src/gateway/chains.js';
import { costOf, estimateTokens, specFor } from '../src/gateway/models.js';
import { runLocalTask } from '../src/local/index.js';
import type { Stage } from '../src/domain/graph.js';
import { gapPrompt, profilePrompt } from '../src/pipeline/prompts/analysis.js';
import { coverLetterPrompt } from '../src/pipeline/prompts/cover-letter.js';
import { critiquePrompt } from '../src/pipeline/prompts/critique.js';
import { draftPrompt } from '../src/pipeline/prompts/draft.js';
import { polishPrompt } from '../src/pipeline/prompts/polish.js';
import { researchPrompt } from '../src/pipeline/prompts/research.js';
import { starPrompt } from '../src/pipeline/prompts/star.js';
import { suggestPrompt } from '../src/pipeline/prompts/suggest.js';

const [resumeFile, jobFile] = process.argv.slice(2);
const resumeText = readFileSync(resumeFile ?? 'test/fixtures/10-principal-engineer/resume.md', 'utf8');
const jobAd = readFileSync(jobFile ?? 'test/fixtures/10-principal-engineer/job.md', 'utf8');
const asOf = '2026-11-21';

const profileIn = { resumeText, extractedSkills: [], confidenceThreshold: 0.7, asOf };
const profile = runLocalTask('analysis', profileIn);
const gapIn = { resumeText, jobAd, profile, domainInsights: null };
const fit = runLocalTask('analysis_gap', gapIn);
const analysis = { ...profile, ...fit };
const document = buildResumeDocument(resumeText);
const researchIn = { document, jobAd, analysis, asOf };
const research = runLocalTask('research', researchIn);
const { dossier } = researchOutput(document, research);
const draftIn = { jobAd, dossier, creativity: 'BALANCED' as const };
const draftAnswer = runLocalTask('draft', draftIn);
const { draft: creativeDraft } = draftOutput(dossier, draftAnswer);
const starIn = { creativeDraft, dossier };
const starAnswer = runLocalTask('star', starIn);
const { star } = starOutput(dossier, creativeDraft, starAnswer);
const polishIn = { star, jobAd };
const polished = runLocalTask('polish', polishIn);
const suggestIn = { analysis, jobAd };
const suggestions = runLocalTask('suggest', suggestIn);
const critiqueIn = { suggestions: suggestions.suggestions, jobAd };
const critique = runLocalTask('critique', critiqueIn);
const letterIn = { jobAd, dossier };
const letter = runLocalTask('cover_letter', letterIn);

const calls: Array<[Stage, { system: string; user: string }, unknown]> = [
  ['ANALYSIS', profilePrompt(profileIn), profile],
  ['ANALYSIS', gapPrompt(gapIn), fit],
  ['RESEARCH', researchPrompt(researchIn), research],
  ['DRAFT', draftPrompt(draftIn), draftAnswer],
  ['STAR', starPrompt(starIn), starAnswer],
  ['POLISH', polishPrompt(polishIn), polished],
  ['SUGGEST', suggestPrompt(suggestIn), suggestions],
  ['CRITIQUE', critiquePrompt(critiqueIn), critique],
  ['COVER_LETTER', coverLetterPrompt(letterIn), letter],
];

const rows = new Map<Stage, { model: string; prompt: number; completion: number; usd: number }>();
for (const [stage, prompt, reply] of calls) {
  const model = parseChain(DEFAULT_CHAINS[stage])[0]!;
  const promptTokens = estimateTokens(prompt.system, prompt.user);
  const completionTokens = estimateTokens(JSON.stringify(reply));
  const usd = costOf(specFor(model.model), { promptTokens, completionTokens });
  const row = rows.get(stage) ?? { model: model.id, prompt: 0, completion: 0, usd: 0 };
  rows.set(stage, { model: row.model, prompt: row.prompt + promptTokens, completion: row.completion + completionTokens, usd: row.usd + usd });
}
console.log('| stage | default model | prompt tokens | completion tokens | US$ |');
console.log('| --- | --- | ---: | ---: | ---: |');
let total = 0;
const line = (stage: string, row: { model: string; prompt: number; completion: number; usd: number }): void =>
  console.log(`| ${stage} | \`${row.model}\` | ${row.prompt} | ${row.completion} | ${row.usd.toFixed(5)} |`);
for (const [stage, row] of rows) {
  if (stage === 'COVER_LETTER') continue;
  total += row.usd;
  line(stage, row);
}
console.log(`| all seven | | | | **${total.toFixed(4)}** |`);
line('COVER_LETTER (when asked for)', rows.get('COVER_LETTER')!);
