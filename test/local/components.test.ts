/** Focused tests of the engine's parts: skill matching, dates, experience formats, years, seniority, job ads, buckets. */
import { describe, expect, it } from 'vitest';
import { runLocalTask } from '../../src/local/index.js';
import { canonicalSkill, findSkills, taxonomySize } from '../../src/local/skills.js';
import { findDateRanges, parseDate } from '../../src/local/dates.js';
import { parseJobAd } from '../../src/local/jobad.js';
import { normalizeText } from '../../src/local/text.js';

const analyse = (resumeText: string, asOf = '2025-06-15', extractedSkills: { name: string; confidence: number }[] = [], confidenceThreshold = 0.7) =>
  runLocalTask('analysis', { resumeText, extractedSkills, confidenceThreshold, asOf });

describe('skill taxonomy and matching', () => {
  it('ships several hundred skills', () => {
    expect(taxonomySize()).toBeGreaterThanOrEqual(300);
  });

  it('maps aliases to canonical names', () => {
    expect(findSkills('JS, k8s, Postgres, golang, sklearn and GCP')).toEqual(['JavaScript', 'Kubernetes', 'PostgreSQL', 'Go', 'scikit-learn', 'Google Cloud Platform']);
    expect(canonicalSkill('postgres').name).toBe('PostgreSQL');
    expect(canonicalSkill('GOLANG').name).toBe('Go');
    expect(canonicalSkill('Quantum basket weaving')).toEqual({ name: 'Quantum basket weaving', known: false });
  });

  it('tells Go the language from the verb', () => {
    expect(findSkills('Built services in Go and Python')).toContain('Go');
    expect(findSkills('Skills: Go, Rust')).toContain('Go');
    expect(findSkills('We go to market fast and go live weekly')).not.toContain('Go');
    expect(findSkills('Ready to go the extra mile; Go-live support')).not.toContain('Go');
  });

  it('finds C, C++, C# and .NET on word boundaries only', () => {
    expect(findSkills('Wrote firmware in C and tools in C++ and C#')).toEqual(expect.arrayContaining(['C', 'C++', 'C#']));
    expect(findSkills('Presented to the C-suite after the Series C round; CTO at ACME; Vitamin C')).not.toContain('C');
    expect(findSkills('Scaled CSS, cut CPU, used Docker')).not.toContain('C');
    expect(findSkills('Migrated to .NET Core and ASP.NET')).toEqual(['.NET']);
    expect(findSkills('Node.js services; no plain JavaScript here')).toEqual(['Node.js', 'JavaScript']);
    expect(findSkills('Node.js')).toEqual(['Node.js']); // the "js" inside Node.js is not JavaScript
    expect(findSkills('Java and JavaScript')).toEqual(['Java', 'JavaScript']);
    expect(findSkills('Worked in the R&D lab with Ms. R. Jones')).not.toContain('R');
    expect(findSkills('Statistics in R and Python')).toContain('R');
  });

  it('does not read employer names, e-mail addresses or URLs as skills', () => {
    const a = analyse('Sam Roe\nsam@golang.dev | github.com/samroe\n\nExperience\nAccount Executive | Salesforce | 2020 – 2022\n- Closed 30 deals');
    const names = a.skills.all;
    expect(names).not.toContain('Salesforce');
    expect(names).not.toContain('Git');
    expect(names).not.toContain('Go');
  });
});

describe('dates', () => {
  it('reads the common formats', () => {
    const r = (s: string) => findDateRanges(s).map((x) => [x.start?.value, x.end?.value]);
    expect(r('Jan 2020 – Present')).toEqual([['2020-01', 'Present']]);
    expect(r('2019-03 to 2021-11')).toEqual([['2019-03', '2021-11']]);
    expect(r('03/2018 - 06/2020')).toEqual([['2018-03', '2020-06']]);
    expect(r('2017–2019')).toEqual([['2017', '2019']]);
    expect(r('September 2019 – February 2022')).toEqual([['2019-09', '2022-02']]);
    expect(r('(2022/04 – present)')).toEqual([['2022-04', 'Present']]);
    expect(r('Since 2021')).toEqual([['2021', 'Present']]);
    expect(parseDate('Sept. 2019')?.value).toBe('2019-09');
    expect(parseDate('13/2020')).toBeNull();
  });
});

describe('experience parsing', () => {
  const formats: [string, string][] = [
    ['Title — Company', '### Senior Engineer — Acme Corp\nJan 2020 – Present\n- Shipped things'],
    ['Company | Title', 'Acme Corp | Senior Engineer | Jan 2020 - Present\n• Shipped things'],
    ['Title at Company', 'Senior Engineer at Acme Corp (2020 – Present)\n* Shipped things'],
    ['Title, Company', '**Senior Engineer**, Acme Corp — Jan 2020 - Present\n1. Shipped things'],
    ['two lines', 'Acme Corp\nSenior Engineer\nJanuary 2020 – Present\n- Shipped things'],
  ];
  for (const [label, body] of formats) {
    it(`reads ${label}`, () => {
      const a = analyse(`Pat Doe\n\nExperience\n${body}\n\nEducation\nBSc Physics`);
      expect(a.experiences).toHaveLength(1);
      expect(a.experiences[0]).toMatchObject({ title: 'Senior Engineer', company: 'Acme Corp', endDate: 'Present', highlights: ['Shipped things'] });
      expect(a.experiences[0].startDate).toMatch(/^2020/);
    });
  }

  it('counts overlapping jobs once and stops at asOf', () => {
    const resume = 'A B\n\nExperience\nEngineer — One\nJan 2010 – Dec 2014\n- x\n\nConsultant — Two\nJan 2012 – Dec 2016\n- y\n\nEngineer — Three\nJan 2020 – Present\n- z';
    // 2010-01..2016-12 = 84 months, 2020-01..2025-06 = 66 months → 12.5 years
    expect(analyse(resume).seniority.yearsOfExperience).toBeCloseTo(12.5, 1);
    expect(analyse(resume, '2021-06-30').seniority.yearsOfExperience).toBeCloseTo(8.5, 1);
  });
});

describe('seniority', () => {
  const one = (title: string, range: string, bullets = '- Did work') => analyse(`A B\n\nExperience\n${title} — Acme\n${range}\n${bullets}`).seniority;
  it('reads titles', () => {
    expect(one('Junior Developer', '2023 – Present').level).toBe('JUNIOR');
    expect(one('Senior Engineer', 'Jan 2018 – Present').level).toBe('SENIOR');
    expect(one('Staff Engineer', 'Jan 2014 – Present').level).toBe('LEAD');
    expect(one('Principal Engineer', 'Jan 2008 – Present').level).toBe('PRINCIPAL');
    expect(one('Head of Engineering', 'Jan 2012 – Present').level).toBe('LEAD');
  });
  it('falls back to years, lifted by scope words', () => {
    expect(one('Software Engineer', 'Jan 2022 – Present').level).toBe('MID');
    expect(one('Software Engineer', 'Jan 2024 – Present').level).toBe('JUNIOR');
    const led = one('Software Engineer', 'Jan 2016 – Present', '- Managed 8 engineers across two teams');
    expect(led.level).toBe('LEAD');
    expect(led.reasoning).toMatch(/8/);
    expect(led.confidence).toBeGreaterThan(0.5);
  });
});

describe('skill inventory buckets', () => {
  it('merges extractedSkills and buckets around the threshold', () => {
    const resume = 'A B\n\nExperience\nEngineer — Acme\n2020 – 2024\n- Built APIs in Python and Go\n- Python tooling\n\nSkills\nPython, Go, Terraform';
    const a = analyse(resume, '2025-01-01', [{ name: 'golang', confidence: 0.9 }, { name: 'Figma', confidence: 0.55 }, { name: 'Rust', confidence: 0.2 }], 0.7);
    const where = (n: string) => (['high', 'medium', 'low'] as const).find((b) => a.skills[b].some((s) => s.name === n));
    expect(where('Python')).toBe('high');
    expect(a.skills.high.find((s) => s.name === 'Go')?.source).toBe('resume');
    expect(where('Figma')).toBe('medium'); // 0.55 ≥ 0.7 − 0.25
    expect(a.skills.medium.find((s) => s.name === 'Figma')?.source).toBe('input');
    expect(where('Rust')).toBe('low');
    expect(a.skills.low.some((s) => s.source === 'inferred') || a.skills.medium.some((s) => s.source === 'inferred')).toBe(true);
    // a lower threshold moves skills up
    const b = analyse(resume, '2025-01-01', [{ name: 'Figma', confidence: 0.55 }], 0.5);
    expect(b.skills.high.some((s) => s.name === 'Figma')).toBe(true);
  });
});

describe('job-ad requirement extraction', () => {
  const ad = [
    'Senior Data Engineer',
    '',
    'Requirements:',
    '- 5+ years of experience with Python',
    '- Snowflake or BigQuery',
    "- Bachelor's degree in Computer Science",
    '- Terraform is a plus',
    '',
    'Nice to have',
    '- Kafka',
    '- AWS Certified Solutions Architect',
  ].join('\n');
  const jp = parseJobAd(ad);
  const req = (k: string) => jp.requirements.find((r) => r.keyword === k);
  it('separates required from preferred, by section and by phrase', () => {
    expect(req('Python')?.required).toBe(true);
    expect(req('Apache Kafka')?.required).toBe(false);
    expect(req('Terraform')?.required).toBe(false); // "is a plus" inside the requirements list
    expect(req('AWS Certified Solutions Architect')).toMatchObject({ kind: 'certification', required: false });
  });
  it('reads years, degrees, seniority and alternatives', () => {
    expect(jp.yearsRequired).toBe(5);
    expect(req("Bachelor's degree")).toMatchObject({ kind: 'degree', required: true });
    expect(req('Computer Science')).toBeUndefined();
    expect(jp.seniority).toBe('SENIOR');
    expect(req('Snowflake')?.group).toBeDefined();
    expect(req('Snowflake')?.group).toBe(req('BigQuery')?.group);
  });
  it('weighs required over preferred in matchScore', () => {
    const fit = (resumeText: string) => runLocalTask('analysis_gap', { resumeText, jobAd: ad, profile: analyse(resumeText), domainInsights: null });
    const withRequired = fit('A B\n\nExperience\nData Engineer — X\n2015 – 2024\n- Python and Snowflake pipelines');
    const withPreferred = fit('A B\n\nExperience\nData Engineer — X\n2015 – 2024\n- Kafka and Terraform pipelines');
    expect(withRequired.gapAnalysis.matchScore).toBeGreaterThan(withPreferred.gapAnalysis.matchScore);
    expect(withRequired.gapAnalysis.criticalGaps).toContain("Bachelor's degree");
    expect(withPreferred.gapAnalysis.criticalGaps).toEqual(expect.arrayContaining(['Python', 'Snowflake', 'BigQuery']));
    expect(Number.isInteger(withRequired.gapAnalysis.matchScore)).toBe(true);
  });
  it('merges upstream domain insights', () => {
    const profile = analyse('A B');
    const fit = runLocalTask('analysis_gap', { resumeText: 'A B', jobAd: ad, profile, domainInsights: { domain: 'Data Platforms', skillGapPriority: ['dbt'], emergingTrends: ['Lakehouse'] } });
    expect(fit.domainInsights.domain).toBe('Data Platforms');
    expect(fit.domainInsights.skillGapPriority[0]).toBe('dbt');
    expect(fit.domainInsights.emergingTrends[0]).toBe('Lakehouse');
  });
});

describe('text normalisation', () => {
  it('removes invisible characters and turns tab columns into separators', () => {
    expect(normalizeText('Ja\u200Bne\u00A0Doe\r\nA\tB')).toBe('Jane Doe\nA | B');
    expect(normalizeText('•\tBullet')).toBe('• Bullet');
  });
});
