/** The writing stages: dossier, draft, STAR, polish, suggestions and critique. */
import { describe, expect, it } from 'vitest';
import { buildResumeDocument } from '../../src/documents/resume-document.js';
import { runLocalTask } from '../../src/local/index.js';
import type { Suggestion } from '../../src/local/types.js';
import { loadFixtures, loose, runChain } from './helpers.js';

const fixtures = loadFixtures();
const numbers = (s: string): string[] => (s.match(/\d+(?:[.,]\d+)?/g) ?? []).sort();
const capitalised = (s: string): string[] => s.split(/\s+/).slice(1).map((w) => w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}+#]+$/gu, '')).filter((w) => /^\p{Lu}/u.test(w));

describe('research dossier', () => {
  it('carries the whole resume: name, contact, every section, role, date and bullet', () => {
    for (const f of fixtures) {
      const c = runChain(f.resume, f.job, { asOf: f.expected.asOf });
      const mp = c.dossier.masterProfile;
      for (const e of c.analysis.experiences) {
        expect(mp, f.id).toContain(e.title);
        expect(mp, f.id).toContain(e.company);
        for (const h of e.highlights) expect(loose(mp), f.id).toContain(loose(h));
      }
      // every number of the resume's experience bullets appears among keyMetrics
      const metricText = c.dossier.keyMetrics.join('\n');
      for (const h of c.analysis.experiences.flatMap((e) => e.highlights)) for (const n of h.match(/\d+%|\$[\d.,]+[kKmM]?/g) ?? []) expect(metricText, f.id).toContain(n);
      expect(c.dossier.industryIntel.length, f.id).toBeGreaterThan(20);
      expect(c.dossier.tailoringStrategy.length, f.id).toBeGreaterThan(20);
    }
  });
});

describe('STAR bullets', () => {
  it('keep every number and proper noun of the original bullet and add none; situation and task stay null', () => {
    for (const f of fixtures) {
      const c = runChain(f.resume, f.job, { asOf: f.expected.asOf });
      const before = new Map(c.star.changes.map((ch) => [ch.target, ch.before ?? '']));
      for (const b of c.star.bullets) {
        const o = before.get(b.target!)!;
        expect(o, `${f.id}: ${b.target}`).toBeTruthy();
        expect(numbers(b.text), `${f.id}: ${b.text}`).toEqual(numbers(o));
        for (const p of capitalised(o)) expect(b.text.toLowerCase(), `${f.id}: ${p}`).toContain(p.toLowerCase());
        expect(b.situation).toBeNull();
        expect(b.task).toBeNull();
        expect(b.action).toBeTruthy();
      }
      expect(c.star.changes.filter((ch) => ch.stage === 'STAR' && ch.status === 'HELD'), f.id).toEqual([]);
    }
  });

  it('splits action and result where the bullet has both', () => {
    const f = fixtures.find((x) => x.id.startsWith('01'))!;
    const c = runChain(f.resume, f.job);
    const b = c.star.bullets.find((x) => x.text.includes('40%'))!;
    expect(b.result).toContain('40%');
    expect(b.action.toLowerCase()).toContain('redis caching');
    expect(b.role).toBe('Senior Software Engineer — Paylane GmbH');
    expect(b.target).toMatch(/^experience\[0\]\.bullets\[\d\]$/);
  });
});

describe('draft', () => {
  it('writes from the dossier only, and creativity changes the wording', () => {
    const f = fixtures[0];
    const c = runChain(f.resume, f.job);
    const d = (creativity: 'CONSERVATIVE' | 'BALANCED' | 'BOLD') => runLocalTask('draft', { jobAd: f.job, dossier: c.dossier, creativity });
    const [a, b, bold] = [d('CONSERVATIVE'), d('BALANCED'), d('BOLD')];
    expect(a.narrative).not.toBe(b.narrative);
    expect(b.narrative).not.toBe(bold.narrative);
    expect(b.narrative).toContain('Paylane GmbH');
    expect(b.storyArc.length).toBeGreaterThanOrEqual(3);
    expect(b.storyArc[0]).toContain('Webcraft Studio'); // the arc runs from the first role to the latest
  });
});

describe('polish', () => {
  it('keeps every employer, title, date and section and puts job-relevant bullets first', () => {
    for (const f of fixtures) {
      const c = runChain(f.resume, f.job, { asOf: f.expected.asOf });
      const md = c.polished.finalResumeMarkdown;
      for (const e of c.analysis.experiences) {
        expect(md, f.id).toContain(e.title);
        expect(md, f.id).toContain(e.company);
      }
      // one provenance entry per line of the document: every claim is in the resume, every bullet has its entry
      for (const p of c.polished.provenance) expect(md, `${f.id}: ${p.claim}`).toContain(p.claim);
      const claims = new Set(c.polished.provenance.map((p) => p.claim));
      for (const l of md.split('\n').filter((x) => x.startsWith('- '))) expect(claims.has(l.slice(2)), `${f.id}: ${l}`).toBe(true);
      expect(c.polished.editorialNotes.length, f.id).toBeGreaterThan(0);
    }
    const f = fixtures.find((x) => x.id.startsWith('01'))!;
    const md = runChain(f.resume, f.job).polished.finalResumeMarkdown;
    // the Kubernetes/AWS migration bullet is the most relevant to a Go/Kubernetes/AWS job: it moves first
    const paylane = md.slice(md.indexOf('Paylane GmbH'));
    const firstBullet = paylane.split('\n').find((l) => l.startsWith('- '));
    expect(firstBullet).toContain('Kubernetes');
  });

  it('works in only evidenced job keywords', () => {
    const resume = 'Jo Park\n\nExperience\n### Frontend Developer — Shoply\n2019 – 2024\n- Built the checkout in React\n\nSkills\nReact, CSS';
    const job = 'Requirements:\n- JavaScript\n- React\n- Kubernetes';
    const c = runChain(resume, job);
    const md = c.polished.finalResumeMarkdown;
    expect(md).toContain('JavaScript'); // React evidences JavaScript
    expect(md).not.toContain('Kubernetes'); // nothing evidences Kubernetes
    expect(c.polished.editorialNotes.join(' ')).toMatch(/Not added.*Kubernetes/);
    expect(c.polished.changes.filter((ch) => ch.status === 'HELD')).toEqual([]);
    // polish on its own, from a STAR draft that names React but not JavaScript, notes the evidence it used
    const document = buildResumeDocument(resume);
    const p = runLocalTask('polish', { star: { draftMarkdown: '', bullets: [], changes: [], document }, jobAd: job });
    expect(p.keywordEdits.map((k) => k.text).join(' ')).toContain('JavaScript');
    expect(p.editorialNotes.join(' ')).toMatch(/JavaScript \(evidenced by React\)/);
  });
});

describe('suggestions and critique', () => {
  const f = fixtures.find((x) => x.id.startsWith('12'))!; // a career changer with many gaps
  const c = runChain(f.resume, f.job, { asOf: f.expected.asOf });

  it('suggest: one suggestion per gap, required gaps first, kinds by what closes the gap', () => {
    const s = c.suggestions.suggestions;
    for (const g of c.analysis.gapAnalysis.criticalGaps) expect(s.some((x) => x.addressesGaps.includes(g)), g).toBe(true);
    expect(s.map((x) => x.priority)).toEqual(s.map((_, i) => i + 1));
    const first = s[0];
    expect(c.analysis.gapAnalysis.criticalGaps).toContain(first.addressesGaps[0]);
    expect(s.find((x) => x.addressesGaps.includes('Python'))?.kind).toBe('PROJECT');
    expect(s.find((x) => x.addressesGaps.includes('AWS certification'))?.kind).toBe('CERTIFICATION');
  });

  it('critique: names the gap and a concrete deliverable, drops unaligned and duplicate ones, re-prioritises', () => {
    const noisy: Suggestion[] = [
      { kind: 'SKILL', title: 'Improve your resume', detail: 'Make it better.', addressesGaps: [], priority: 1 },
      { kind: 'SKILL', title: 'Learn knitting', detail: 'Knitting is relaxing.', addressesGaps: ['Knitting'], priority: 2 },
      { kind: 'PROJECT', title: 'Do some Spark', detail: 'Spark.', addressesGaps: ['spark'], priority: 3 },
      { kind: 'PROJECT', title: 'Spark project', detail: 'Build a Spark job.', addressesGaps: ['Apache Spark'], priority: 4 },
      { kind: 'SKILL', title: 'Terraform basics', detail: 'Learn Terraform.', addressesGaps: ['Terraform'], priority: 5 },
    ];
    const out = runLocalTask('critique', { suggestions: noisy, jobAd: f.job }).suggestions;
    expect(out.map((s) => s.addressesGaps[0])).toEqual(['Apache Spark', 'Terraform']); // required (Spark) before nice-to-have (Terraform)
    expect(out.map((s) => s.priority)).toEqual([1, 2]);
    for (const s of out) {
      expect(`${s.title} ${s.detail}`).toContain(s.addressesGaps[0]);
      expect(s.detail.length).toBeGreaterThan(60);
    }
    const refined = c.critique.suggestions;
    expect(refined.length).toBeGreaterThan(0);
    expect(refined.length).toBeLessThanOrEqual(c.suggestions.suggestions.length);
  });
});
