/**
 * JSON Resume (jsonresume.org schema, the `@jsonresume/schema` package): employers, titles, dates,
 * bullets and skills in the schema's own fields; every document is validated with ajv before it
 * leaves. Sections the schema has no place for go under `meta.sections`, which it leaves open.
 */
import { createRequire } from 'node:module';
import AjvModule from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { RenderedEntry, RenderedResume, RenderedSection } from '../../domain/rendered-resume.js';
import { listItem } from './layout.js';

const require = createRequire(import.meta.url);
const SCHEMA = require('@jsonresume/schema/schema.json') as Record<string, unknown>;
export const JSON_RESUME_SCHEMA_URL = 'https://raw.githubusercontent.com/jsonresume/resume-schema/v1.0.0/schema.json';

type AjvClass = typeof AjvModule.default;
const Ajv = ((AjvModule as unknown as { default?: AjvClass }).default ?? AjvModule) as AjvClass;
const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ?? addFormatsModule) as unknown as (ajv: InstanceType<AjvClass>) => void;

let validator: ReturnType<InstanceType<AjvClass>['compile']> | undefined;

/** Validates against the jsonresume.org schema: the errors, or an empty list. */
export function jsonResumeErrors(document: unknown): string[] {
  if (!validator) {
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
    validator = ajv.compile(SCHEMA);
  }
  if (validator(document)) return [];
  return (validator.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? 'is invalid'}`);
}

export class InvalidJsonResumeError extends Error {
  override name = 'InvalidJsonResumeError';
}

const EMAIL = /^[^\s@|,;]+@[^\s@|,;]+\.[^\s@|,;]+$/;
const PHONE = /^\+?[\d\s().-]{7,}$/;
const URLISH = /^(?:https?:\/\/)?(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)+(?:\/\S*)?$/i;
const NETWORKS: Array<[RegExp, string]> = [
  [/linkedin\.com/i, 'LinkedIn'],
  [/github\.com/i, 'GitHub'],
  [/gitlab\.com/i, 'GitLab'],
  [/twitter\.com|x\.com/i, 'X'],
  [/dribbble\.com/i, 'Dribbble'],
  [/behance\.net/i, 'Behance'],
];

function asUrl(text: string): string {
  return /^https?:\/\//i.test(text) ? text : `https://${text}`;
}

function basics(resume: RenderedResume): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (resume.name) out.name = resume.name;
  const profiles: Array<{ network: string; url: string; username?: string }> = [];
  const rest: string[] = [];
  for (const line of resume.contact) {
    for (const raw of line.split(/\s*[|•·]\s*|\s{2,}/)) {
      const item = raw.trim();
      if (!item) continue;
      if (!out.email && EMAIL.test(item)) out.email = item;
      else if (!out.phone && PHONE.test(item) && /\d{3}/.test(item)) out.phone = item;
      else if (URLISH.test(item) && !EMAIL.test(item)) {
        const network = NETWORKS.find(([re]) => re.test(item))?.[1];
        if (network) profiles.push({ network, url: asUrl(item), username: item.split('/').filter(Boolean).at(-1) });
        else if (!out.url) out.url = asUrl(item);
        else profiles.push({ network: 'Website', url: asUrl(item) });
      } else rest.push(item);
    }
  }
  if (profiles.length) out.profiles = profiles;
  if (rest.length) out.location = { address: rest.join(', ') };
  const summary = resume.sections.filter((s) => s.kind === 'summary');
  const lines = summary.flatMap((s) => s.lines.map((l) => listItem(l) ?? l));
  // A one-line summary section before the real one is the headline ("Principal Software Engineer").
  if ((summary.length > 1 || !summary[0]?.heading) && summary[0] && summary[0].lines.length === 1 && summary[0]!.lines[0]!.length <= 80) {
    out.label = summary[0]!.lines[0];
    lines.shift();
  }
  if (lines.length) out.summary = lines.join('\n');
  return out;
}

function dates(e: RenderedEntry): Record<string, string> {
  const out: Record<string, string> = {};
  if (e.startDate) out.startDate = e.startDate;
  if (e.endDate) out.endDate = e.endDate;
  return out;
}

function work(e: RenderedEntry): Record<string, unknown> {
  return {
    ...(e.company ? { name: e.company } : {}),
    ...(e.title ? { position: e.title } : {}),
    ...(e.location ? { location: e.location } : {}),
    ...dates(e),
    highlights: e.bullets,
  };
}

function volunteer(e: RenderedEntry): Record<string, unknown> {
  return { ...(e.company ? { organization: e.company } : {}), ...(e.title ? { position: e.title } : {}), ...dates(e), highlights: e.bullets };
}

const DEGREE = /\b(?:Ph\.?D|Doctor|M\.?Sc|M\.?S\.?|M\.?A\.?|MBA|M\.?Eng|Master|B\.?Sc|B\.?S\.?|B\.?A\.?|B\.?Eng|Bachelor|Associate|Diploma|BSN|MSN|RN|Certificate)\b/i;
const SCHOOL = /\b(?:University|College|School|Institute|Academy|Polytechnic|Universit[äa]t|Hochschule|TU|ETH|MIT|UCLA)\b/i;

function education(line: string): Record<string, unknown> {
  const text = listItem(line) ?? line;
  const parts = text.split(/\s*[,|–—]\s+|\s+[–—-]\s+/).map((p) => p.trim()).filter(Boolean);
  const out: Record<string, unknown> = {};
  const year = /\b(19|20)\d{2}\b/.exec(text)?.[0];
  const school = parts.find((p) => SCHOOL.test(p) && !/^(19|20)\d{2}$/.test(p));
  const degree = parts.find((p) => DEGREE.test(p) && p !== school);
  out.institution = school ?? text;
  if (degree) {
    const m = DEGREE.exec(degree)!;
    out.studyType = m[0];
    const area = degree
      .slice(m.index + m[0].length)
      .replace(/^\s*(?:in|of)\s+/i, '')
      .trim();
    if (area) out.area = area;
  }
  if (year) out.endDate = year;
  return out;
}

function skills(lines: string[]): Array<{ name: string; keywords: string[] }> {
  const groups: Array<{ name: string; keywords: string[] }> = [];
  for (const line of lines) {
    const text = listItem(line) ?? line;
    const colon = /^([^:]{1,40}):\s*(.+)$/.exec(text);
    const name = colon ? colon[1]!.trim() : 'Skills';
    const keywords = (colon ? colon[2]! : text)
      .split(/\s*[,;|•·]\s*/)
      .map((k) => k.trim())
      .filter(Boolean);
    const group = groups.find((g) => g.name === name);
    if (group) group.keywords.push(...keywords);
    else groups.push({ name, keywords });
  }
  return groups;
}

const itemsOf = (s: RenderedSection): string[] => s.lines.map((l) => listItem(l) ?? l);

/**
 * A value the schema refuses where it stands (an e-mail address or a URL its formats do not accept)
 * moves, as written, to `meta.unplaced` under its path: nothing the resume says is lost, and the
 * document still validates.
 */
function setAsideInvalid(document: Record<string, unknown>): void {
  for (let round = 0; round < 5; round++) {
    if (!validator) jsonResumeErrors(document);
    if (validator!(document)) return;
    const paths = [...new Set((validator!.errors ?? []).map((e) => e.instancePath).filter((p) => p.split('/').length > 2))];
    if (!paths.length) return;
    const meta = document.meta as Record<string, unknown>;
    const unplaced = (meta.unplaced as Record<string, unknown> | undefined) ?? {};
    for (const path of paths) {
      const keys = path.split('/').slice(1);
      let parent: unknown = document;
      for (const key of keys.slice(0, -1)) parent = (parent as Record<string, unknown> | undefined)?.[key];
      if (!parent || typeof parent !== 'object') continue;
      const last = keys.at(-1)!;
      unplaced[path] = (parent as Record<string, unknown>)[last];
      if (Array.isArray(parent)) parent.splice(Number(last), 1);
      else delete (parent as Record<string, unknown>)[last];
    }
    meta.unplaced = unplaced;
  }
}

/** The resume as a JSON Resume document; throws InvalidJsonResumeError if it would not validate. */
export function resumeJson(resume: RenderedResume): Uint8Array {
  const out: Record<string, unknown> = { $schema: JSON_RESUME_SCHEMA_URL, basics: basics(resume) };
  const push = (key: string, values: unknown[]): void => {
    if (!values.length) return;
    out[key] = [...((out[key] as unknown[] | undefined) ?? []), ...values];
  };
  const extra: Array<{ heading: string; lines: string[] }> = [];
  for (const s of resume.sections) {
    switch (s.kind) {
      case 'summary':
        break;
      case 'experience':
        push('work', s.entries.map(work));
        if (s.lines.length) extra.push({ heading: s.heading, lines: s.lines });
        break;
      case 'volunteer':
        push('volunteer', s.entries.map(volunteer));
        if (s.lines.length) extra.push({ heading: s.heading, lines: s.lines });
        break;
      case 'education':
        push('education', s.lines.map(education));
        break;
      case 'skills':
        push('skills', skills(s.lines));
        break;
      case 'certifications':
        push('certificates', itemsOf(s).map((name) => ({ name })));
        break;
      case 'projects':
        push('projects', itemsOf(s).map((name) => ({ name })));
        break;
      default: {
        const heading = s.heading.toLowerCase();
        if (/publication/.test(heading)) push('publications', itemsOf(s).map((name) => ({ name })));
        else if (/award|honou?r/.test(heading)) push('awards', itemsOf(s).map((title) => ({ title })));
        else if (/language/.test(heading)) push('languages', itemsOf(s).map((language) => ({ language })));
        else if (/interest|hobb/.test(heading)) push('interests', itemsOf(s).map((name) => ({ name })));
        else if (/reference/.test(heading)) push('references', itemsOf(s).map((reference) => ({ reference })));
        else extra.push({ heading: s.heading, lines: [...s.entries.flatMap((e) => [e.title, e.company, e.dateText, ...e.bullets].filter(Boolean)), ...s.lines] });
      }
    }
  }
  out.meta = { canonical: JSON_RESUME_SCHEMA_URL, version: 'v1.0.0', ...(extra.length ? { sections: extra } : {}) };
  setAsideInvalid(out);
  const errors = jsonResumeErrors(out);
  if (errors.length) throw new InvalidJsonResumeError(`the JSON Resume does not validate: ${errors.slice(0, 5).join('; ')}`);
  return new TextEncoder().encode(JSON.stringify(out, null, 2) + '\n');
}
