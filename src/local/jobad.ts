/**
 * Job-ad requirement extraction: required vs preferred (by section and by phrase), years-of-experience demands,
 * seniority words, degrees and certifications.
 */
import { DEGREES } from './taxonomy.js';
import { findCertificationHits, findSkillHits, findSkills, skillCategory } from './skills.js';
import { isBullet, normalizeText, stripBullet, stripMarkdown } from './text.js';
import type { SeniorityLevel } from './types.js';

export type ReqKind = 'skill' | 'certification' | 'degree' | 'years';

export interface Requirement {
  keyword: string;
  kind: ReqKind;
  required: boolean;
  /** The job-ad line it comes from. */
  line: string;
  /** For degrees: level (see DEGREES); for years: the number demanded. */
  level?: number;
  /** Alternatives ("Snowflake or BigQuery") share a group id: any one of them meets the group. */
  group?: string;
  /** Where the ad says it: a requirements list, a nice-to-have list, the duties, or elsewhere. */
  zone: 'required' | 'preferred' | 'duties' | 'other';
  /** For certifications named generically ("AWS certification"): the skill the certificate is in. */
  skill?: string;
}

export interface JobProfile {
  title: string;
  requirements: Requirement[];
  yearsRequired: number | null;
  seniority: SeniorityLevel | null;
  /** Every skill the ad names anywhere (requirements first). */
  allSkills: string[];
}

type Zone = 'required' | 'preferred' | 'duties' | 'about' | 'neutral';

const REQUIRED_HEAD =
  /\b(?:requirements?|required|mandatory|must[- ]haves?|qualifications|what you(?:'|’)?ll (?:need|bring)|what you need|what you bring|you have|you bring|you(?:'|’)?re|who you are|what we(?:'|’)?re looking for|we(?:'|’)?re looking for|what we look for|minimum|basic qualifications|essential|skills(?: (?:and|&) experience)?|experience|about you|your profile|your background|the ideal candidate|ideal candidate|competencies|key skills)\b/i;
const PREFERRED_HEAD =
  /\b(?:nice[- ]to[- ]haves?|bonus(?: points)?|preferred|pluses|a plus|desirable|desired|ideally|extra credit|good to have|great to have|would be great|it(?:'|’)?s a plus|even better|additional|assets?|advantageous|an advantage|highly regarded)\b/i;
const DUTIES_HEAD = /\b(?:responsibilit(?:y|ies)|what you(?:'|’)?ll do|what you will do|the role|your role|role overview|day[- ]to[- ]day|you will|duties|your impact|what you(?:'|’)?ll work on|your mission|the job|key tasks)\b/i;
const ABOUT_HEAD = /\b(?:about (?:us|the company|the team|[A-Z]\w+)|benefits|perks|we offer|what we offer|compensation|salary|why join|why you(?:'|’)?ll love|our (?:team|company|values|mission)|equal opportunity|how to apply|location|working here|life at)\b/i;

const PREFERRED_PHRASE =
  /\b(?:a plus|is a plus|are a plus|plus(?=\s*(?:[.!,;)]|$))|pluses|nice[- ]to[- ]have|bonus|preferred|preferably|desirable|desired|ideally|good to have|an advantage|advantageous|helpful|would be (?:great|nice|ideal|useful|an asset)|an asset|(?:highly\s+)?regarded|is welcome|appreciated|beneficial|not required|optional)\b/i;
const REQUIRED_PHRASE = /\b(?:required|must|mandatory|essential|need to have|you have|proven|minimum|at least|strong|solid|expert|proficien(?:t|cy))\b/i;

function headingZone(line: string): Zone | null {
  const raw = line.trim();
  const s = stripMarkdown(raw).replace(/[:：]\s*$/, '').trim();
  if (!s) return null;
  const marked = /^#{1,6}\s/.test(raw) || /[:：]\s*$/.test(raw) || /^(?:\*\*|__).*(?:\*\*|__):?$/.test(raw);
  const isHeadingShape =
    marked || (s.split(/\s+/).length <= 5 && !isBullet(raw) && !/[.,;!?]$/.test(s) && !/\d/.test(s) && findSkills(s).length === 0);
  if (!isHeadingShape || s.split(/\s+/).length > 9 || isBullet(raw)) return null;
  if (PREFERRED_HEAD.test(s)) return 'preferred';
  if (ABOUT_HEAD.test(s)) return 'about';
  if (DUTIES_HEAD.test(s)) return 'duties';
  if (REQUIRED_HEAD.test(s)) return 'required';
  return /^#{1,6}\s/.test(raw) || /[:：]\s*$/.test(raw) ? 'neutral' : null;
}

const SENIORITY_WORDS: [SeniorityLevel, RegExp][] = [
  ['PRINCIPAL', /\b(?:principal|distinguished|director|head of|vp|vice president|chief)\b/i],
  ['LEAD', /\b(?:lead|staff|manager|team lead|tech lead)\b/i],
  ['SENIOR', /\b(?:senior|sr\.?|experienced)(?![\w])/i],
  ['MID', /\b(?:mid[- ]level|intermediate|mid[- ]senior)\b/i],
  ['JUNIOR', /\b(?:junior|jr\.?|entry[- ]level|graduate|intern|internship|new grad|trainee|associate)(?![\w])/i],
];

export function seniorityWord(text: string): SeniorityLevel | null {
  for (const [level, re] of SENIORITY_WORDS) if (re.test(text)) return level;
  return null;
}

const YEARS_RE = /(\d{1,2})\s*(?:\+|plus)?\s*(?:(?:-|–|to)\s*(\d{1,2})\s*)?\+?\s*(?:years?|yrs?)(?:['’]s?)?\b/i;
const WORD_NUM: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, twelve: 12, fifteen: 15 };

export function yearsDemand(line: string): number | null {
  const l = line.replace(/\b(one|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen)\b(?=\s*\+?\s*(?:\(\d+\)\s*)?(?:years?|yrs?))/gi, (w) => String(WORD_NUM[w.toLowerCase()]));
  const m = YEARS_RE.exec(l);
  if (!m) return null;
  const n = Number(m[1]);
  if (!(n > 0 && n <= 30)) return null;
  return n;
}

/** "growth or performance marketing" → "growth marketing or performance marketing" when that names a skill. */
export function expandEllipsis(text: string): string {
  return text.replace(/\b([A-Za-z][\w-]*)\s+(or|and|\/|&)\s+([A-Za-z][\w-]*)\s+([A-Za-z][\w-]*)\b/g, (m, a: string, op: string, b: string, d: string) => {
    const full = `${a} ${d}`;
    const found = findSkills(full);
    if (found.length !== 1 || findSkills(a).length > 0) return m;
    if (findSkills(`${b} ${d}`).length === 0) return m;
    return `${full} ${op} ${b} ${d}`;
  });
}

/** Blanks the field of study after a degree ("Master's in Statistics"): a field is not a skill requirement. */
export function blankDegreeField(text: string): string {
  for (const d of DEGREES) {
    const m = d.pattern.exec(text);
    if (!m) continue;
    const from = (m.index ?? 0) + m[0].length;
    const rest = text.slice(from);
    const field = /^\s*(?:degree\s+)?(?:in|of)\s+[^;.()]*/i.exec(rest);
    if (field) return text.slice(0, from) + ' '.repeat(field[0].length) + rest.slice(field[0].length);
  }
  return text;
}

const cache = new Map<string, JobProfile>();

export function parseJobAd(text: string): JobProfile {
  const hit = cache.get(text);
  if (hit) return hit;
  const jp = parseJobAdUncached(text);
  if (cache.size > 64) cache.clear();
  cache.set(text, jp);
  return jp;
}

function parseJobAdUncached(text: string): JobProfile {
  const lines = normalizeText(text ?? '').split('\n');
  const reqs = new Map<string, Requirement>();
  const allSkills: string[] = [];
  let zone: Zone = 'neutral';
  let title = '';
  let yearsRequired: number | null = null;
  let seniority: SeniorityLevel | null = null;
  const hasRequirementsZone = lines.some((l) => headingZone(l) === 'required');
  let sawContent = false;
  const firstContent = lines.findIndex((l) => l.trim());
  let groupSeq = 0;
  let curZone: Requirement['zone'] = 'other';
  const add = (keyword: string, kind: ReqKind, required: boolean, line: string, level?: number, group?: string, skill?: string): void => {
    const key = `${kind}:${keyword.toLowerCase()}`;
    const prev = reqs.get(key);
    if (prev) {
      if (required && !prev.required) prev.required = true;
      if (level !== undefined && (prev.level === undefined || level > prev.level)) prev.level = level;
      if (!group) prev.group = undefined; // named on its own somewhere: a requirement in its own right
      return;
    }
    reqs.set(key, { keyword, kind, required, line, level, group, zone: curZone, skill });
  };
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i];
    if (!raw.trim()) continue;
    let z = headingZone(raw);
    let content = stripMarkdown(isBullet(raw) ? stripBullet(raw) : raw);
    // an ad written as one paragraph: its first sentence (up to ". ", " — " or ": ") is the title, the rest is read
    let paragraphRest = '';
    if (i === firstContent && content.split(/\s+/).length > 16) {
      const m = /^(.{3,140}?)(?:(?<!\b(?:St|Dr|Mr|Mrs|Ms|Inc|Ltd|Co|Jr|Sr|[A-Z]))\.\s+|\s+[—–]\s+|:\s+)(?=\S)/.exec(content);
      if (m) {
        paragraphRest = content.slice(m[0].length);
        content = m[1];
        z = null;
      }
    }
    if (!title && content && !sawContent && (z === null || z === 'neutral' || z === 'about')) {
      title = content.slice(0, 120);
      seniority = seniorityWord(title);
      z = 'neutral';
    }
    sawContent = true;
    if (z === 'neutral' && i === firstContent) {
      // the title line: its skills are context, not requirements
      for (const s of findSkills(content)) if (!allSkills.includes(s)) allSkills.push(s);
      if (!paragraphRest) continue;
      content = paragraphRest;
      z = null;
    }
    if (z) {
      zone = z;
      // "Requirements: Python, SQL" — a heading with content after the colon
      continue;
    }
    // inline zone prefixes: "Must have: …", "Nice to have: …"
    let lineZone = zone;
    const inline = /^([^:]{2,40}):\s*\S/.exec(content);
    if (inline) {
      // "Nice to have: Kafka" sets the zone; "MLOps: MLflow, Kubeflow" under Requirements stays required
      const iz = headingZone(inline[1] + ':');
      if (iz && iz !== 'neutral') lineZone = iz;
    }
    if (lineZone === 'about') continue;
    curZone = lineZone === 'neutral' ? 'other' : lineZone;
    const zoneRequired =
      lineZone === 'preferred' ? false : lineZone === 'required' ? true : lineZone === 'duties' ? !hasRequirementsZone : !hasRequirementsZone || REQUIRED_PHRASE.test(content);
    const required = PREFERRED_PHRASE.test(content) ? false : zoneRequired;
    // each sentence is judged by its own wording ("Expert in C#. Angular is a plus."); within one, a qualifier in
    // parentheses or after a comma judges its own part ("licence (Red Seal preferred)", "Python, ideally Go"), and a
    // qualifier naming nothing judges the part before it ("Kafka (nice to have)")
    const parts: { text: string; required: boolean }[] = [];
    const explicit = (t: string): boolean => /\b(?:required|must|mandatory)\b/i.test(t);
    const names = (t: string): boolean => findSkillHits(t).length + findCertificationHits(t).length > 0;
    for (const sentence of content.split(/;|(?<!\b(?:[A-Z]|St|Dr|Inc|Ltd|Co|Jr|Sr|e\.g|i\.e|vs|etc))\.\s+/)) {
      const sub = sentence.split(/\s+\(|\s*,\s*(?:and\s+)?(?=(?:ideally|preferably|bonus|plus)\b)/i);
      const sentPreferred = PREFERRED_PHRASE.test(sentence);
      const ownQualifier = sub.length > 1 && sub.some((x) => PREFERRED_PHRASE.test(x) && names(x));
      sub.forEach((x, k) => {
        let r: boolean;
        if (PREFERRED_PHRASE.test(x)) r = false;
        else if (explicit(x)) r = true;
        else if (k + 1 < sub.length && PREFERRED_PHRASE.test(sub[k + 1]) && !names(sub[k + 1])) r = false;
        else if (sentPreferred && !ownQualifier) r = false;
        else r = explicit(sentence) || zoneRequired;
        parts.push({ text: x, required: r });
      });
    }
    for (const { text: rawPart, required: partRequired } of parts) {
      const part = blankDegreeField(expandEllipsis(rawPart));
      const hits = [
        ...findSkillHits(part).map((h) => ({ ...h, kind: 'skill' as ReqKind })),
        ...findCertificationHits(part).map((h) => ({ ...h, kind: 'certification' as ReqKind })),
      ]
        .sort((a, b) => a.index - b.index || b.text.length - a.text.length)
        .filter((h, i, arr) => i === 0 || h.index >= arr[i - 1].index + arr[i - 1].text.length);
      // chains of alternatives: "A, B or C", "A / B": a chain whose last joiner is "or" (or "/") is one group
      const chains: (typeof hits)[] = [];
      let chain: typeof hits = [];
      const joiners: string[][] = [];
      let js: string[] = [];
      for (let h = 0; h < hits.length; h++) {
        if (h > 0) {
          const between = part.slice(hits[h - 1].index + hits[h - 1].text.length, hits[h].index).trim().toLowerCase();
          // joiners: ",", "/", "or", ", or", "and/or" — optionally around one unlisted item ("FP&A, corporate finance or accounting")
          if (/^(?:,|\/|or|,\s*or|and\/or|or\s+similar,?)(?:\s*[\w&+.'-]+(?:\s+[\w&+.'-]+){0,2}\s*(?:,|,?\s*or|\/))?$/.test(between) && hits[h - 1].name !== hits[h].name) {
            chain.push(hits[h]);
            js.push(between);
            continue;
          }
          if (hits[h - 1].name === hits[h].name && /^(?:\/|,|or)$/.test(between)) continue;
          chains.push(chain);
          joiners.push(js);
        }
        chain = [hits[h]];
        js = [];
      }
      if (chain.length) {
        chains.push(chain);
        joiners.push(js);
      }
      chains.forEach((c, ci) => {
        const j = joiners[ci];
        const alternatives = c.length > 1 && j.length > 0 && /(?:^|\s)or$|^\/$|and\/or/.test(j[j.length - 1]);
        const group = alternatives ? `g${++groupSeq}` : undefined;
        const last = c[c.length - 1];
        const after = part.slice(last.index + last.text.length);
        const before = part.slice(0, c[0].index);
        // "AWS or GCP certification", "certified in Salesforce": certificates in those skills, not the skills
        const asCert = c.every((h) => h.kind === 'skill') && (/^\s*(?:certifications?|certificates?|certified|accreditation)\b/i.test(after) || /\bcertified\s+(?:in\s+)?$/i.test(before));
        for (const h of c) {
          if (asCert) add(`${h.text} certification`, 'certification', partRequired, content, undefined, group, h.name);
          else add(h.name, h.kind, partRequired, content, undefined, group);
          if (h.kind === 'skill' && !allSkills.includes(h.name)) allSkills.push(h.name);
        }
      });
    }
    const y = yearsDemand(content);
    if (y !== null && /\b(?:experience|experienced|background|track record|working|work|professional|industry|building|in|with|of)\b/i.test(content)) {
      if (lineZone !== 'duties' || !hasRequirementsZone) {
        if (yearsRequired === null || (required && y > yearsRequired)) yearsRequired = y;
      }
    }
    // degrees: "PhD or MS" asks for the lower of the two
    const degs = DEGREES.filter((d) => d.pattern.test(content));
    if (degs.length) {
      const d = degs.reduce((lo, x) => (x.level < lo.level ? x : lo));
      const degReq = required && !PREFERRED_PHRASE.test(content);
      add(d.label, 'degree', degReq, content, d.level);
    }
  }
  if (yearsRequired !== null) {
    reqs.set('years', { keyword: `${yearsRequired}+ years of experience`, kind: 'years', required: true, line: '', level: yearsRequired, zone: 'required' });
  }
  if (!seniority) {
    for (const l of lines.slice(0, 5)) {
      const s = seniorityWord(stripMarkdown(l));
      if (s) {
        seniority = s;
        break;
      }
    }
  }
  const requirements = [...reqs.values()].sort((a, b) => Number(b.required) - Number(a.required));
  for (const r of requirements) if (r.kind === 'skill' && !allSkills.includes(r.keyword)) allSkills.push(r.keyword);
  return { title, requirements, yearsRequired, seniority, allSkills };
}

export function jobDomainVotes(jp: JobProfile): Map<string, number> {
  const votes = new Map<string, number>();
  for (const r of jp.requirements) {
    if (r.kind !== 'skill') continue;
    const c = skillCategory(r.keyword);
    // soft skills and languages are asked for in every field: they name none
    if (c && c !== 'soft' && c !== 'languages') votes.set(c, (votes.get(c) ?? 0) + (r.required ? 2 : 1));
  }
  return votes;
}
