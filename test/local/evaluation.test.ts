/**
 * The measured evaluation of issue 3 over test/fixtures: prints precision/recall of skill and requirement
 * extraction, match bands, seniority, years, and checks the final resume of the full chain for fabrications.
 */
import { describe, expect, it } from 'vitest';
import { parseJobAd } from '../../src/local/jobad.js';
import { verifyTailoring } from '../../src/local/index.js';
import { band, loadFixtures, loose, prf, runChain } from './helpers.js';

const fixtures = loadFixtures();

interface Row {
  id: string;
  skillTp: number;
  skillFp: string[];
  skillFn: string[];
  reqTp: number;
  reqFp: string[];
  reqFn: string[];
  missTp: number;
  missFp: string[];
  missFn: string[];
  score: number;
  bandOk: boolean;
  seniority: string;
  seniorityOk: boolean;
  years: number;
  yearsOk: boolean;
  employersOk: number;
  titlesOk: number;
  roles: number;
  fabrications: string[];
}

function evaluate(): Row[] {
  return fixtures.map((f) => {
    const e = f.expected;
    const chain = runChain(f.resume, f.job, { asOf: e.asOf });
    const a = chain.analysis;
    const entries = [...a.skills.high, ...a.skills.medium, ...a.skills.low].filter((s) => s.source === 'resume');
    const got = new Set(entries.map((s) => s.name));
    const exp = new Set(e.skills);
    const jp = parseJobAd(f.job);
    const reqs = new Set(jp.requirements.filter((r) => r.kind !== 'years').map((r) => r.keyword));
    const expReq = new Set(e.requirements);
    const miss = new Set(a.gapAnalysis.missingKeywords.filter((k) => !/years of experience/.test(k)));
    const expMiss = new Set(e.missing);
    const final = chain.annotated.finalResumeMarkdown;
    const verdict = verifyTailoring(f.resume, final, f.job);
    const fabrications = verdict.findings.map((x) => `${x.kind}: ${x.excerpt}`);
    // an independent check, not relying on the engine's own verifier: every digit run in the final resume is in the original
    const origDigits = new Set(f.resume.match(/\d+/g) ?? []);
    for (const d of final.match(/\d+/g) ?? []) if (!origDigits.has(d)) fabrications.push(`digits not in original: ${d}`);
    const finalLoose = loose(final);
    const employersOk = e.employers.filter((x, i) => a.experiences[i] && loose(a.experiences[i].company) === loose(x)).length;
    const titlesOk = e.titles.filter((x, i) => a.experiences[i] && loose(a.experiences[i].title) === loose(x)).length;
    for (const x of e.employers) if (!finalLoose.includes(loose(x))) fabrications.push(`employer dropped: ${x}`);
    for (const x of e.titles) if (!finalLoose.includes(loose(x))) fabrications.push(`title dropped: ${x}`);
    return {
      id: f.id,
      skillTp: [...got].filter((s) => exp.has(s)).length,
      skillFp: [...got].filter((s) => !exp.has(s)),
      skillFn: [...exp].filter((s) => !got.has(s)),
      reqTp: [...reqs].filter((s) => expReq.has(s)).length,
      reqFp: [...reqs].filter((s) => !expReq.has(s)),
      reqFn: [...expReq].filter((s) => !reqs.has(s)),
      missTp: [...miss].filter((s) => expMiss.has(s)).length,
      missFp: [...miss].filter((s) => !expMiss.has(s)),
      missFn: [...expMiss].filter((s) => !miss.has(s)),
      score: a.gapAnalysis.matchScore,
      bandOk: band(a.gapAnalysis.matchScore) === e.band,
      seniority: a.seniority.level,
      seniorityOk: a.seniority.level === e.seniority,
      years: a.seniority.yearsOfExperience,
      yearsOk: Math.abs(a.seniority.yearsOfExperience - e.years) <= 1,
      employersOk,
      titlesOk,
      roles: e.employers.length,
      fabrications,
    };
  });
}

describe('local engine evaluation over test/fixtures', () => {
  const rows = evaluate();
  const sum = (f: (r: Row) => number): number => rows.reduce((s, r) => s + f(r), 0);
  const skills = prf(sum((r) => r.skillTp), sum((r) => r.skillFp.length), sum((r) => r.skillFn.length));
  const reqs = prf(sum((r) => r.reqTp), sum((r) => r.reqFp.length), sum((r) => r.reqFn.length));
  const missing = prf(sum((r) => r.missTp), sum((r) => r.missFp.length), sum((r) => r.missFn.length));
  const bandsOk = rows.filter((r) => r.bandOk).length;
  const seniorityOk = rows.filter((r) => r.seniorityOk).length;
  const yearsOk = rows.filter((r) => r.yearsOk).length;
  const fabricated = rows.flatMap((r) => r.fabrications.map((x) => `${r.id}: ${x}`));

  const lines = [
    '',
    'id                          score band  seniority      years  roles(emp/title)  skill FP / FN',
    ...rows.map(
      (r) =>
        `${r.id.padEnd(27)} ${String(r.score).padStart(5)} ${r.bandOk ? 'ok  ' : 'MISS'}  ${r.seniority.padEnd(9)} ${r.seniorityOk ? 'ok  ' : 'MISS'} ${String(r.years).padStart(5)} ${r.yearsOk ? '' : '!'}  ${r.employersOk}/${r.titlesOk} of ${r.roles}        ${r.skillFp.join(', ') || '-'} / ${r.skillFn.join(', ') || '-'}` +
        (r.reqFn.length || r.reqFp.length ? `\n${''.padEnd(30)}requirements FP: ${r.reqFp.join(', ') || '-'}  FN: ${r.reqFn.join(', ') || '-'}` : '') +
        (r.missFn.length || r.missFp.length ? `\n${''.padEnd(30)}missing FP: ${r.missFp.join(', ') || '-'}  FN: ${r.missFn.join(', ') || '-'}` : ''),
    ),
    '',
    `fixtures: ${rows.length}`,
    `skill extraction: precision ${skills.precision.toFixed(3)}, recall ${skills.recall.toFixed(3)}`,
    `requirement extraction: precision ${reqs.precision.toFixed(3)}, recall ${reqs.recall.toFixed(3)}`,
    `missing requirements: precision ${missing.precision.toFixed(3)}, recall ${missing.recall.toFixed(3)}`,
    `match band right: ${bandsOk}/${rows.length}`,
    `seniority right: ${seniorityOk}/${rows.length}`,
    `years within 1: ${yearsOk}/${rows.length}`,
    `employers parsed: ${sum((r) => r.employersOk)}/${sum((r) => r.roles)}, titles parsed: ${sum((r) => r.titlesOk)}/${sum((r) => r.roles)}`,
    `fabrications in final resumes: ${fabricated.length}${fabricated.length ? '\n  ' + fabricated.join('\n  ') : ''}`,
  ];
  console.log(lines.join('\n'));

  it('has at least 12 fixture pairs', () => {
    expect(rows.length).toBeGreaterThanOrEqual(12);
  });
  it('skill extraction: precision ≥ 0.9 and recall ≥ 0.85', () => {
    expect(skills.precision).toBeGreaterThanOrEqual(0.9);
    expect(skills.recall).toBeGreaterThanOrEqual(0.85);
  });
  it('requirement extraction: recall ≥ 0.85', () => {
    expect(reqs.recall).toBeGreaterThanOrEqual(0.85);
  });
  it('match band right for at least 11 of 12 (scaled to the fixture count)', () => {
    expect(bandsOk).toBeGreaterThanOrEqual(Math.ceil((rows.length * 11) / 12));
  });
  it('seniority level right for at least 10 of 12 (scaled)', () => {
    expect(seniorityOk).toBeGreaterThanOrEqual(Math.ceil((rows.length * 10) / 12));
  });
  it('total years within one year for every fixture', () => {
    expect(rows.filter((r) => !r.yearsOk).map((r) => `${r.id}: ${r.years}`)).toEqual([]);
  });
  it('no invented employers, titles, dates or numbers in any final resume of the full chain', () => {
    expect(fabricated).toEqual([]);
  });
  it('parses every employer and title of the fixtures', () => {
    expect(sum((r) => r.employersOk)).toBeGreaterThanOrEqual(Math.floor(sum((r) => r.roles) * 0.9));
    expect(sum((r) => r.titlesOk)).toBeGreaterThanOrEqual(Math.floor(sum((r) => r.roles) * 0.9));
  });
});
