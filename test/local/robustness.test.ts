/**
 * Odd input never throws and gives honest, low-confidence answers; every output validates against the
 * pipeline's schemas; the engine is deterministic, and a different input gives a different output.
 */
import { describe, expect, it } from 'vitest';
import * as S from '../../src/domain/outputs.js';
import { runLocalTask, verifyTailoring } from '../../src/local/index.js';
import { loadFixtures, runChain, type ChainResult } from './helpers.js';

const fixtures = loadFixtures();

const ODD: Record<string, string> = {
  empty: '',
  whitespace: '   \n\t\n  ',
  onlyName: 'John Smith',
  noSections: 'I have worked in many places and I am good at many things. Please hire me.',
  japanese: '山田太郎\n職務経歴\nソフトウェアエンジニア 株式会社テスト 2019年4月〜現在\n・Pythonでバックエンド開発',
  arabicRtl: '\u202Bأحمد علي\u202C\nالخبرة\nمهندس برمجيات — شركة المثال\n2018 – 2022\n- تطوير تطبيقات',
  longLine: `Jane Roe\n${'Kubernetes and Go expert '.repeat(4000)}`,
  tabs: 'Jane\tRoe\nExperience\nEngineer\tAcme\t2019\t2021\n\t- built\tthings',
  emojiZeroWidth: 'J\u200Bane 🦄 Doe\u200D\nEXPERIENCE\n🚀 Engineer — Rocket 🚀 Co\nJan 2020 – Present\n- Shipped ✨ 3 ✨ launches\u200B',
  garbageDates: 'Al Bo\nExperience\nDev — X\n13/2020 - 99/2021\n- did 2020-2019 things\nSince forever',
  onlyBullets: '- a\n- b\n* c\n1. d',
  markdownNoise: '#\n##\n###\n---\n***\n> quote\n```\ncode\n```',
};
const JOBS = ['', 'Requirements:\n- Go\n- 5+ years', '要件: Python', 'x'.repeat(30000)];

function validateChain(c: ChainResult): void {
  S.Analysis.parse(c.analysis);
  S.ResearchAnswer.parse(c.answers.research);
  S.DraftAnswer.parse(c.answers.draft);
  S.StarAnswer.parse(c.answers.star);
  S.PolishAnswer.parse(c.answers.polish);
  expect(typeof c.polished.finalResumeMarkdown).toBe('string');
  S.Suggestions.parse(c.suggestions);
  S.Suggestions.parse(c.critique);
}

describe('odd input', () => {
  for (const [label, resume] of Object.entries(ODD)) {
    it(`never throws and validates: ${label}`, () => {
      for (const job of JOBS) {
        const c = runChain(resume, job, { extractedSkills: [{ name: '', confidence: 3 }, { name: 'k8s', confidence: -1 }] });
        validateChain(c);
        expect(() => verifyTailoring(resume, c.annotated.finalResumeMarkdown, job)).not.toThrow();
      }
    });
  }

  it('gives an honest low-confidence analysis when nothing can be read', () => {
    for (const label of ['empty', 'onlyName', 'noSections', 'japanese', 'arabicRtl'] as const) {
      const a = runLocalTask('analysis', { resumeText: ODD[label], extractedSkills: [], confidenceThreshold: 0.7, asOf: '2025-01-01' });
      expect(a.seniority.confidence, label).toBeLessThanOrEqual(0.5);
      expect(a.seniority.reasoning.length, label).toBeGreaterThan(10);
    }
    const onlyName = runLocalTask('analysis', { resumeText: 'John Smith', extractedSkills: [], confidenceThreshold: 0.7, asOf: '2025-01-01' });
    expect(onlyName.experiences).toEqual([]);
    expect(onlyName.seniority.yearsOfExperience).toBe(0);
  });

  it('survives hostile values in the typed inputs', () => {
    const bad = null as unknown as string;
    expect(() => runChain(bad, bad)).not.toThrow();
    const a = runLocalTask('analysis', { resumeText: 'A B\nExperience\nDev — X\n2020 – 2021', extractedSkills: null as never, confidenceThreshold: Number.NaN, asOf: 'garbage' });
    S.ResumeProfile.parse(a);
    const c = runLocalTask('critique', { suggestions: [null, { kind: 'NOPE', title: 5 }] as never, jobAd: 'Requirements: Go' });
    S.Suggestions.parse(c);
  });

  it('handles a very long resume quickly', () => {
    const big = fixtures.map((f) => f.resume).join('\n\n');
    const t = performance.now();
    const c = runChain(big, fixtures[0].job);
    validateChain(c);
    expect(performance.now() - t).toBeLessThan(2000);
  });
});

describe('schemas and determinism on the fixtures', () => {
  it('every output of every fixture validates against the pipeline schemas', () => {
    for (const f of fixtures) for (const creativity of ['CONSERVATIVE', 'BALANCED', 'BOLD'] as const) validateChain(runChain(f.resume, f.job, { asOf: f.expected.asOf, creativity }));
  });

  it('same input → same output (deep equal, every task)', () => {
    for (const f of fixtures.slice(0, 5)) {
      const a = JSON.stringify(runChain(f.resume, f.job, { asOf: f.expected.asOf }));
      const b = JSON.stringify(runChain(`${f.resume}`, `${f.job}`, { asOf: f.expected.asOf }));
      expect(a).toBe(b);
    }
  });

  it('different input → different output', () => {
    const [a, b] = fixtures;
    const ra = runChain(a.resume, a.job);
    const rb = runChain(b.resume, b.job);
    expect(ra.analysis.experiences).not.toEqual(rb.analysis.experiences);
    expect(ra.analysis.gapAnalysis).not.toEqual(rb.analysis.gapAnalysis);
    expect(ra.dossier.masterProfile).not.toBe(rb.dossier.masterProfile);
    expect(ra.draft.narrative).not.toBe(rb.draft.narrative);
    expect(ra.star.draftMarkdown).not.toBe(rb.star.draftMarkdown);
    expect(ra.annotated.finalResumeMarkdown).not.toBe(rb.annotated.finalResumeMarkdown);
    expect(ra.critique.suggestions).not.toEqual(rb.critique.suggestions);
    // the same resume against another job: the fit changes, the profile does not
    const rc = runChain(a.resume, b.job);
    expect(rc.analysis.experiences).toEqual(ra.analysis.experiences);
    expect(rc.analysis.gapAnalysis.matchScore).not.toBe(ra.analysis.gapAnalysis.matchScore);
    // a small edit of the resume shows up in the result
    const edited = runChain(a.resume.replace('Paylane GmbH', 'Paystream AG'), a.job);
    expect(edited.analysis.experiences[0].company).toBe('Paystream AG');
    expect(edited.annotated.finalResumeMarkdown).toContain('Paystream AG');
    // asOf moves "Present"
    const later = runChain(a.resume, a.job, { asOf: '2027-06-15' });
    expect(later.analysis.seniority.yearsOfExperience).toBeCloseTo(ra.analysis.seniority.yearsOfExperience + 2, 0);
  });

  it('creativity changes the wording, never the facts', () => {
    const f = fixtures[0];
    const out = (['CONSERVATIVE', 'BALANCED', 'BOLD'] as const).map((c) => runChain(f.resume, f.job, { creativity: c }));
    expect(new Set(out.map((o) => o.draft.narrative)).size).toBe(3);
    for (const o of out) expect(verifyTailoring(f.resume, o.annotated.finalResumeMarkdown, f.job).findings).toEqual([]);
  });
});
