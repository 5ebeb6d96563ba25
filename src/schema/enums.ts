import { registerEnumType } from 'type-graphql';
import { STAGES } from '../domain/graph.js';
import { CREATIVITY_LEVELS } from '../domain/input.js';
import { SENIORITY_LEVELS, SKILL_SOURCES, SUGGESTION_KINDS } from '../domain/outputs.js';
import { ENHANCEMENT_STATUSES, EVENT_TYPES, STAGE_STATUSES } from '../store/types.js';

/** A GraphQL enum whose values are the given strings themselves. */
export function enumOf<const T extends readonly string[]>(values: T, name: string, description: string): { [K in T[number]]: K } {
  const object = Object.fromEntries(values.map((v) => [v, v])) as { [K in T[number]]: K };
  registerEnumType(object, { name, description });
  return object;
}

export const PipelineStage = enumOf(STAGES, 'PipelineStage', 'A stage of the enhancement pipeline.');
export const EnhancementStatus = enumOf(ENHANCEMENT_STATUSES, 'EnhancementStatus', 'Where an enhancement stands.');
export const StageStatus = enumOf(STAGE_STATUSES, 'StageStatus', 'Where one stage of an enhancement stands.');
export const EventType = enumOf(EVENT_TYPES, 'EventType', 'What an enhancement event announces.');
export const Creativity = enumOf(CREATIVITY_LEVELS, 'Creativity', 'How freely the drafter may reframe the facts.');
export const SeniorityLevel = enumOf(SENIORITY_LEVELS, 'SeniorityLevel', "The candidate's seniority.");
export const SuggestionKind = enumOf(SUGGESTION_KINDS, 'SuggestionKind', 'What a suggestion proposes.');
/** GraphQL names in upper case; the values inside are the pipeline's lower-case sources. */
export const SkillSource = Object.fromEntries(SKILL_SOURCES.map((s) => [s.toUpperCase(), s])) as {
  RESUME: 'resume';
  INPUT: 'input';
  INFERRED: 'inferred';
};
registerEnumType(SkillSource, {
  name: 'SkillSource',
  description: 'Where a skill was found: the resume, the extractedSkills input, or inferred from related evidence.',
});
