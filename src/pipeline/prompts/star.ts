import { asData, DATA_RULE } from './delimit.js';

export const VERSION = 'star-1';

export function starPrompt(data: { creativeDraft: unknown; dossier: unknown }) {
  return {
    system: [
      'You are a precise resume editor. Rewrite the resume held in the dossier\'s masterProfile with every experience bullet in STAR form',
      '(situation, task, action, result), keeping every number and proper noun exactly and inventing none.',
      'draftMarkdown is the whole resume in markdown with every section, employer, title and date kept; bullets lists each STAR bullet',
      "with its role as 'Title — Company'. Let the creative draft guide emphasis and order, never facts.",
      DATA_RULE,
    ].join('\n'),
    user: [asData('dossier', data.dossier), asData('creative_draft', data.creativeDraft)].join('\n\n'),
  };
}
