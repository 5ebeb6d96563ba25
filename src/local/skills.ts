/**
 * Skill matching against the taxonomy on word boundaries.
 *
 * Boundaries: an alias matches only when the character before it is not a letter, digit, `_`, `.`, `+`, `#` and
 * the character after it is not a letter, digit, `_`, `+`, `#` — so `C` is not found inside "CTO", `Java` is
 * not found in "JavaScript", `.NET` is not found in "ASP.NETX", `C++`/`C#` keep their symbols, and `js` inside
 * "Node.js" is not JavaScript. Ambiguous words are matched case-sensitively (marked `!` in the taxonomy, and
 * every short all-capitals alias) and pass extra guards: `Go` is not the verb ("go to market", "Go-live"),
 * `C`/`R` are not initials, grades, "Series C", "C-suite", "R&D".
 */
import { CERTIFICATIONS, IMPLIES, RELATED, SKILL_DATA, TITLE_SKILLS, type SkillCategory } from './taxonomy.js';
import { escapeRegex, memo } from './text.js';

export interface SkillDef {
  name: string;
  category: SkillCategory;
  aliases: string[];
}

interface AliasRef {
  skill: SkillDef;
  alias: string;
}

export interface SkillHit {
  name: string;
  category: SkillCategory;
  index: number;
  text: string;
}

const SKILLS: SkillDef[] = [];
const BY_NAME = new Map<string, SkillDef>();
const CI_ALIASES = new Map<string, AliasRef>(); // lower-case alias → ref
const CS_ALIASES = new Map<string, AliasRef>(); // exact alias → ref
const CI_KEYS = new Map<string, AliasRef>();
const CS_KEYS = new Map<string, AliasRef>();
const ciKey = (s: string): string => s.toLowerCase().replace(/[\s-]+/g, '');
const csKey = (s: string): string => s.replace(/[\s-]+/g, '');

function isCaseSensitive(alias: string, marked: boolean): boolean {
  return marked || (/^[A-Z0-9&/+#.-]{1,4}$/.test(alias) && /[A-Z]/.test(alias));
}

for (const [category, entries] of Object.entries(SKILL_DATA) as [SkillCategory, string[]][]) {
  for (const entry of entries) {
    const parts = entry.split('|');
    const name = parts[0].replace(/^!/, '');
    const def: SkillDef = { name, category, aliases: [] };
    SKILLS.push(def);
    BY_NAME.set(name.toLowerCase(), def);
    for (const raw of parts) {
      const marked = raw.startsWith('!');
      const alias = raw.replace(/^!/, '').trim();
      if (!alias) continue;
      def.aliases.push(alias);
      if (isCaseSensitive(alias, marked)) {
        if (!CS_ALIASES.has(alias)) CS_ALIASES.set(alias, { skill: def, alias });
        if (!CS_KEYS.has(csKey(alias))) CS_KEYS.set(csKey(alias), { skill: def, alias });
      } else {
        if (!CI_ALIASES.has(alias.toLowerCase())) CI_ALIASES.set(alias.toLowerCase(), { skill: def, alias });
        if (!CI_KEYS.has(ciKey(alias))) CI_KEYS.set(ciKey(alias), { skill: def, alias });
      }
    }
  }
}

function aliasPattern(alias: string): string {
  // flexible inner whitespace and hyphen/space equivalence
  return escapeRegex(alias).replace(/\\?[ -]/g, (m) => (m === ' ' ? '[\\s-]+' : m === '-' ? '[\\s-]?' : m));
}

function buildRegex(aliases: string[], flags: string): RegExp {
  const sorted = [...aliases].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
  const body = sorted.map(aliasPattern).join('|');
  return new RegExp(`(?<![\\p{L}\\p{N}_.+#])(?:${body})(?![\\p{L}\\p{N}_+#])`, flags);
}

const CI_REGEX = buildRegex([...CI_ALIASES.keys()], 'giu');
const CS_REGEX = buildRegex([...CS_ALIASES.keys()], 'gu');

function lookupCI(text: string): AliasRef | undefined {
  return CI_ALIASES.get(text.toLowerCase()) ?? CI_KEYS.get(ciKey(text));
}

function lookupCS(text: string): AliasRef | undefined {
  return CS_ALIASES.get(text) ?? CS_KEYS.get(csKey(text));
}

/** Guards for ambiguous case-sensitive words; `before`/`after` are the surrounding text. */
function passesGuard(alias: string, before: string, after: string): boolean {
  if (alias === 'Go') {
    if (/^[-‑]/.test(after)) return false; // Go-live, Go-to-market
    if (/^\s+(?:to|live|through|beyond|back|ahead|over|for|with|on|into|out|get|far|a|the)\b/i.test(after)) return false;
    if (/(?:let'?s|will|to|can|must|should|and)\s+$/i.test(before)) return false;
    return true;
  }
  if (alias === 'C' || alias === 'R') {
    if (/^(?:[-&'’]|\.\s*[A-Z]|\.[A-Za-z])/.test(after)) return false; // C-suite, R&D, initials "C. Smith"
    if (/(?:series|vitamin|grade|class|plan|level|type|section|tier|part|appendix|block|building|room|hepatitis|team)\s+$/i.test(before)) return false;
    if (/[&'’-]$/.test(before)) return false;
    if (/^\s*\)/.test(after) && /\(\s*$/.test(before)) return true;
    return true;
  }
  if (alias === 'Spring' && /^\s+(?:\d{4}|semester|term|break)\b/i.test(after)) return false;
  if (alias === 'Spring' && /(?:in|this|last|next|the)\s+$/i.test(before)) return false;
  if (alias === 'Express' && /^\s+(?:delivery|shipping|lane|mail|entry)\b/i.test(after)) return false;
  if (alias === 'Lambda' && !/(?:AWS|function|serverless)/i.test(before + after)) return false;
  if (alias === 'Unity' && /^\s+(?:of|and)\b/i.test(after)) return false;
  if (alias === 'Sketch' && /^\s+(?:of|out|artist)/i.test(after)) return false;
  // Chef the tool, not the cook: "Sous Chef", "Chef de Partie", "Chef d'équipe"
  if (alias === 'Chef' && (/(?:head|sous|pastry|executive|commis|private|line|junior|senior|personal|development)\s+$/i.test(before) || /^\s+(?:de\b|d['’]|at\b|in\b)/i.test(after))) return false;
  if ((alias === 'Welsh' || alias === 'Irish' || alias === 'English') && /^\s+(?:citizen|national|passport|government|county|sea|breakfast|literature)\b/i.test(after)) return false;
  if (alias === 'Cassandra' && !/(?:apache|database|db|nosql|cql|cluster|sql|redis|mongo|kafka|,)/i.test(before.slice(-40) + after.slice(0, 40))) return false;
  if (alias === 'Ray' && /^\s+[A-Z][a-z]/.test(after) && !/^\s+(?:Serve|Tune|Train|Data)\b/.test(after)) return false;
  if (alias === 'Node' && /^\s+(?:of|in|graph)/i.test(after)) return false;
  if (alias === 'Oracle' && /^\s+(?:of)\b/i.test(after)) return false;
  return true;
}

/** Words after a name that make it an organisation: "HCL Technologies", "Oracle Corporation", "Shell Business Operations". */
const ORG_AFTER =
  /^\s+(?:Technologies|Technology|Corporation|Corp\b\.?|Inc\b\.?|Ltd\b\.?|Limited|LLC|LLP|plc|PLC|GmbH|AG|Systems|Software|Labs|Group|Bank|Business|Energy|Services|Consulting|Partners|Holdings|International|India|Global|Pvt\b\.?|Infotech|Infosystems|Academy|Foundation)\b/;
/** Words after an industry word that make it the employer's trade: "a logistics firm", "a SaaS company". */
const TRADE_AFTER = /^\s+(?:firm|firms|company|companies|industry|sector|provider|providers|startup|start-up|corporation|conglomerate)\b/i;
/** Names that are companies as well as skills: "at Oracle", "joined Salesforce", "@ HubSpot" name the employer. */
const EMPLOYERS = new Set(['Oracle Database', 'Salesforce', 'HubSpot', 'SAP', 'Epic', 'Workday', 'Amplitude', 'Notion', 'Gong', 'Unity', 'Intercom', 'Zendesk', 'Bash', 'Cerner', 'Databricks', 'Snowflake', 'Datadog', 'Splunk', 'Cloudflare', 'Vercel', 'Heroku', 'Atlassian', 'Jira', 'Mixpanel', 'Stripe']);

/**
 * An alias never fires out of context: not as part of an organisation's name, not as an industry ("logistics
 * firm"), not as the employer after "at"/"joined", not as a standard of another trade ("AWS D1.1" is the American
 * Welding Society's code).
 */
function inContext(skill: string, alias: string, before: string, after: string): boolean {
  if (ORG_AFTER.test(after) || TRADE_AFTER.test(after)) return false;
  if (EMPLOYERS.has(skill) && /(?:\bat|@|\bjoined|\bjoining)\s+$/i.test(before)) return false;
  if (alias === 'AWS' && /^\s+D\d/.test(after)) return false;
  // a language before a proper noun is an adjective of a name: "German Jordanian University", "French Riviera"
  if (BY_NAME.get(skill.toLowerCase())?.category === 'languages' && /^\s+\p{Lu}\p{Ll}/u.test(after)) return false;
  return true;
}

/** All skill mentions in the text, in order of appearance (a skill may appear several times). */
const findLineSkillHits = memo(findSkillHitsUncached);

/** Skill hits of a text; documents are read line by line so that lines shared between documents are cached. */
export function findSkillHits(text: string): SkillHit[] {
  if (!text || !text.includes('\n')) return findLineSkillHits(text ?? '');
  const out: SkillHit[] = [];
  let offset = 0;
  for (const line of text.split('\n')) {
    if (line) for (const h of findLineSkillHits(line)) out.push({ ...h, index: h.index + offset });
    offset += line.length + 1;
  }
  return out;
}

/** E-mail addresses and URLs are blanked (same length) so "github.com/jane" is not the skill Git. */
const URLISH = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+|\bhttps?:\/\/\S+|\bwww\.\S+|\b[\w-]+(?:\.[\w-]+)*\.(?:com|io|dev|org|design|me|co|ai|app|page|site)\b(?:\/\S*)?/gi;

function findSkillHitsUncached(raw: string): SkillHit[] {
  const hits: SkillHit[] = [];
  if (!raw) return hits;
  const text = raw.replace(URLISH, (m) => (CI_ALIASES.has(m.toLowerCase()) || CS_ALIASES.has(m) ? m : ' '.repeat(m.length)));
  const taken: [number, number][] = [];
  for (const m of text.matchAll(CI_REGEX)) {
    const ref = lookupCI(m[0]);
    if (!ref) continue;
    const at = m.index ?? 0;
    if (!inContext(ref.skill.name, ref.alias, text.slice(Math.max(0, at - 24), at), text.slice(at + m[0].length, at + m[0].length + 24))) continue;
    hits.push({ name: ref.skill.name, category: ref.skill.category, index: m.index ?? 0, text: m[0] });
    taken.push([m.index ?? 0, (m.index ?? 0) + m[0].length]);
  }
  for (const m of text.matchAll(CS_REGEX)) {
    const start = m.index ?? 0;
    const end = start + m[0].length;
    if (taken.some(([a, b]) => start < b && end > a)) continue; // inside a longer case-insensitive match
    const ref = lookupCS(m[0]);
    if (!ref) continue;
    const before = text.slice(Math.max(0, start - 24), start);
    const after = text.slice(end, end + 24);
    if (!passesGuard(ref.alias, before, after) || !inContext(ref.skill.name, ref.alias, before, after)) continue;
    hits.push({ name: ref.skill.name, category: ref.skill.category, index: start, text: m[0] });
  }
  hits.sort((a, b) => a.index - b.index);
  return hits;
}

/** Distinct canonical skills in order of first appearance. */
export const findSkills = memo(findSkillsUncached);

function findSkillsUncached(text: string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const h of findSkillHits(text)) {
    if (seen.has(h.name)) continue;
    seen.add(h.name);
    out.push(h.name);
  }
  return out;
}

/** Canonical name for a free-form skill name (from extractedSkills or an LLM), or a tidied version of it. */
export function canonicalSkill(name: string): { name: string; known: boolean } {
  const trimmed = name.replace(/\s+/g, ' ').trim();
  if (!trimmed) return { name: trimmed, known: false };
  const direct = BY_NAME.get(trimmed.toLowerCase());
  if (direct) return { name: direct.name, known: true };
  const cs = CS_ALIASES.get(trimmed);
  if (cs) return { name: cs.skill.name, known: true };
  const ci = CI_ALIASES.get(trimmed.toLowerCase());
  if (ci) return { name: ci.skill.name, known: true };
  // case-sensitive aliases also accept a whole-string case-insensitive match when unambiguous (e.g. "golang", "GO")
  for (const [alias, ref] of CS_ALIASES) if (alias.length > 1 && alias.toLowerCase() === trimmed.toLowerCase()) return { name: ref.skill.name, known: true };
  const found = findSkills(trimmed);
  if (found.length === 1 && found[0].length >= trimmed.length * 0.5) return { name: found[0], known: true };
  return { name: trimmed, known: false };
}

export function skillCategory(name: string): SkillCategory | null {
  return BY_NAME.get(name.toLowerCase())?.category ?? null;
}

export function skillAliases(name: string): string[] {
  return BY_NAME.get(name.toLowerCase())?.aliases ?? [name];
}

const SIBLINGS = new Map<string, Set<string>>();
for (const family of RELATED) for (const a of family) for (const b of family) if (a !== b) (SIBLINGS.get(a) ?? SIBLINGS.set(a, new Set()).get(a)!).add(b);

/** Skills that stand in for this one in part (PostgreSQL ↔ MySQL): see RELATED. */
export function relatedSkills(name: string): string[] {
  return [...(SIBLINGS.get(name) ?? [])];
}

export function impliedSkills(name: string): string[] {
  return IMPLIES[name] ?? [];
}

export function taxonomySize(): number {
  return SKILLS.length;
}

// ---- certifications ----
interface CertDef {
  name: string;
  aliases: string[];
}
const CERTS: CertDef[] = CERTIFICATIONS.map((e) => {
  const parts = e.split('|');
  return { name: parts[0], aliases: parts };
});
const CERT_ALIAS = new Map<string, CertDef>();
for (const c of CERTS) for (const a of c.aliases) CERT_ALIAS.set(a.toLowerCase().replace(/[\s–-]+/g, ' '), c);
const CERT_CS = new Set(CERTS.flatMap((c) => c.aliases.filter((a) => /^[A-Z0-9+]{2,6}$/.test(a))));
const CERT_REGEX = new RegExp(
  `(?<![\\p{L}\\p{N}_])(?:${[...CERTS.flatMap((c) => c.aliases)]
    .sort((a, b) => b.length - a.length)
    .map(aliasPattern)
    .join('|')})(?![\\p{L}\\p{N}_+])`,
  'giu',
);

export const findCertificationHits = memo(findCertificationHitsUncached);

function findCertificationHitsUncached(text: string): { name: string; index: number; text: string }[] {
  const out: { name: string; index: number; text: string }[] = [];
  if (!text) return out;
  for (const m of text.matchAll(CERT_REGEX)) {
    const key = m[0].toLowerCase().replace(/[\s–-]+/g, ' ');
    const def = CERT_ALIAS.get(key);
    if (!def) continue;
    // short all-caps acronyms must be written in capitals ("CPA", not "cpa")
    const aliasHit = def.aliases.find((a) => a.toLowerCase().replace(/[\s–-]+/g, ' ') === key);
    if (aliasHit && CERT_CS.has(aliasHit) && m[0] !== aliasHit) continue;
    out.push({ name: def.name, index: m.index ?? 0, text: m[0] });
  }
  return out;
}

/** Certifications named in the text, canonical names in order of appearance. */
export const findCertifications = memo((text: string): string[] => [...new Set(findCertificationHits(text).map((h) => h.name))]);

/** Skills a job title evidences ("Product Manager" → Product management). */
export function titleSkills(title: string): string[] {
  const out: string[] = [];
  for (const [re, skills] of TITLE_SKILLS) if (re.test(title)) for (const s of skills) if (!out.includes(s)) out.push(s);
  return out;
}
