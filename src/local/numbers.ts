/** Numbers as resumes write them (metrics), for key metrics, STAR checks and the truthfulness check. */

/** A number as a resume writes it: 40%, $1.2M, 3x, 12,000, 4.5, 10+ (years excluded). */
export const NUMBER_RE = /(?<![\p{L}\p{N}.,/_-])(?:[$€£¥]\s?)?\d+(?:,\d{3})*(?:\.\d+)?(?:\s?(?:%|[kKmMbB](?![\p{L}])|x(?![\p{L}])|\+))?(?![\p{L}\p{N}]|[/-]\d|[.,]\d)/gu;

export function numbersIn(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(NUMBER_RE)) {
    const v = m[0].trim();
    if (/^(?:19|20)\d\d$/.test(v)) continue; // a year
    if (/^0?\d$/.test(v) && /\d[/.-]$/.test(text.slice(Math.max(0, (m.index ?? 0) - 3), m.index))) continue;
    out.push(v);
  }
  return out;
}
