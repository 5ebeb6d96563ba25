/**
 * The measured evaluation of issue 17 over test/fixtures/corpus: resumes and job ads as people really write them
 * (numbered role lines, label blocks, no line breaks, two columns, many countries' date forms; single-paragraph ads).
 * Prints the figures, then asserts the issue's targets. Labels are per item (`<id>.json` beside `<id>.txt`).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseResume } from '../../src/local/resume.js';
import { parseJobAd } from '../../src/local/jobad.js';
import { canonicalSkill, findCertifications } from '../../src/local/skills.js';
import { runLocalTask } from '../../src/local/index.js';
import { FIXTURES_DIR, loose, prf } from './helpers.js';

const CORPUS = join(FIXTURES_DIR, 'corpus');

interface ResumeLabel {
  field: string;
  country: string;
  noLineBreaks?: boolean;
  twoColumns?: boolean;
  /** [employer ('' when the resume names none), title, start, end (null for a single date)] */
  roles: [string, string, string, string | null][];
  skills: string[];
}
interface JobLabel {
  paragraph: boolean;
  required: string[];
  preferred: string[];
}

function load<L>(dir: string): { id: string; text: string; label: L }[] {
  const d = join(CORPUS, dir);
  return readdirSync(d)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => {
      const id = f.slice(0, -4);
      return { id, text: readFileSync(join(d, f), 'utf8'), label: JSON.parse(readFileSync(join(d, `${id}.json`), 'utf8')) as L };
    });
}

const resumes = load<ResumeLabel>('resumes');
const jobs = load<JobLabel>('jobs');
/** A label's canonical key: the taxonomy's skill, else the certification it names, else itself. */
const skillKey = (s: string): string => {
  const c = canonicalSkill(s);
  return loose(c.known ? c.name : (findCertifications(s)[0] ?? s));
};

/** Multiset matching: how many of `got` find an unused equal item in `want`. */
function matched(got: string[], want: string[]): number {
  const pool = [...want];
  let n = 0;
  for (const g of got) {
    const i = pool.indexOf(g);
    if (i >= 0) {
      pool.splice(i, 1);
      n++;
    }
  }
  return n;
}

interface ResumeRow {
  id: string;
  emp: { tp: number; fp: number; fn: number };
  title: { tp: number; fp: number; fn: number };
  datesExact: number;
  roles: number;
  predicted: number;
  noLineBreaks: boolean;
  misses: string[];
  skillTp: number;
  skillFp: string[];
  skillFn: string[];
}

function evaluateResume(r: (typeof resumes)[number]): ResumeRow {
  const exps = parseResume(r.text).experiences;
  const want = r.label.roles;
  const gotEmp = exps.map((e) => loose(e.company)).filter(Boolean);
  const wantEmp = want.map((w) => loose(w[0])).filter(Boolean);
  const gotTitle = exps.map((e) => loose(e.title)).filter(Boolean);
  const wantTitle = want.map((w) => loose(w[1])).filter(Boolean);
  const empTp = matched(gotEmp, wantEmp);
  const titleTp = matched(gotTitle, wantTitle);
  // dates: each labelled role against the parsed role with its title (and employer, when labelled)
  let datesExact = 0;
  const misses: string[] = [];
  const used = new Set<number>();
  for (const [emp, title, start, end] of want) {
    const i = exps.findIndex((e, k) => !used.has(k) && loose(e.title) === loose(title) && (!emp || loose(e.company) === loose(emp)));
    const j = i >= 0 ? i : exps.findIndex((e, k) => !used.has(k) && (loose(e.title) === loose(title) || (emp && loose(e.company) === loose(emp))));
    const e = j >= 0 ? exps[j] : undefined;
    if (j >= 0) used.add(j);
    const ok = !!e && e.start?.value === start && (e.end?.value ?? null) === end;
    if (e && loose(e.company) !== loose(emp)) misses.push(`employer: ${emp || '-'} → ${e.company || '-'}`);
    if (ok) datesExact++;
    else misses.push(`${title} @ ${emp || '-'} ${start}..${end} → ${e ? `${e.title} @ ${e.company || '-'} ${e.start?.value}..${e.end?.value ?? null}` : 'not found'}`);
  }
  for (const e of exps) if (!want.some((w) => loose(w[1]) === loose(e.title))) misses.push(`extra: ${e.title} @ ${e.company || '-'}`);
  const profile = runLocalTask('analysis', { resumeText: r.text, extractedSkills: [], confidenceThreshold: 0.7, asOf: '2025-06-15' });
  const got = [...profile.skills.high, ...profile.skills.medium, ...profile.skills.low].filter((s) => s.source === 'resume').map((s) => s.name);
  const labelled = new Set(r.label.skills.map(skillKey));
  const gotKeys = new Set(got.map(skillKey));
  return {
    id: r.id,
    emp: { tp: empTp, fp: gotEmp.length - empTp, fn: wantEmp.length - empTp },
    title: { tp: titleTp, fp: gotTitle.length - titleTp, fn: wantTitle.length - titleTp },
    datesExact,
    roles: want.length,
    predicted: exps.length,
    noLineBreaks: !!r.label.noLineBreaks,
    misses,
    skillTp: got.filter((s) => labelled.has(skillKey(s))).length,
    skillFp: got.filter((s) => !labelled.has(skillKey(s))),
    skillFn: r.label.skills.filter((s) => !gotKeys.has(skillKey(s))),
  };
}

interface JobRow {
  id: string;
  paragraph: boolean;
  tp: number;
  fn: string[];
  fp: string[];
  kindOk: number;
  kindWrong: string[];
}

function evaluateJob(j: (typeof jobs)[number]): JobRow {
  const jp = parseJobAd(j.text);
  const reqs = jp.requirements.filter((q) => q.kind === 'skill' || q.kind === 'certification');
  const byKey = new Map<string, boolean>();
  for (const q of reqs) {
    byKey.set(skillKey(q.keyword), q.required);
    if (q.skill) byKey.set(skillKey(q.skill), q.required);
  }
  const labelled = [...j.label.required.map((k) => [k, true] as const), ...j.label.preferred.map((k) => [k, false] as const)];
  const found = labelled.filter(([k]) => byKey.has(skillKey(k)));
  const kindWrong = found.filter(([k, req]) => byKey.get(skillKey(k)) !== req).map(([k, req]) => `${k} (${req ? 'required' : 'preferred'})`);
  const labelKeys = new Set(labelled.map(([k]) => skillKey(k)));
  return {
    id: j.id,
    paragraph: j.label.paragraph,
    tp: found.length,
    fn: labelled.filter(([k]) => !byKey.has(skillKey(k))).map(([k]) => k),
    fp: reqs.filter((q) => !labelKeys.has(skillKey(q.keyword)) && !(q.skill && labelKeys.has(skillKey(q.skill)))).map((q) => q.keyword),
    kindOk: found.length - kindWrong.length,
    kindWrong,
  };
}

describe('issue 17 corpus: resumes and job ads as people write them', () => {
  const rows = resumes.map(evaluateResume);
  const jrows = jobs.map(evaluateJob);
  const sum = <T,>(xs: T[], f: (r: T) => number): number => xs.reduce((s, r) => s + f(r), 0);
  const emp = prf(sum(rows, (r) => r.emp.tp), sum(rows, (r) => r.emp.fp), sum(rows, (r) => r.emp.fn));
  const title = prf(sum(rows, (r) => r.title.tp), sum(rows, (r) => r.title.fp), sum(rows, (r) => r.title.fn));
  const roles = sum(rows, (r) => r.roles);
  const datesExact = sum(rows, (r) => r.datesExact) / roles;
  const flat = rows.filter((r) => r.noLineBreaks);
  const flatEmpty = flat.filter((r) => r.predicted === 0).map((r) => r.id);
  const flatTitle = prf(sum(flat, (r) => r.title.tp), sum(flat, (r) => r.title.fp), sum(flat, (r) => r.title.fn));
  const skills = prf(sum(rows, (r) => r.skillTp), sum(rows, (r) => r.skillFp.length), sum(rows, (r) => r.skillFn.length));
  const para = jrows.filter((r) => r.paragraph);
  const paraRecall = sum(para, (r) => r.tp) / sum(para, (r) => r.tp + r.fn.length);
  const allRecall = sum(jrows, (r) => r.tp) / sum(jrows, (r) => r.tp + r.fn.length);
  const reqPrecision = sum(jrows, (r) => r.tp) / sum(jrows, (r) => r.tp + r.fp.length);
  const kindAgreement = sum(jrows, (r) => r.kindOk) / sum(jrows, (r) => r.tp);
  const fields = new Set(resumes.map((r) => r.label.field));
  const countries = new Set(resumes.map((r) => r.label.country));

  console.log(
    [
      '',
      ...rows
        .filter((r) => r.misses.length || r.skillFp.length)
        .map((r) => `${r.id}: ${[...r.misses, ...(r.skillFp.length ? [`skills not labelled: ${r.skillFp.join(', ')}`] : [])].join('\n    ')}`),
      ...jrows
        .filter((r) => r.fn.length || r.kindWrong.length)
        .map((r) => `${r.id}: ${r.fn.length ? `missed ${r.fn.join(', ')}` : ''}${r.kindWrong.length ? `  wrong kind ${r.kindWrong.join(', ')}` : ''}`),
      '',
      `resumes: ${rows.length} (${fields.size} fields, ${countries.size} countries), roles labelled: ${roles}, job ads: ${jrows.length} (${para.length} single paragraphs)`,
      `employers: recall ${emp.recall.toFixed(3)}, precision ${emp.precision.toFixed(3)}`,
      `titles:    recall ${title.recall.toFixed(3)}, precision ${title.precision.toFixed(3)}`,
      `date ranges exact: ${datesExact.toFixed(3)}`,
      `resumes without line breaks: ${flat.length}, with no roles read: ${flatEmpty.length}; their titles recall ${flatTitle.recall.toFixed(3)}`,
      `skills (source resume): precision ${skills.precision.toFixed(3)}, recall ${skills.recall.toFixed(3)}`,
      `job-ad requirements: recall on single-paragraph ads ${paraRecall.toFixed(3)}, on all ads ${allRecall.toFixed(3)}, precision ${reqPrecision.toFixed(3)}`,
      `required vs preferred agreement: ${kindAgreement.toFixed(3)}`,
    ].join('\n'),
  );

  it('holds at least 60 resumes across 8 fields and several countries, and 30 job ads, a third single paragraphs', () => {
    expect(rows.length).toBeGreaterThanOrEqual(60);
    expect(fields.size).toBeGreaterThanOrEqual(8);
    expect(countries.size).toBeGreaterThanOrEqual(5);
    expect(jrows.length).toBeGreaterThanOrEqual(30);
    expect(para.length * 3).toBeGreaterThanOrEqual(jrows.length);
  });
  it('employers and titles: recall ≥ 0.95, precision ≥ 0.9', () => {
    expect(emp.recall).toBeGreaterThanOrEqual(0.95);
    expect(emp.precision).toBeGreaterThanOrEqual(0.9);
    expect(title.recall).toBeGreaterThanOrEqual(0.95);
    expect(title.precision).toBeGreaterThanOrEqual(0.9);
  });
  it('date ranges exact ≥ 0.95', () => {
    expect(datesExact).toBeGreaterThanOrEqual(0.95);
  });
  it('reads roles from every resume without line breaks', () => {
    expect(flatEmpty).toEqual([]);
  });
  it('skills precision ≥ 0.9: a skill listed is named in the text', () => {
    expect(skills.precision).toBeGreaterThanOrEqual(0.9);
  });
  it('job-ad requirement recall ≥ 0.9 on single-paragraph ads; required and preferred told apart', () => {
    expect(paraRecall).toBeGreaterThanOrEqual(0.9);
    expect(kindAgreement).toBeGreaterThanOrEqual(0.85);
  });
});
