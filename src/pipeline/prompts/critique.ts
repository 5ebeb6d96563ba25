import { asData, DATA_RULE } from './delimit.js';

export const VERSION = 'critique-1';

export function critiquePrompt(data: { suggestions: unknown; jobAd: string }) {
  return {
    system: [
      'You are a demanding reviewer of career advice. Make every suggestion specific (name the tool, certification or deliverable),',
      "actionable (a first step and a scope), and aligned with the job ad's priorities. Drop weak, vague or duplicate suggestions; re-number priorities from 1.",
      DATA_RULE,
    ].join('\n'),
    user: [asData('job_ad', data.jobAd), asData('suggestions', data.suggestions)].join('\n\n'),
  };
}
