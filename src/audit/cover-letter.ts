/**
 * The cover letter's audit: every sentence is checked against the original resume, and a sentence
 * that claims what the resume does not support (an employer, a title, a date, a number, a degree,
 * a certification or a skill it does not have) is left out of the letter and reported, with why.
 * Deterministic; calls no model. The resume checks themselves are the truthfulness audit's own
 * (`verifyTailoring`); this file decides what a sentence of prose may claim.
 */
import { verifyTailoring } from './verify.js';
import type { CoverLetter, CoverLetterDraft, LetterFinding } from '../domain/cover-letter.js';
import type { ExtractedSkill } from '../domain/input.js';

export interface LetterAuditInput {
  /** The original resume: what every claim must rest on. */
  resumeText: string;
  /** The job ad: the hiring company and role may be named, its requirements are not evidence. */
  jobAd: string;
  /** Skills from upstream at or above the threshold count as evidence, as everywhere else. */
  extractedSkills: ExtractedSkill[];
  confidenceThreshold: number;
}

/**
 * Findings of the resume audit that do not apply to a sentence of a letter: those about a whole resume,
 * which one sentence of prose cannot earn (it drops every section and carries no name line); the first
 * person, which is how a letter speaks; and skills, which this file judges itself (a gap owned up to may
 * name a skill, and upstream skills at or above the threshold are evidence). Every other kind the audit
 * reports, now or once it learns more, leaves the sentence out.
 */
const NOT_FOR_A_LETTER = new Set<string>(['DROPPED_SECTION', 'DROPPED_ROLE', 'CHANGED_NAME', 'FIRST_PERSON', 'INVENTED_SKILL']);

/** A sentence that owns up to a gap may name the missing skill. */
const GAP_STATEMENT =
  /\b(?:not yet|yet to|have not|haven't|has not|hasn't|do not have|don't have|no (?:professional|hands-on|direct|production|formal) (?:experience|exposure)|limited (?:experience|exposure)|new to|eager to (?:learn|grow|build)|keen to (?:learn|build)|ramp(?:ing)? up|am learning|currently learning|a gap)\b/i;
const NOT_ONLY = /\bnot only\b/i;

/** Capitalised names after "at", "with", "for", "joined", "from": where prose names an employer. */
const ORG = /\b(?:[Aa]t|[Ww]ith|[Ff]or|[Jj]oined|[Ff]rom|[Bb]y)\s+((?:[A-Z][\w&'’.-]*)(?:\s+(?:(?!I\b)[A-Z][\w&'’.-]*|of|and|&)){0,4})/g;
/** Capitalised words after "as a", "I am a", "worked as": where prose claims a title. */
const TITLE = /\b(?:[Aa]s an?|I am an?|I'm an?|I was an?|[Ww]orked as an?|[Rr]ole of|[Pp]osition of)\s+((?:[A-Z][\w&'’.-]*)(?:\s+(?:(?!I\b)[A-Z][\w&'’.-]*|of|and|&)){0,4})/g;
const STOP = new Set(['of', 'and', '&', 'the', 'i', 'my', 'our', 'your', 'a', 'an']);

function tokens(text: string): Set<string> {
  return new Set(text.toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '').match(/[a-z0-9]+/g) ?? []);
}

export function sentences(paragraph: string): string[] {
  const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });
  return [...segmenter.segment(paragraph)].map((s) => s.segment.trim()).filter(Boolean);
}

export class LetterAuditor {
  private readonly resumeTokens: Set<string>;
  private readonly adTokens: Set<string>;
  private readonly supportedSkills: Set<string>;
  private readonly adLower: string;
  /** The ad's title line and its parts: naming the role applied for claims none of its words. */
  private readonly adTitleParts: string[];

  constructor(private readonly input: LetterAuditInput) {
    this.resumeTokens = tokens(input.resumeText);
    this.adTokens = tokens(input.jobAd);
    this.adLower = input.jobAd.toLowerCase();
    const titleLine = (input.jobAd.split('\n').find((l) => l.trim()) ?? '').replace(/^[#\s*]+|[*\s]+$/g, '').toLowerCase();
    this.adTitleParts = [titleLine, ...titleLine.split(/\s*[—–|,(]\s*|\s+-\s+/)]
      .map((p) => p.replace(/[)]/g, '').trim())
      .filter((p) => p.length > 3)
      .sort((a, b) => b.length - a.length);
    this.supportedSkills = new Set(
      input.extractedSkills.filter((s) => s.confidence >= input.confidenceThreshold).map((s) => s.name.toLowerCase()),
    );
  }

  /** Why the resume does not support this sentence; empty when it does. */
  check(sentence: string): LetterFinding[] {
    const findings: LetterFinding[] = [];
    const add = (kind: LetterFinding['kind'], detail: string): void => {
      if (!findings.some((f) => f.kind === kind)) findings.push({ kind, excerpt: sentence, detail });
    };
    // Naming the role applied for, or greeting its hiring manager, claims none of their words.
    const claim = this.withoutRoleNamed(sentence);
    const verdict = verifyTailoring(this.input.resumeText, claim);
    for (const f of verdict.findings) {
      const kind = f.kind as LetterFinding['kind'];
      if (NOT_FOR_A_LETTER.has(kind)) continue;
      // Naming the hiring company or the role applied for is not claiming it.
      if ((kind === 'INVENTED_EMPLOYER' || kind === 'INVENTED_TITLE') && this.adLower.includes(f.excerpt.toLowerCase())) continue;
      add(kind, f.detail);
    }
    const gapStatement = GAP_STATEMENT.test(sentence) && !NOT_ONLY.test(sentence);
    for (const match of gapStatement ? [] : sentence.matchAll(ORG)) {
      if (this.skillsNamed(match[1]!).length) continue; // "with Kubernetes and AWS": skills, checked below
      const words = match[1]!.split(/\s+/).filter((w) => !STOP.has(w.toLowerCase()));
      const unknown = words.filter((w) => [...tokens(w)].some((t) => !this.resumeTokens.has(t) && !this.adTokens.has(t)));
      if (unknown.length) add('INVENTED_EMPLOYER', `"${match[1]}" is named in neither the resume nor the job ad.`);
    }
    for (const match of sentence.matchAll(TITLE)) {
      const words = match[1]!.split(/\s+/).filter((w) => !STOP.has(w.toLowerCase()));
      const unknown = words.filter((w) => [...tokens(w)].some((t) => !this.resumeTokens.has(t) && !this.adTokens.has(t)));
      if (unknown.length) add('INVENTED_TITLE', `The title "${match[1]}" is in neither the resume nor the job ad.`);
    }
    if (!gapStatement) {
      // The sentence read as a job ad: whatever it asks for that the resume does not cover.
      const named = verifyTailoring(this.input.resumeText, this.input.resumeText, `Requirements:\n- ${claim}`).missingKeywords;
      const unsupported = named.filter((k) => !this.supportedSkills.has(k.toLowerCase()));
      if (unsupported.length) add('INVENTED_SKILL', `The resume does not evidence ${unsupported.map((k) => `"${k}"`).join(', ')}.`);
    }
    return findings;
  }

  /** The sentence less the job ad's title (and its parts) and a greeting to its hiring manager or team. */
  private withoutRoleNamed(sentence: string): string {
    let claim = sentence.replace(/\bhiring (?:manager|team|committee)\b/gi, ' ');
    for (const part of this.adTitleParts) {
      const at = claim.toLowerCase().indexOf(part);
      if (at >= 0) claim = `${claim.slice(0, at)} ${claim.slice(at + part.length)}`;
    }
    return claim;
  }

  /** Skills, certifications and degrees a text names (read as a job ad's requirement). */
  private skillsNamed(text: string): string[] {
    const verdict = verifyTailoring(this.input.resumeText, this.input.resumeText, `Requirements:\n- ${text}`);
    return [...verdict.coveredKeywords, ...verdict.missingKeywords];
  }

  /** The letter with every unsupported sentence left out, and the findings that say why. */
  audit(draft: CoverLetterDraft): CoverLetter {
    const findings: LetterFinding[] = [];
    const keep = (text: string): string => {
      const kept: string[] = [];
      for (const sentence of sentences(text)) {
        const found = this.check(sentence);
        if (found.length) findings.push(...found);
        else kept.push(sentence);
      }
      return kept.join(' ');
    };
    const salutation = keep(draft.salutation.replace(/\s+/g, ' ')) || 'Dear Hiring Manager,';
    const paragraphs = draft.paragraphs.map((p) => keep(p.replace(/\s+/g, ' '))).filter(Boolean);
    const closing = draft.closing
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean)
      .filter((line) => {
        const found = this.check(line);
        findings.push(...found);
        return found.length === 0;
      });
    const markdown = [salutation, ...paragraphs, (closing.length ? closing : ['Sincerely,']).join('  \n')].join('\n\n') + '\n';
    return { markdown, findings };
  }
}

export function auditCoverLetter(input: LetterAuditInput, draft: CoverLetterDraft): CoverLetter {
  return new LetterAuditor(input).audit(draft);
}
