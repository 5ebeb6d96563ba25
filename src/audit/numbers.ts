/** Numbers as claims: dates, skill names (`S3`, `Python 3`) and certification names are not metrics. */
import { findDateRanges } from '../local/dates.js';
import { numbersIn } from '../local/numbers.js';
import { findSkillHits } from '../local/skills.js';
import { CERTIFICATIONS } from '../local/taxonomy.js';
import { escapeRegex, memo } from '../local/text.js';

export { numbersIn };

/**
 * Text with dates, skill names and certification names blanked, so the numbers left are claims.
 * Memoised: the same tailored text (a cached or table answer) is checked against many originals.
 */
export const numberText = memo(numberTextUncached, 256);

function numberTextUncached(text: string): string {
  let t = text;
  for (const line of t.split('\n')) {
    for (const r of findDateRanges(line)) t = t.replace(r.raw, ' ');
  }
  t = t.replace(/(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+(?:19|20)\d\d/gi, ' ');
  t = t.replace(/\b(?:19|20)\d\d[-/.]\d{1,2}\b|\b\d{1,2}[-/.](?:19|20)\d\d\b/g, ' ');
  const hits = findSkillHits(t);
  if (hits.length) {
    let out = '';
    let pos = 0;
    for (const h of hits) {
      if (h.index < pos) continue;
      out += t.slice(pos, h.index) + ' '.repeat(h.text.length);
      pos = h.index + h.text.length;
    }
    t = out + t.slice(pos);
  }
  t = t.replace(CERT_BLANK, (m) => ' '.repeat(m.length));
  return t;
}

const CERT_BLANK = new RegExp(
  CERTIFICATIONS.flatMap((c) => c.split('|'))
    .filter((a) => /\d/.test(a))
    .map(escapeRegex)
    .join('|'),
  'gi',
);

export function normNumber(n: string): { key: string; value: number } {
  const k = n.replace(/\s+/g, '').toLowerCase();
  const v = Number(k.replace(/[^\d.]/g, '').replace(/^\./, '')) || 0;
  return { key: k, value: v };
}

/** The numbers of a text as claims: `40%`, `$1.2M`, `120,000` (dates and product names left out). */
export function claimNumbers(text: string): string[] {
  return numbersIn(numberText(text));
}

/** Two written numbers say the same (`120,000` and `120000`, `40%` and `40 %`). */
export function sameNumber(a: string, b: string): boolean {
  const x = normNumber(a);
  const y = normNumber(b);
  return x.key === y.key || (x.value === y.value && x.key.replace(/[\d.,]/g, '') === y.key.replace(/[\d.,]/g, ''));
}
