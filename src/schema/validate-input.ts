import { closure, DEFAULT_STAGES, type Stage } from '../domain/graph.js';
import type { PipelineInput } from '../domain/input.js';
import { badInput } from './errors.js';
import type { EnhancementInput } from './inputs.js';

export interface InputLimits {
  maxResumeChars: number;
  maxJobAdChars: number;
}

const MAX_EXTRACTED_SKILLS = 500;
const MAX_SKILL_NAME = 100;
const MAX_IDEMPOTENCY_KEY = 200;

export interface ValidInput {
  input: PipelineInput;
  stages: Stage[];
  idempotencyKey: string | null;
}

/** Checks what GraphQL's types cannot, with messages a person understands (BAD_USER_INPUT). */
/** `derivedStages`: stages a partner's selection needs (runEnhancement), added to any requested. */
export function validateInput(raw: EnhancementInput, limits: InputLimits, now: Date, derivedStages: Stage[] = []): ValidInput {
  const resumeText = requireText(raw.resumeText, 'resumeText', limits.maxResumeChars);
  const jobAd = requireText(raw.jobAd, 'jobAd', limits.maxJobAdChars);
  const threshold = raw.confidenceThreshold ?? 0.7;
  if (!Number.isFinite(threshold) || threshold < 0 || threshold > 1) {
    throw badInput(`confidenceThreshold must be between 0 and 1, got ${threshold}`, 'confidenceThreshold');
  }
  const skills = raw.extractedSkills ?? [];
  if (skills.length > MAX_EXTRACTED_SKILLS) {
    throw badInput(`extractedSkills may hold at most ${MAX_EXTRACTED_SKILLS} skills, got ${skills.length}`, 'extractedSkills');
  }
  for (const [i, skill] of skills.entries()) {
    if (!skill.name.trim() || skill.name.length > MAX_SKILL_NAME) {
      throw badInput(`extractedSkills[${i}].name must be 1 to ${MAX_SKILL_NAME} characters`, 'extractedSkills');
    }
    if (!Number.isFinite(skill.confidence) || skill.confidence < 0 || skill.confidence > 1) {
      throw badInput(`extractedSkills[${i}].confidence must be between 0 and 1`, 'extractedSkills');
    }
  }
  if (raw.stages && raw.stages.length === 0) throw badInput('stages, when given, must name at least one stage', 'stages');
  const key = raw.idempotencyKey ?? null;
  if (key !== null && (key.length === 0 || key.length > MAX_IDEMPOTENCY_KEY)) {
    throw badInput(`idempotencyKey must be 1 to ${MAX_IDEMPOTENCY_KEY} characters`, 'idempotencyKey');
  }
  if (key !== null) {
    // A key is a token: no control character at all (not even a newline), no broken character.
    const control = ANY_CONTROL.exec(key);
    if (control) throw badInput(`idempotencyKey holds the control character ${codePoint(control[0])} at position ${control.index}`, 'idempotencyKey');
    cleanText(key, 'idempotencyKey');
  }
  return {
    input: {
      resumeText,
      jobAd,
      extractedSkills: skills.map((s) => ({ name: cleanText(s.name.trim(), 'extractedSkills'), confidence: s.confidence })),
      domainInsights: checkDomainInsights(raw.domainInsights),
      confidenceThreshold: threshold,
      creativity: raw.creativity ?? 'BALANCED',
      asOf: now.toISOString().slice(0, 10),
      bypassCache: raw.bypassCache ?? false,
    },
    stages: closure(raw.stages || derivedStages.length ? [...(raw.stages ?? []), ...derivedStages] : DEFAULT_STAGES),
    idempotencyKey: key,
  };
}

function requireText(value: string, field: string, max: number): string {
  if (!value.trim()) throw badInput(`${field} is empty: send the text itself`, field);
  if (value.length > max) throw badInput(`${field} is ${value.length} characters; the limit is ${max}`, field);
  return cleanText(value, field);
}

// C0 and C1 controls other than tab, newline, carriage return, form feed and vertical tab.
const CONTROL = /[\u0000-\u0008\u000E-\u001F\u007F-\u009F]/;
const ANY_CONTROL = /[\u0000-\u001F\u007F-\u009F]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Text as the pipeline wants it: a form feed or vertical tab (PDF copy-paste leaves them between
 * pages) becomes a newline, CRLF becomes LF. Other control characters and lone surrogates mean
 * the text was mangled on its way here, so they are refused, saying where.
 */
export function cleanText(value: string, field: string): string {
  const control = CONTROL.exec(value);
  if (control) {
    throw badInput(`${field} holds the control character ${codePoint(control[0])} at position ${control.index}: send plain text`, field);
  }
  const surrogate = LONE_SURROGATE.exec(value);
  if (surrogate) throw badInput(`${field} holds a broken character (a lone UTF-16 surrogate) at position ${surrogate.index}`, field);
  return value.replace(/\r\n?/g, '\n').replace(/[\f\v]/g, '\n');
}

function codePoint(char: string): string {
  return `U+${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
}

const MAX_INSIGHTS_BYTES = 16 * 1024;
const MAX_INSIGHTS_DEPTH = 6;

function checkDomainInsights(value: Record<string, unknown> | null | undefined): Record<string, unknown> | null {
  if (value === null || value === undefined) return null;
  const bytes = Buffer.byteLength(JSON.stringify(value));
  if (bytes > MAX_INSIGHTS_BYTES) throw badInput(`domainInsights is ${bytes} bytes of JSON; the limit is ${MAX_INSIGHTS_BYTES}`, 'domainInsights');
  const depth = (node: unknown): number =>
    node !== null && typeof node === 'object' ? 1 + Math.max(0, ...Object.values(node as object).map(depth)) : 0;
  if (depth(value) > MAX_INSIGHTS_DEPTH) throw badInput(`domainInsights nests deeper than ${MAX_INSIGHTS_DEPTH} levels`, 'domainInsights');
  checkStrings(value, 'domainInsights');
  return value;
}

/** Every key and string value of a JSON value passes the same checks as resume text. */
function checkStrings(node: unknown, path: string): void {
  if (typeof node === 'string') {
    cleanText(node, path);
  } else if (Array.isArray(node)) {
    node.forEach((item, i) => checkStrings(item, `${path}[${i}]`));
  } else if (node !== null && typeof node === 'object') {
    for (const [key, item] of Object.entries(node)) {
      cleanText(key, `${path} (a key)`);
      checkStrings(item, `${path}.${key.slice(0, 40)}`);
    }
  }
}
