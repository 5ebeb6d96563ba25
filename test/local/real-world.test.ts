/** Focused tests of issue 17's mechanisms: the date grammar, role shapes, layout recovery, alias context, prose ads, partial matches. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findDateRanges } from '../../src/local/dates.js';
import { parseExperienceLines } from '../../src/local/experience.js';
import { parseResume } from '../../src/local/resume.js';
import { toDoc } from '../../src/local/document.js';
import { deinterleaveColumns, segmentFlat } from '../../src/local/layout.js';
import { findSkills } from '../../src/local/skills.js';
import { parseJobAd } from '../../src/local/jobad.js';
import { runLocalTask } from '../../src/local/index.js';
import { FIXTURES_DIR } from './helpers.js';

const range = (s: string): [string | undefined, string | undefined][] => findDateRanges(s).map((r) => [r.start?.value, r.end?.value]);
const roles = (text: string): [string, string, string | undefined, string | undefined][] =>
  parseResume(text).experiences.map((e) => [e.title, e.company, e.start?.value, e.end?.value]);

describe('date ranges as people write them', () => {
  it('reads month/day/year, apostrophe years, "till date", "onwards", "since", "between … and"', () => {
    expect(range('2/1/2012 - Current')).toEqual([['2012-02', 'Present']]);
    expect(range('15/09/2008 – 31/01/2012')).toEqual([['2008-09', '2012-01']]); // the first number can only be the day
    expect(range("Sept '19 – Present")).toEqual([['2019-09', 'Present']]);
    expect(range('2019–till date')).toEqual([['2019', 'Present']]);
    expect(range('September 2017 onwards')).toEqual([['2017-09', 'Present']]);
    expect(range('since 2020')).toEqual([['2020', 'Present']]);
    expect(range('between 2013 and 2016')).toEqual([['2013', '2016']]);
    expect(range('Jan 2018 –')).toEqual([['2018-01', 'Present']]);
  });
  it('reads the months and "now" words of other languages, and leaves words that only look like months', () => {
    expect(range('Fev/2018 – Dez/2020')).toEqual([['2018-02', '2020-12']]);
    expect(range("janv. 2019 – aujourd'hui")).toEqual([['2019-01', 'Present']]);
    expect(range('03.2020 – heute')).toEqual([['2020-03', 'Present']]);
    expect(range('Mar. 2020 – Actualidad')).toEqual([['2020-03', 'Present']]);
    expect(range('Marketing Manager 2019 – 2020')).toEqual([['2019', '2020']]);
    expect(range('Set up 2019 – 2020 budget')).toEqual([['2019', '2020']]); // "set" is September only as "Set/2019"
    expect(range('2021 – 2019')).toEqual([]); // backwards is no range
  });
});

describe('roles as people write them', () => {
  it('numbered and bulleted role lines, and a title with dates but no employer', () => {
    expect(roles('A B\n\nExperience\n1. Junior Systems Admin (2019 - 2023)\n   Patched servers.\n2. Counselor (2015 - 2016)')).toEqual([
      ['Junior Systems Admin', '', '2019', '2023'],
      ['Counselor', '', '2015', '2016'],
    ]);
    expect(roles('A B\n\nCareer history:\n- Worked as a Survey Researcher at Acme between 2013 and 2016\n• HR Generalist, Majid Al Futtaim — Mar 2016 – Sep 2019')).toEqual([
      ['Survey Researcher', 'Acme', '2013', '2016'],
      ['HR Generalist', 'Majid Al Futtaim', '2016-03', '2019-09'],
    ]);
  });
  it('Company:/Designation:/Duration: blocks; label lines inside a role are never its employer or title', () => {
    const e = parseExperienceLines([
      'Company: HCL Technologies',
      'Designation: Senior Software Engineer',
      'Duration: June 2018 – Till Date',
      'Client: Deutsche Bank',
      'Team size: 12',
      'Environment: Java 8, Spring Boot',
      'Responsibilities:',
      '➢ Developed REST APIs',
      '',
      'Cognizant — SAP FICO Lead',
      'Sep 2018 - Present',
      'Location: Chennai',
      'Technologies: SAP S/4HANA',
    ]);
    expect(e.map((x) => [x.title, x.company, x.start?.value, x.end?.value])).toEqual([
      ['Senior Software Engineer', 'HCL Technologies', '2018-06', 'Present'],
      ['SAP FICO Lead', 'Cognizant', '2018-09', 'Present'],
    ]);
    expect(e[0].bullets).toEqual(['Client: Deutsche Bank', 'Team size: 12', 'Environment: Java 8, Spring Boot', 'Developed REST APIs']);
    expect(e[1].location).toBe('Chennai');
  });
  it('headings underlined, in capitals, with a colon, as markdown, and in other languages', () => {
    for (const heading of ['Employment History\n==================', 'WORK HISTORY', 'Career history:', '## Professional Experience', 'BERUFSERFAHRUNG / WORK EXPERIENCE', 'Operations experience:']) {
      expect(roles(`Jane Roe\njane@x.io\n\n${heading}\nStaff Nurse, Leeds General Infirmary\nAug 2016 – Aug 2019\n● Patient care`)).toEqual([['Staff Nurse', 'Leeds General Infirmary', '2016-08', '2019-08']]);
    }
  });
});

describe('layout recovery', () => {
  const flat =
    'Jake Morrison | jake@x.dev | github.com/jake | Denver, CO SUMMARY Full-stack engineer. EXPERIENCE Senior Software Engineer — Guild Education, Denver (Feb 2021 – Present) - Built services in TypeScript - Moved the monolith to PostgreSQL and GraphQL Software Engineer — Ibotta (Aug 2017 – Jan 2021) - React front end EDUCATION B.S. Computer Science, 2017';
  it('segments a resume without line breaks by headings, date ranges and title words', () => {
    expect(roles(flat)).toEqual([
      ['Senior Software Engineer', 'Guild Education', '2021-02', 'Present'],
      ['Software Engineer', 'Ibotta', '2017-08', '2021-01'],
    ]);
  });
  it('only cuts and moves text: every character is still there', () => {
    const sorted = (s: string): string => [...s.replace(/\s+/g, '')].sort().join('');
    expect(sorted(segmentFlat(flat).join(''))).toBe(sorted(flat));
    const two = readFileSync(join(FIXTURES_DIR, 'corpus', 'resumes', 'r10-designer-two-columns.txt'), 'utf8').split('\n');
    expect(sorted(deinterleaveColumns(two).join(''))).toBe(sorted(two.join('')));
  });
  it('reads two columns one after the other', () => {
    const text = readFileSync(join(FIXTURES_DIR, 'corpus', 'resumes', 'r10-designer-two-columns.txt'), 'utf8');
    expect(roles(text).map((r) => r.slice(0, 2))).toEqual([
      ['Senior Product Designer', 'Doctolib'],
      ['Product Designer', 'BlaBlaCar'],
      ['UI Designer', 'Ubisoft'],
    ]);
    const skills = parseResume(text).sections.find((s) => s.kind === 'skills');
    expect(skills?.lines.filter((l) => l.trim())).toEqual(['Figma', 'Design systems', 'User research', 'Prototyping']);
  });
  it('keeps what it cannot place as a section of its own', () => {
    const doc = toDoc('Jane Roe\n\nExperience\nNurse, Leeds Infirmary\n2016 – 2019\n\nMy Garden Projects\n-----------------\nGrew 40 kinds of tomato');
    expect(doc.sections.find((s) => s.heading === 'My Garden Projects')?.lines).toEqual(['Grew 40 kinds of tomato']);
  });
});

describe('aliases never fire out of context', () => {
  it('organisations, industries, employers and other trades are not skills', () => {
    expect(findSkills('Software Engineer at HCL Technologies')).not.toContain('Terraform'); // HCL is Terraform's language
    expect(findSkills('Worked at Oracle Corporation; joined Salesforce in 2019')).toEqual([]);
    expect(findSkills('Operations Manager, Shell Business Operations')).not.toContain('Bash');
    expect(findSkills('for a logistics firm')).not.toContain('Supply chain');
    expect(findSkills('AWS D1.1 Structural welding certificate')).not.toContain('Amazon Web Services');
    expect(findSkills('Chef de Partie; Sous Chef; Chef d’équipe')).not.toContain('Chef');
    expect(findSkills('BA, German Jordanian University')).not.toContain('German');
    // …and the same words in context are
    expect(findSkills('Oracle, PostgreSQL and Terraform (HCL); Chef and Puppet; fluent German')).toEqual(expect.arrayContaining(['Oracle Database', 'Terraform', 'Chef', 'German']));
  });
  it('a skill of the resume is named in it: not read from an employer or a contact line', () => {
    const a = runLocalTask('analysis', {
      resumeText: 'Sam Roe\nsam@x.io | github.com/samroe\n\nExperience\nPrincipal Product Manager, Oracle — 2019 – Present\n- Roadmap for 30 engineers',
      extractedSkills: [],
      confidenceThreshold: 0.7,
      asOf: '2025-06-15',
    });
    expect(a.skills.all).not.toContain('Oracle Database');
    expect(a.skills.all).not.toContain('Git');
  });
  it('covers fields beyond software', () => {
    expect(findSkills('HACCP, lesson planning, SMAW welding, talent acquisition, forklift licence, problem-solving, Arabic')).toEqual([
      'HACCP',
      'Lesson planning',
      'SMAW',
      'Welding',
      'Talent acquisition',
      'Forklift operation',
      'Problem solving',
      'Arabic',
    ]);
  });
});

describe('job ads written as prose', () => {
  const ad =
    'We are hiring a .NET Developer to join our Pune office. Expert in C#, JavaScript, MSSQL and ASP.NET MVC. Experience with Azure DevOps and Angular is a plus. You should have 3+ years of experience and good communication skills.';
  it('reads the requirements of a single paragraph, required and preferred by their wording', () => {
    const jp = parseJobAd(ad);
    const req = Object.fromEntries(jp.requirements.map((r) => [r.keyword, r.required]));
    expect(req).toMatchObject({ 'C#': true, JavaScript: true, 'Microsoft SQL Server': true, '.NET': true, 'Communication skills': true, 'Azure DevOps': false, Angular: false });
    expect(jp.yearsRequired).toBe(3);
    expect(jp.title).toBe('We are hiring a .NET Developer to join our Pune office');
  });
  it('a qualifier in parentheses judges only what it names', () => {
    const jp = parseJobAd('Plumber\n\nMust have:\n- Valid journeyman plumber licence (Red Seal preferred)\n- Drain cleaning (nice to have)');
    const req = Object.fromEntries(jp.requirements.map((r) => [r.keyword, r.required]));
    expect(req).toMatchObject({ 'Journeyman plumber licence': true, 'Red Seal': false, 'Drain cleaning': false });
  });
  it('a C#/.NET developer is not 0 against a .NET role written as one paragraph', () => {
    const resumeText = 'Ravi Kumar\n\nExperience\nSoftware Engineer — TCS\nJan 2019 – Present\n- Web apps in C# and ASP.NET Core with SQL Server and JavaScript';
    const profile = runLocalTask('analysis', { resumeText, extractedSkills: [], confidenceThreshold: 0.7, asOf: '2025-06-15' });
    const fit = runLocalTask('analysis_gap', { resumeText, jobAd: ad, profile, domainInsights: null });
    expect(fit.gapAnalysis.matchScore).toBeGreaterThanOrEqual(60);
  });
});

describe('partial matches score as partial', () => {
  const fixture = (id: string, f: string): string => readFileSync(join(FIXTURES_DIR, id, f), 'utf8');
  const score = (resumeText: string, jobAd: string) => {
    const profile = runLocalTask('analysis', { resumeText, extractedSkills: [], confidenceThreshold: 0.7, asOf: '2025-06-15' });
    return runLocalTask('analysis_gap', { resumeText, jobAd, profile, domainInsights: null }).gapAnalysis;
  };
  it('a data scientist against a senior backend role is neither 0 nor 90', () => {
    const g = score(fixture('02-data-scientist', 'resume.md'), fixture('01-backend-senior', 'job.md'));
    expect(g.matchScore).toBeGreaterThan(10);
    expect(g.matchScore).toBeLessThan(50);
    expect(g.summary).toMatch(/Partly met: .*PostgreSQL/); // SQL is shown, PostgreSQL asked
  });
  it('a related skill counts less than the skill itself, and more than nothing', () => {
    const job = 'Backend Engineer\n\nRequirements:\n- PostgreSQL\n- Python';
    const base = 'A B\n\nExperience\nEngineer — X\n2015 – 2024\n- Python services';
    const exact = score(`${base} on PostgreSQL`, job).matchScore;
    const related = score(`${base} on MySQL`, job).matchScore;
    const none = score(base, job).matchScore;
    expect(exact).toBeGreaterThan(related);
    expect(related).toBeGreaterThan(none);
    expect(score(`${base} on MySQL`, job).missingKeywords).toContain('PostgreSQL');
  });
});
