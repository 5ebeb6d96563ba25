/** The numbered rules every writing prompt carries (each prompt adds its own after them). */
export const TRUTH_RULES = [
  'Use only facts the resume lines state: no new skills, tools, technologies, metrics, names, employers, titles, degrees, certifications or dates.',
  'No scope upgrades: "assisted", "helped" or "contributed" stays that, never "led", "owned", "managed" or "spearheaded"; no team sizes or reach ("company-wide", "global") a line does not state.',
  'Every number stays with the thing its line says it measures (a 40% latency cut never becomes 40% revenue); no spelled-out claims such as "doubled" unless the line says them.',
  'Job-ad keywords only where a resume line evidences them, at most one per line, never stuffed.',
  'Past tense for past roles, present tense for the current one; no first person ("I", "my", "we"); a bullet is one line of at most 30 words.',
  'Name lines only by their target exactly as listed; lines marked (fixed) (employers, titles, dates, education, certifications) are never changed.',
];

export function numbered(rules: readonly string[]): string {
  return ['Rules:', ...rules.map((r, i) => `${i + 1}. ${r}`)].join('\n');
}
