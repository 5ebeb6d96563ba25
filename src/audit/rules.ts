/**
 * The audit's rules for one line of text against the lines it rests on (its sources) and the whole
 * resume. Each rule names what it finds with a contract kind; none of them calls a model.
 */
import type { TruthFinding } from '../domain/changes.js';
import type { ExtractedSkill } from '../domain/input.js';
import { dateKeys, findDateRanges, findDates } from '../local/dates.js';
import { canonicalSkill, findCertifications, findSkills, impliedSkills } from '../local/skills.js';
import { DEGREES } from '../local/taxonomy.js';
import { contentTokens, memo, normKey } from '../local/text.js';
import { claimNumbers, sameNumber } from './numbers.js';

type Finding = TruthFinding;
const cut = (s: string): string => s.trim().slice(0, 200);

// ---------------------------------------------------------------- the resume, read once

/** What the rules look up in the whole resume, computed once per resume text. */
interface ResumeFacts {
  /** ` normKey(resume) ` */
  key: string;
  lower: string;
  lines: string[];
  lineNumbers: string[][];
  numbers: string[];
  dates: Set<string>;
  certs: Set<string>;
  degrees: Set<string>;
  teams: number[];
}

const factsOf = memo((text: string): ResumeFacts => {
  const lines = text.split('\n').filter((l) => l.trim());
  const lineNumbers = lines.map((l) => claimNumbers(l));
  return {
    key: ` ${normKey(text)} `,
    lower: text.toLowerCase(),
    lines,
    lineNumbers,
    numbers: lineNumbers.flat(),
    dates: dateKeys(text),
    certs: new Set(findCertifications(text)),
    degrees: new Set(DEGREES.filter((d) => d.pattern.test(text)).map((d) => d.label)),
    teams: teamSizes(text).map((t) => t.value),
  };
}, 200);

// ---------------------------------------------------------------- skills

const resumeSkills = memo((text: string): string[] => {
  const out = new Set<string>();
  for (const s of findSkills(text)) {
    out.add(s.toLowerCase());
    for (const i of impliedSkills(s)) out.add(i.toLowerCase());
  }
  return [...out];
}, 500);

/** Skills the resume names or evidences (implied by one it names), and upstream skills at or above the threshold. */
export function supportedSkills(resumeText: string, extracted: readonly ExtractedSkill[]): Set<string> {
  const out = new Set(resumeSkills(resumeText));
  for (const e of extracted) {
    out.add(e.name.toLowerCase());
    out.add(canonicalSkill(e.name).name.toLowerCase());
  }
  return out;
}

/** The skills, tools and technologies a text names that nothing supports. */
export function inventedSkills(text: string, supported: ReadonlySet<string>): string[] {
  return findSkills(text).filter((s) => !supported.has(s.toLowerCase()));
}

// ---------------------------------------------------------------- scope

/** Ownership words, by family: a rewrite may use one when its source uses the same family. */
const LEAD_FAMILIES: [string, RegExp][] = [
  ['led', /\b(?:led|lead|leads|leading|leader|leadership)\b/i],
  ['owned', /\b(?:owned|own|owns|owning|owner|ownership)\b/i],
  ['managed', /\b(?:managed|manage|manages|managing|manager|management)\b/i],
  ['spearheaded', /\bspearhead(?:ed|s|ing)?\b/i],
  ['headed', /\bhead(?:ed|s|ing)?\s+(?:up\s+)?(?:the|a|an|our|its)\b/i],
  ['directed', /\b(?:directed|direct(?:s|ing)?|director)\b(?!\s+(?:reports?|to|with))/i],
  ['oversaw', /\b(?:oversaw|oversee|oversees|overseeing|oversight)\b/i],
  ['supervised', /\bsupervis(?:ed|e|es|ing|or)\b/i],
  ['championed', /\bchampion(?:ed|s|ing)?\b/i],
];
const ASSIST = /\b(?:assist(?:ed|s|ing)?|help(?:ed|s|ing)?|contribut(?:ed|es|e|ing)|support(?:ed|ing)?\s+(?:the|a|an)\b|participat(?:ed|es|e|ing)|part of|member of|alongside)\b/i;
const SCOPE_WORDS =
  /\b(?:company[- ]?wide|organi[sz]ation[- ]wide|org[- ]wide|enterprise[- ]wide|firm[- ]wide|department[- ]wide|globally|global|worldwide|world[- ]wide|across the (?:company|organi[sz]ation|org|business|enterprise|firm)|across all (?:teams|departments|offices|regions)|entire (?:company|organi[sz]ation|org|business|enterprise)|every team|single[- ]handedly|solely|sole)\b/gi;

const NUMBER_WORDS: Record<string, number> = {
  two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12, fifteen: 15, twenty: 20,
  thirty: 30, forty: 40, fifty: 50, dozen: 12, hundred: 100,
};
const COUNT = `(\\d+\\+?|${Object.keys(NUMBER_WORDS).join('|')})`;
const PEOPLE = '(?:people|persons?|members?|engineers?|developers?|designers?|analysts?|scientists?|reports?|direct reports|nurses?|reps|representatives|staff|teammates|employees|specialists|agents|managers|contractors)';
const TEAM_SIZE = new RegExp(
  `\\b(?:(?:team|group|squad|staff|organi[sz]ation|org|department)\\s+of\\s+${COUNT}(?:\\s+${PEOPLE})?|${COUNT}[- ](?:person|people|member|strong)\\b|${COUNT}\\s+${PEOPLE})\\b`,
  'gi',
);

const countValue = (s: string): number => NUMBER_WORDS[s.toLowerCase()] ?? Number(s.replace(/\D/g, ''));

/** Team sizes a text states, as numbers, with their text. */
export function teamSizes(text: string): { value: number; text: string }[] {
  const out: { value: number; text: string }[] = [];
  for (const m of text.matchAll(TEAM_SIZE)) {
    const n = m[1] ?? m[2] ?? m[3];
    if (n) out.push({ value: countValue(n), text: m[0] });
  }
  return out;
}

/** More ownership or reach than the sources state (an empty source list means the whole resume is the source). */
export function scopeFindings(claim: string, sources: readonly string[], wholeResume: string): Finding[] {
  const out: Finding[] = [];
  const source = sources.length ? sources.join('\n') : wholeResume;
  for (const [family, pattern] of LEAD_FAMILIES) {
    const m = pattern.exec(claim);
    if (m && !pattern.test(source)) {
      out.push({ kind: 'INFLATED_SCOPE', excerpt: cut(claim), detail: `"${m[0]}" claims more ownership than the source (${family} is not what it says${ASSIST.test(source) ? `; it says "${ASSIST.exec(source)![0]}"` : ''}).` });
      break;
    }
  }
  if (!out.length && ASSIST.test(source) && !ASSIST.test(claim) && sources.length) {
    out.push({ kind: 'INFLATED_SCOPE', excerpt: cut(claim), detail: `The source says "${ASSIST.exec(source)![0]}"; the rewrite drops that and claims the work alone.` });
  }
  const whole = sources.length ? null : factsOf(wholeResume);
  const sourceLower = whole ? whole.lower : source.toLowerCase();
  for (const m of claim.matchAll(SCOPE_WORDS)) {
    if (!sourceLower.includes(m[0].toLowerCase())) {
      out.push({ kind: 'INFLATED_SCOPE', excerpt: cut(claim), detail: `"${m[0]}" claims a reach the source does not state.` });
      break;
    }
  }
  const teams = teamSizes(claim);
  if (!teams.length) return out;
  const stated = whole ? whole.teams : teamSizes(source).map((t) => t.value);
  const sourceNumbers = new Set((whole ? whole.numbers : claimNumbers(source)).map((n) => Number(n.replace(/\D/g, ''))));
  for (const t of teams) {
    if (!stated.includes(t.value) && !sourceNumbers.has(t.value)) {
      out.push({ kind: 'INFLATED_SCOPE', excerpt: cut(claim), detail: `"${t.text}" states a team size the source does not.` });
      break;
    }
  }
  return out;
}

// ---------------------------------------------------------------- numbers

const SPELLED_CLAIMS = /\b(?:doubled|doubling|tripled|tripling|quadrupled|halved|halving|twofold|two-fold|threefold|three-fold|tenfold|ten-fold|\d+-fold|twice as|three times|ten times|order of magnitude)\b/gi;

const CLAUSE = /\s+(?:by|with|through|via|using|while|and|from|after|for)\s+|[,;:()—–]/i;

/**
 * What a number measures: the content words of its clause (the text between "by", "with", commas, …),
 * or of the clause before it when its own has fewer than two ("cut p99 latency by 40%").
 */
function contextOf(text: string, number: string): string[] {
  const clauses = text.split(CLAUSE).filter((c) => c && c.trim());
  const at = clauses.findIndex((c) => c.includes(number));
  if (at < 0) return [];
  const words = (c: string | undefined): string[] => (c ? contentTokens(c.replace(number, ' ')).filter((t) => !/^\d/.test(t)) : []);
  const own = words(clauses[at]);
  return own.length >= 2 || at === 0 ? [...own, ...(own.length < 2 ? words(clauses[at + 1]) : [])] : [...own, ...words(clauses[at - 1])];
}

/**
 * Numbers in a claim that its sources do not state, or state about something else (40% latency →
 * 40% revenue), and spelled-out claims ("doubled") the sources do not make. Team sizes are scope.
 */
export function numberFindings(claim: string, sources: readonly string[], wholeResume: string): Finding[] {
  const out: Finding[] = [];
  const facts = factsOf(wholeResume);
  const pool = sources.length ? [...sources] : facts.lines;
  const poolNumbers = sources.length ? pool.map((l) => claimNumbers(l)) : facts.lineNumbers;
  const teams = new Set(teamSizes(claim).map((t) => t.value));
  const resumeNumbers = facts.numbers;
  for (const n of claimNumbers(claim)) {
    if (teams.has(Number(n.replace(/\D/g, '')))) continue;
    const holders = pool.filter((_, i) => poolNumbers[i]!.some((m) => sameNumber(m, n)));
    if (!holders.length) {
      const elsewhere = resumeNumbers.some((m) => sameNumber(m, n));
      out.push({
        kind: 'INFLATED_NUMBER',
        excerpt: cut(claim),
        detail: elsewhere ? `${n} is in the resume, but not in the line this rests on: it was moved to another context.` : `${n} is not a number the resume states.`,
      });
      continue;
    }
    const context = contextOf(claim, n);
    if (!context.length) continue;
    const fits = holders.some((line) => {
      const words = new Set(contentTokens(line));
      return context.some((t) => words.has(t));
    });
    if (!fits) out.push({ kind: 'INFLATED_NUMBER', excerpt: cut(claim), detail: `${n} is in the source, but about something else: the rewrite moves it to another context.` });
  }
  const source = sources.length ? pool.join('\n').toLowerCase() : facts.lower;
  for (const m of claim.matchAll(SPELLED_CLAIMS)) {
    if (!source.includes(m[0].toLowerCase())) {
      out.push({ kind: 'INFLATED_NUMBER', excerpt: cut(claim), detail: `"${m[0]}" is a quantity the source does not state.` });
      break;
    }
  }
  return out;
}

// ---------------------------------------------------------------- facts

const ORG_WORD = "[A-Z][\\w&'-]*(?:\\.[A-Za-z]+)*";
const ORG_CUE = new RegExp(`\\b(?:at|for|with|joined|from|partnered with|client|clients such as|including)\\s+((?:${ORG_WORD})(?:\\s+(?:${ORG_WORD}|&|of))*)`, 'g');
const TITLE_CUE =
  /\bas\s+(?:an?\s+|the\s+)?((?:[A-Z][\w-]*\s+){0,4}(?:Engineer|Manager|Director|Lead|Head|VP|Vice President|Architect|Analyst|Designer|Scientist|Developer|Officer|Consultant|Specialist|Nurse|Coordinator|Administrator|Executive|Partner|Principal))\b/g;

/** Employers, titles, degrees, certifications and dates a line states that the resume does not. */
export function factFindings(claim: string, wholeResume: string): Finding[] {
  const out: Finding[] = [];
  const facts = factsOf(wholeResume);
  const inResume = (s: string): boolean => facts.key.includes(` ${normKey(s)} `);
  for (const m of claim.matchAll(ORG_CUE)) {
    const org = m[1]!.replace(/\s+(?:&|of)$/, '').trim();
    if (org.length < 2 || inResume(org) || findSkills(org).length > 0 || /^(?:I|A|An|The)$/.test(org)) continue;
    out.push({ kind: 'INVENTED_EMPLOYER', excerpt: cut(claim), detail: `"${org}" is not an organisation the resume names.` });
    break;
  }
  for (const m of claim.matchAll(TITLE_CUE)) {
    if (inResume(m[1]!)) continue;
    out.push({ kind: 'INVENTED_TITLE', excerpt: cut(claim), detail: `"${m[1]}" is not a title the resume gives.` });
    break;
  }
  for (const d of DEGREES) {
    const m = d.pattern.exec(claim);
    if (m && !facts.degrees.has(d.label)) out.push({ kind: 'INVENTED_DEGREE', excerpt: cut(claim), detail: `A ${d.label} ("${m[0]}") that the resume does not mention.` });
  }
  for (const c of findCertifications(claim)) {
    if (!facts.certs.has(c)) out.push({ kind: 'INVENTED_CERTIFICATION', excerpt: cut(claim), detail: `The certification "${c}" is not in the resume.` });
  }
  const dates = facts.dates;
  for (const d of [...findDateRanges(claim).flatMap((r) => [r.start, r.end]), ...findDates(claim)]) {
    if (!d || d.present) continue;
    if (!dates.has(d.value) && !dates.has(String(d.year))) {
      out.push({ kind: 'CHANGED_DATE', excerpt: cut(claim), detail: `The date ${d.value} is not in the resume.` });
      break;
    }
  }
  return out;
}

// ---------------------------------------------------------------- person

const FIRST_PERSON = /(?:^|[^\p{L}'’])(I|I'm|I’m|I've|I’ve|I'd|me|my|mine|myself|we|We|our|Our|ours|us|My|Me)(?![\p{L}'’/])/u;

/** A line in the first person, when its source was not. */
export function personFindings(claim: string, before: string | null): Finding[] {
  const m = FIRST_PERSON.exec(claim);
  if (!m || (before && FIRST_PERSON.test(before))) return [];
  return [{ kind: 'FIRST_PERSON', excerpt: cut(claim), detail: `"${m[1]}": resume lines are written without the first person.` }];
}
