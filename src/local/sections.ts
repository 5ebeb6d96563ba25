/** Section heading detection: headings in any common wording and case, markdown or plain. */
import { isBullet, memo, stripMarkdown } from './text.js';

export type SectionKind =
  | 'summary'
  | 'experience'
  | 'education'
  | 'skills'
  | 'certifications'
  | 'projects'
  | 'awards'
  | 'publications'
  | 'languages'
  | 'volunteer'
  | 'interests'
  | 'references'
  | 'other';

export interface Section {
  kind: SectionKind;
  /** The heading as written (markdown and trailing colon removed); '' for the preamble. */
  heading: string;
  /** Index of the heading line in the document (−1 for the preamble). */
  line: number;
  lines: string[];
}

const KIND_WORDS: [SectionKind, RegExp][] = [
  ['experience', /^(?:(?:professional|work|relevant|career|employment|industry|clinical|sales|leadership|selected|technical|teaching|research|other|previous|project|projects and work)\s+)*(?:experience|experiences|employment(?:\s+(?:history|record))?|work(?:\s+(?:history|profile))?|career(?:\s+history)?|history|positions(?:\s+held)?|roles|background)(?:\s+summary)?$/],
  // the same in the languages resumes are written in
  ['experience', /^(?:berufserfahrung|berufliche erfahrung|berufspraxis|werdegang|beruflicher werdegang|exp[eé]riences?(?: professionnelles?)?|parcours professionnel|experi[eê]ncias?(?: profissional| profesional| laboral)?|esperienz[ae](?: lavorativ[ae]| professional[ei])?|werkervaring|arbetslivserfarenhet|academic positions|appointments)$/],
  ['summary', /^(?:(?:professional|career|executive|personal|profile)\s+)?(?:summary|profile|objective|about(?:\s+me)?|overview|introduction|highlights|statement)$|^summary of qualifications$|^(?:perfil|profil|resumo|r[eé]sum[eé])(?: profesional| professionnel| profissional)?$/],
  ['education', /^(?:training|courses|professional\s+development|education(?:al)?(?:\s+background)?|academic(?:\s+background|\s+history|\s+qualifications?)?|(?:educational\s+)?qualifications|education\s+(?:and|&)\s+(?:training|certifications?|qualifications)|ausbildung|bildung|bildungsweg|formation|formação|formacao|formación|formacion(?: acad[eé]mica)?|educaci[oó]n|istruzione|opleiding|utbildning)$/],
  ['skills', /^(?:(?:technical|core|key|professional|relevant|hard|soft|tools?\s+(?:and|&))\s+)*(?:skills?|competencies|competences|expertise|technologies|tech\s+stack|stack|toolbox|tools|tech|skills?\s+(?:and|&)\s+(?:tools|technologies|expertise|interests|languages))(?:\s+summary)?$|^(?:comp[eé]tences|kenntnisse|f[aä]higkeiten|methoden|methods|habilidades|compet[eê]ncias|competenze)$/],
  ['certifications', /^(?:(?:licen[cs]es?|certifications?|certificates?|credentials?|accreditations?)(?:\s+(?:and|&)\s+(?:licen[cs]es?|certifications?|certificates?|credentials?|training))?)$|^(?:zertifikate|certificaciones|certifica[cç][oõ]es|tickets|tickets\s+(?:and|&)\s+licen[cs]es|professional\s+qualifications|memberships|professional\s+memberships|registrations?)$/],
  ['projects', /^(?:(?:selected|personal|key|side|open[\s-]source|notable|academic)\s+)?(?:projects?|portfolio|open\s+source)(?:\s+(?:and|&)\s+\w+)?$/],
  ['awards', /^(?:awards?|honou?rs|achievements|awards?\s+(?:and|&)\s+honou?rs|honou?rs\s+(?:and|&)\s+awards?|recognition|key\s+achievements|accomplishments)$/],
  ['publications', /^(?:publications?|papers|talks|publications?\s+(?:and|&)\s+talks|speaking|presentations|patents)$/],
  ['languages', /^(?:languages?|spoken\s+languages|idiomas|langues|sprachen|sprachkenntnisse|lingue|l[ií]nguas)$/],
  ['volunteer', /^(?:volunteer(?:ing)?(?:\s+(?:experience|work))?|community(?:\s+involvement)?|leadership\s+(?:and|&)\s+activities|activities|extracurricular(?:\s+activities)?)$/],
  ['interests', /^(?:(?:research|personal|professional)\s+)?interests$|^(?:hobbies|hobbies\s+(?:and|&)\s+interests)$/],
  ['references', /^(?:references?|referees)(?:\s+available.*)?$/],
  // headings the engine knows but keeps as they are
  ['other', /^(?:personal\s+(?:details|information|data|particulars)|contact(?:\s+(?:details|information|me))?|declaration|additional\s+information|curriculum vitae|resume)$/],
  // "Operations experience", "Social care experience": any short qualifier before experience/history
  ['experience', /^(?:[\p{L}&-]+\s+){1,3}(?:experience|history)$/u],
];

function headingKey(text: string): string {
  return text
    .toLowerCase()
    .replace(/[:：]\s*$/, '')
    .replace(/[^\p{L}\s&-]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The section kind a heading text names, or null if it names none the engine knows. */
export const sectionKind = memo(sectionKindUncached);

function sectionKindUncached(text: string): SectionKind | null {
  const plain = stripMarkdown(text);
  const key = headingKey(plain);
  if (!key || key.length > 60) return null;
  for (let i = 0; i < KIND_WORDS.length; i++) {
    const [kind, re] = KIND_WORDS[i];
    // the catch-all "… experience" never takes a line with figures ("5 years experience")
    if (re.test(key)) return i === KIND_WORDS.length - 1 && /\d/.test(plain) ? null : kind;
  }
  // bilingual headings: "BERUFSERFAHRUNG / WORK EXPERIENCE", "Experiencia | Experience"
  const parts = plain.split(/\s*[/|]\s*/).filter(Boolean);
  if (parts.length > 1) {
    for (const p of parts) {
      const k = headingKey(p);
      for (const [kind, re] of KIND_WORDS) if (k && re.test(k)) return kind;
    }
  }
  return null;
}

/**
 * Whether a line is a section heading. Known section names always are (any case, optional colon, markdown
 * `#`/`##`, underlined by `===`/`---`); a markdown `#`/`##` heading of unknown wording is a heading of kind 'other';
 * `###` headings are left to the sections themselves (experience entries).
 */
export function headingOf(line: string, next?: string): { kind: SectionKind; heading: string } | null {
  const trimmed = line.trim();
  if (!trimmed || trimmed.length > 70) return null;
  const md = /^(#{1,6})\s+(.*)$/.exec(trimmed);
  if (!md && isBullet(trimmed)) return null; // "- Leadership experience" is a bullet, not a heading
  const text = stripMarkdown(trimmed).replace(/[:：]\s*$/, '').trim();
  if (!text) return null;
  // "Skills: Python, Go" is an inline skills line, not a heading
  if (/[:：]\s*\S/.test(stripMarkdown(trimmed))) return null;
  const kind = sectionKind(text);
  if (md) {
    if (kind) return { kind, heading: text };
    if (md[1].length <= 2) return { kind: 'other', heading: text };
    return null;
  }
  if (kind) return { kind, heading: text };
  // ALL-CAPS short line followed by an underline, or a plain underlined heading
  if (next && /^\s*(?:=|-|_){3,}\s*$/.test(next) && text.split(/\s+/).length <= 5) return { kind: 'other', heading: text };
  return null;
}

/** Splits normalised lines into the preamble (kind 'other', heading '') and the sections that follow. */
export function splitSections(docLines: string[]): Section[] {
  const sections: Section[] = [{ kind: 'other', heading: '', line: -1, lines: [] }];
  for (let i = 0; i < docLines.length; i++) {
    const line = docLines[i];
    if (/^\s*(?:=|-|_|\*){3,}\s*$/.test(line)) continue; // rules and underlines
    const h = headingOf(line, docLines[i + 1]);
    // the first line of a document is the name, never a heading of kind 'other'
    const cur = sections[sections.length - 1];
    // "Achievements:" or "Skills used:" right under a role's bullets belongs to the role, not a new section
    const inRole =
      h && cur.kind === 'experience' && i > 0 && docLines[i - 1].trim() !== '' && /[:：]\s*$/.test(line) && !/^\s*#/.test(line) && h.kind !== 'experience' && h.kind !== 'education';
    if (h && !inRole && !(h.kind === 'other' && sections.length === 1 && sections[0].lines.every((l) => !l.trim()))) {
      sections.push({ kind: h.kind, heading: h.heading, line: i, lines: [] });
      continue;
    }
    sections[sections.length - 1].lines.push(line);
  }
  return sections;
}
