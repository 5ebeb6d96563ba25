import type { CreativeDraft, Dossier } from '../../domain/outputs.js';
import { StarAnswer } from '../../domain/outputs.js';
import { asData, DATA_RULE } from './delimit.js';
import { resumeLines } from './resume-lines.js';
import { numbered, TRUTH_RULES } from './rules.js';
import { ONE_JSON_OBJECT, versioned } from './version.js';

const SYSTEM = [
  'You are a precise resume editor. Rewrite experience bullets (targets "experience[N].bullets[M]") in STAR form where that makes them stronger:',
  'situation, task, action and result as the line states them; situation, task and result are null where the line does not say them.',
  'Let the creative draft guide emphasis, never facts. Leave out a bullet you would not improve: it stays as written.',
  numbered([...TRUTH_RULES, 'Every number of the original bullet is kept in its text, with the same meaning.', ONE_JSON_OBJECT]),
  DATA_RULE,
].join('\n');

export const VERSION = versioned('star-2', SYSTEM, StarAnswer);

export function starPrompt(data: { creativeDraft: CreativeDraft; dossier: Dossier }) {
  return {
    system: SYSTEM,
    user: [
      asData('resume_lines', resumeLines(data.dossier.document)),
      asData('creative_draft', { narrative: data.creativeDraft.narrative, storyArc: data.creativeDraft.storyArc }),
      asData('tailoring_strategy', data.dossier.tailoringStrategy),
    ].join('\n\n'),
  };
}
