/**
 * STAR bullets (task `star`) from the resume's own bullets: each bullet is split into action and result, the
 * situation is the role, the task is the goal the result names. The rewritten text keeps every number and every
 * proper noun of the original bullet and adds none; when a rewrite cannot guarantee that, the bullet stays as written.
 */
import { bulletTarget } from '../domain/document.js';
import type { StarRewrite } from '../domain/outputs.js';
import type { CreativeDraft, Dossier, StarAnswer } from './types.js';
import type { DocEntry } from './document.js';
import { entriesOf } from './draft.js';
import { numbersIn } from './numbers.js';
import { capitalize, lowerFirst } from './text.js';

const RESULT_LINK =
  /,?\s+(?:resulting in|which resulted in|leading to|which led to|delivering|driving|enabling|yielding|achieving|saving|cutting|reducing|increasing|improving|boosting|growing|raising|lowering|so that|for a|to achieve|to deliver|(?:that|which)(?=\s+[a-z]+ed\b)|—|–|-)\s+/i;
const BY_GERUND = /^(.*?\d.*?)\s+by\s+((?:\w+ing)\b.*)$/i;

/** Irregular and common past-tense verbs to their base form (for the "task" sentence). */
const BASE: Record<string, string> = {
  led: 'lead', built: 'build', ran: 'run', grew: 'grow', cut: 'cut', drove: 'drive', wrote: 'write', made: 'make', won: 'win',
  set: 'set', sold: 'sell', taught: 'teach', brought: 'bring', oversaw: 'oversee', began: 'begin', held: 'hold', kept: 'keep',
  rebuilt: 'rebuild', rewrote: 'rewrite', shipped: 'ship', spun: 'spin', took: 'take', gave: 'give', saw: 'see',
};

export function baseVerb(word: string): string {
  const w = word.toLowerCase();
  if (BASE[w]) return BASE[w];
  if (/ied$/.test(w)) return w.slice(0, -3) + 'y';
  if (/([bcdfghjklmnpqrstvwxz])\1ed$/.test(w) && !/(ll|ss|ff|zz)ed$/.test(w)) return w.slice(0, -3);
  if (/(at|iz|is|ur|ag|ot|uc|as|ir|rv|iv|ov|ac|ud|ar|ng|ns|rg|dg|ag|ul|it)ed$/.test(w) && !/(ated|ized|ised)$/.test(w)) return w.slice(0, -1);
  if (/(ated|ized|ised|uced|ved|ged|ssed|nced|rced|iled|ored|ured)$/.test(w)) return w.endsWith('ssed') || w.endsWith('iled') || w.endsWith('ored') ? w.slice(0, -2) : w.slice(0, -1);
  if (/ed$/.test(w)) return w.slice(0, -2);
  return w;
}

/** "reducing" → "reduce", "cutting" → "cut", "growing" → "grow". */
export function gerundBase(word: string): string {
  const w = word.toLowerCase();
  if (!w.endsWith('ing') || w.length < 5) return w;
  const stem = w.slice(0, -3);
  if (/([bdgmnprt])\1$/.test(stem)) return stem.slice(0, -1);
  if (/(?:[cvz]|at|iz|is|as|us|bl|pl|gl|dl|tl|ur|ar|ir|ag|dg|rg|uc|iv|av|ot|ut|in|ud)$/.test(stem) && !/(?:ain|oin|een|ear|air|oot|eat)$/.test(stem)) return stem + 'e';
  return stem;
}

function isPastVerb(w: string): boolean {
  return /^[A-Za-z]+ed$/.test(w) || Object.prototype.hasOwnProperty.call(BASE, w.toLowerCase());
}

/** Capitalised words that are not sentence-initial (proper nouns, product names, acronyms). */
function properNouns(s: string): string[] {
  const words = s.split(/\s+/).slice(1);
  return words.map((w) => w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}+#]+$/gu, '')).filter((w) => /^\p{Lu}/u.test(w));
}

function preserves(original: string, rewritten: string): boolean {
  const nums = numbersIn(original);
  const newNums = numbersIn(rewritten);
  if (nums.some((n) => !rewritten.includes(n))) return false;
  if (newNums.some((n) => !original.includes(n))) return false;
  const lowerNew = rewritten.toLowerCase();
  return properNouns(original).every((p) => lowerNew.includes(p.toLowerCase()));
}

export interface StarParts {
  situation: string;
  task: string;
  action: string;
  result: string;
  text: string;
}

/** Decomposes one bullet into STAR parts. `style` picks the joining words deterministically. */
export function starify(bullet: string, e: DocEntry | null, style: number): StarParts {
  const original = bullet.trim().replace(/\s+/g, ' ').replace(/[.;]\s*$/, '');
  const where = e ? `${e.title ? `As ${e.title}` : 'In this role'}${e.company ? ` at ${e.company}` : ''}` : 'In this work';
  const situation = `${where}${e?.dateText ? ` (${e.dateText})` : ''}`;
  let action = original;
  let result = '';
  let m = BY_GERUND.exec(original);
  if (m) {
    result = m[1];
    action = m[2];
  } else {
    const link = RESULT_LINK.exec(original);
    if (link && link.index > 10 && original.length - (link.index + link[0].length) > 3) {
      action = original.slice(0, link.index);
      const connector = link[0].trim().replace(/^,\s*/, '');
      const tail = original.slice(link.index + link[0].length);
      result = /^(?:—|–|-|that|which)$/i.test(connector) ? tail : `${connector} ${tail}`;
    } else if (numbersIn(original).length) {
      result = original;
    }
  }
  const goal = (result || action).replace(/^(?:resulting in|which resulted in|leading to|which led to|so that|for a|to achieve|to deliver)\s+/i, '');
  const firstWord = goal.split(/\s+/)[0] ?? '';
  const rest = goal.split(/\s+/).slice(1).join(' ');
  const base = isPastVerb(firstWord) ? baseVerb(firstWord) : /^[A-Za-z]+ing$/.test(firstWord) ? gerundBase(firstWord) : '';
  const task = base
    ? capitalize(`${base} ${rest}`.replace(/\s+(?:by|to|from|with|at)\s+(?:over\s+|more than\s+|nearly\s+)?[$€£]?\d.*$/i, '').replace(/[,;]\s*$/, ''))
    : `Deliver ${lowerFirst(goal)}`;
  let text: string;
  if (m) text = style === 0 ? `${capitalize(result)}, achieved by ${action}` : `${capitalize(result)} through ${action}`;
  else if (result && result !== original) {
    text = style === 0 ? `${capitalize(action)} — ${lowerFirst(result)}` : original;
  } else text = original;
  if (!preserves(original, text)) text = original;
  text = capitalize(text).replace(/\s+/g, ' ');
  if (!/[.!?]$/.test(text)) text += '.';
  return { situation, task: task.replace(/\s+/g, ' ').trim(), action: capitalize(action), result: result ? capitalize(result) : 'Outcome not quantified in the resume', text };
}

/**
 * Rewrites by target: each bullet the STAR split improves, with situation and task left null (a bullet states its
 * action and, at most, its result) and the result null where the bullet states none. Bullets it cannot improve
 * are not proposed: they stay as written.
 */
export function runStar(input: { creativeDraft: CreativeDraft; dossier: Dossier }): StarAnswer {
  const entries = entriesOf(input.dossier?.document);
  const narrative = (input.creativeDraft?.narrative ?? '').trim();
  const seed = narrative.length + (input.creativeDraft?.storyArc?.length ?? 0);
  const bullets: StarRewrite[] = [];
  let n = 0;
  entries.forEach((e, i) => {
    e.bullets.forEach((b, j) => {
      const p = starify(b, e, (seed + n++) % 2);
      const original = b.trim().replace(/\s+/g, ' ');
      if (p.text.replace(/[.]$/, '') === original.replace(/[.]$/, '')) return;
      const stated = p.result !== 'Outcome not quantified in the resume';
      bullets.push({ target: bulletTarget(i, j), situation: null, task: null, action: p.action, result: stated ? p.result : null, text: p.text });
    });
  });
  return { bullets };
}
