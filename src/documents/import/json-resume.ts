/**
 * JSON Resume (jsonresume.org): validated against the schema the project publishes
 * (@jsonresume/schema) with ajv, then written out as resume text in the markdown shape the
 * parser reads (headings, "Title — Employer", dates, bullets). Only what the file says is written.
 */
import { createRequire } from 'node:module';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { unreadable, type ImportedText } from './types.js';

const require = createRequire(import.meta.url);
const schema = require('@jsonresume/schema/schema.json') as object;

let compiled: ValidateFunction | null = null;
/** The schema's validator, compiled when the first JSON file comes. */
function validator(): ValidateFunction {
  if (!compiled) {
    const ajv = new Ajv({ allErrors: false, strict: false });
    (addFormats as unknown as (ajv: Ajv) => void)(ajv);
    compiled = ajv.compile(schema);
  }
  return compiled;
}

type Text = string | undefined;
interface Dated {
  startDate?: string;
  endDate?: string;
}
interface Resume {
  basics?: {
    name?: string;
    label?: string;
    email?: string;
    phone?: string;
    url?: string;
    summary?: string;
    location?: { address?: string; city?: string; region?: string; countryCode?: string };
    profiles?: { network?: string; username?: string; url?: string }[];
  };
  work?: (Dated & { name?: string; position?: string; location?: string; summary?: string; description?: string; highlights?: string[] })[];
  volunteer?: (Dated & { organization?: string; position?: string; summary?: string; highlights?: string[] })[];
  education?: (Dated & { institution?: string; area?: string; studyType?: string; score?: string; courses?: string[] })[];
  awards?: { title?: string; date?: string; awarder?: string; summary?: string }[];
  certificates?: { name?: string; date?: string; issuer?: string }[];
  publications?: { name?: string; publisher?: string; releaseDate?: string; summary?: string }[];
  skills?: { name?: string; level?: string; keywords?: string[] }[];
  languages?: { language?: string; fluency?: string }[];
  interests?: { name?: string; keywords?: string[] }[];
  projects?: (Dated & { name?: string; description?: string; highlights?: string[]; keywords?: string[] })[];
}

const join = (parts: Text[], separator: string): string => parts.map((p) => p?.trim()).filter(Boolean).join(separator);
const dates = ({ startDate, endDate }: Dated): string => (startDate ? `${startDate} – ${endDate || 'Present'}` : endDate ?? '');
const bullets = (items: string[] | undefined): string[] => (items ?? []).map((h) => h.trim()).filter(Boolean).map((h) => `- ${h}`);
const where = (error: ErrorObject): string => `${error.instancePath || '/'} ${error.message ?? 'is invalid'}`;

function section(title: string, body: string[]): string[] {
  const lines = body.filter((line, i) => line !== '' || (i > 0 && body[i - 1] !== ''));
  return lines.some((l) => l.trim()) ? ['', `## ${title}`, ...lines] : [];
}

/** The resume as markdown lines, in the order a resume reads. */
function toText(resume: Resume): string {
  const b = resume.basics ?? {};
  const location = b.location ? join([b.location.address, b.location.city, b.location.region, b.location.countryCode], ', ') : '';
  const profiles = (b.profiles ?? []).map((p) => p.url || join([p.network, p.username], ': '));
  const lines: string[] = [];
  if (b.name?.trim()) lines.push(`# ${b.name.trim()}`);
  if (b.label?.trim()) lines.push(b.label.trim());
  const contact = join([b.email, b.phone, location, b.url, ...profiles], ' | ');
  if (contact) lines.push(contact);
  lines.push(...section('Summary', b.summary?.trim() ? [b.summary.trim()] : []));
  lines.push(
    ...section(
      'Experience',
      (resume.work ?? []).flatMap((w) => [
        '',
        `### ${join([w.position, w.name], ' — ')}`,
        join([dates(w), w.location], ' | '),
        ...[w.description, w.summary].filter((t): t is string => !!t?.trim()).map((t) => t.trim()),
        ...bullets(w.highlights),
      ]),
    ),
  );
  lines.push(
    ...section(
      'Projects',
      (resume.projects ?? []).flatMap((p) => [
        '',
        `### ${p.name ?? ''}`,
        dates(p),
        p.description?.trim() ?? '',
        ...bullets(p.highlights),
        p.keywords?.length ? `Keywords: ${p.keywords.join(', ')}` : '',
      ]),
    ),
  );
  lines.push(
    ...section(
      'Volunteering',
      (resume.volunteer ?? []).flatMap((v) => ['', `### ${join([v.position, v.organization], ' — ')}`, dates(v), v.summary?.trim() ?? '', ...bullets(v.highlights)]),
    ),
  );
  lines.push(
    ...section(
      'Education',
      (resume.education ?? []).map((e) =>
        join([join([e.studyType, e.area], ' in '), e.institution, dates(e), e.score ? `score ${e.score}` : undefined], ', '),
      ),
    ),
  );
  lines.push(...section('Skills', (resume.skills ?? []).map((s) => join([join([s.name, s.level ? `(${s.level})` : undefined], ' '), (s.keywords ?? []).join(', ')], ': '))));
  lines.push(...section('Certifications', (resume.certificates ?? []).map((c) => `- ${join([c.name, c.issuer, c.date], ', ')}`)));
  lines.push(...section('Awards', (resume.awards ?? []).map((a) => `- ${join([a.title, a.awarder, a.date, a.summary], ', ')}`)));
  lines.push(...section('Publications', (resume.publications ?? []).map((p) => `- ${join([p.name, p.publisher, p.releaseDate, p.summary], ', ')}`)));
  lines.push(...section('Languages', (resume.languages ?? []).map((l) => join([l.language, l.fluency], ' — '))));
  lines.push(...section('Interests', (resume.interests ?? []).map((i) => join([i.name, (i.keywords ?? []).join(', ')], ': '))));
  return lines
    .filter((line) => !['###', '-'].includes(line.trim()))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

export function readJsonResume(text: string): ImportedText {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw unreadable('the file starts like JSON but is not valid JSON');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw unreadable('the JSON is not a JSON Resume (an object with basics, work, …)');
  const validate = validator();
  if (!validate(value)) {
    const errors = (validate.errors ?? []).slice(0, 3).map(where).join('; ');
    throw unreadable(`the JSON does not validate against the JSON Resume schema: ${errors}`);
  }
  const resume = value as Resume;
  const out = toText(resume);
  if (!resume.basics?.name?.trim() && !resume.work?.length && !resume.education?.length) {
    throw unreadable('the JSON Resume has no name, work or education to read');
  }
  return { text: out, mediaType: 'application/json', pages: null, warnings: [] };
}
