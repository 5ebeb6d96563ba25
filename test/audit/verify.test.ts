/** verifyTailoring's new kinds on whole texts: INVENTED_SKILL, INFLATED_SCOPE, DROPPED_ROLE, with near misses. */
import { describe, expect, it } from 'vitest';
import { verifyTailoring } from '../../src/audit/index.js';
import { PERSONA_RESUME as RESUME } from '../fakes/personas.js';

const kinds = (tailored: string): string[] => verifyTailoring(RESUME, tailored).findings.map((f) => f.kind);

describe('verifyTailoring', () => {
  it('DROPPED_ROLE: a role of the original missing from the tailored text (a dropped bullet is not)', () => {
    const dropped = RESUME.replace(/Junior Developer — Webcraft\n2014 – 2016\n- Built client websites in PHP\n/, '');
    expect(kinds(dropped)).toContain('DROPPED_ROLE');
    expect(kinds(RESUME.replace('- Automated deployments with Docker and GitHub Actions\n', ''))).toEqual([]);
  });

  it('INVENTED_SKILL: a technology nothing in the original supports (not one it names)', () => {
    expect(kinds(RESUME.replace('in TypeScript and Node.js', 'in TypeScript, Node.js and Kubernetes'))).toContain('INVENTED_SKILL');
    expect(kinds(RESUME.replace('in TypeScript and Node.js', 'in Node.js and TypeScript'))).toEqual([]);
  });

  it('INFLATED_SCOPE: assisted → spearheaded, "company-wide" (not "led" where the line says led)', () => {
    expect(kinds(RESUME.replace('Assisted with the PostgreSQL partitioning', 'Spearheaded the PostgreSQL partitioning'))).toContain('INFLATED_SCOPE');
    expect(kinds(RESUME.replace('Cut p99 API latency by 40%', 'Cut company-wide p99 API latency by 40%'))).toContain('INFLATED_SCOPE');
    expect(kinds(RESUME.replace('Led the rebuild of the ingestion pipeline', 'Led the ingestion pipeline rebuild'))).toEqual([]);
  });
});
