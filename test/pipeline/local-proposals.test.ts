/**
 * The local engine is one more provider: it proposes changes, and the same audit judges them. On every
 * fixture its summary reads like a person wrote it and all its changes are applied; the final resume keeps
 * every role. Prints applied vs held and findings by kind.
 */
import { describe, expect, it } from 'vitest';
import { verifyTailoring } from '../../src/audit/index.js';
import { loadFixtures, runChain } from '../local/helpers.js';

const fixtures = loadFixtures();
const SECTION_WORDS = /\b(?:Summary|Experience|Education|Skills|Certifications|Projects|Profile)\s*:|^#|\n/;

describe('the local engine proposes changes like a model', () => {
  it('a summary in the implied first person, without section titles or scaffolding, applied on every fixture', () => {
    let applied = 0;
    let held = 0;
    const kinds: Record<string, number> = {};
    for (const f of fixtures) {
      const c = runChain(f.resume, f.job, { asOf: f.expected.asOf });
      const summary = c.polished.changes.find((ch) => ch.target === 'summary');
      expect(summary, f.id).toBeDefined();
      const text = summary!.after;
      expect(text, f.id).not.toMatch(/\b(?:I|my|me|we|our)\b/);
      expect(text, f.id).not.toMatch(SECTION_WORDS);
      expect(text, f.id).not.toMatch(/for example|e\.g\.|proof point|track record, /i);
      expect(text, f.id).toMatch(/^\p{L}.*[.]$/u);
      expect(text.split(/(?<=\.)\s+/).length, f.id).toBeGreaterThanOrEqual(2);
      expect(c.polished.finalResumeMarkdown, f.id).toContain(text);
      for (const ch of c.polished.changes) {
        if (ch.status === 'APPLIED') applied++;
        else held++;
        for (const finding of ch.findings) kinds[finding.kind] = (kinds[finding.kind] ?? 0) + 1;
      }
      expect(verifyTailoring(f.resume, c.polished.finalResumeMarkdown, f.job).findings, f.id).toEqual([]);
    }
    console.log(`local engine on ${fixtures.length} fixtures: ${applied} changes applied, ${held} held; findings by kind: ${JSON.stringify(kinds)}`);
    expect(held).toBe(0);
    expect(applied).toBeGreaterThan(fixtures.length * 2);
  });
});
