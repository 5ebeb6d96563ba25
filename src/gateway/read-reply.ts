/**
 * Reading a reply the way real models write it, then validating it strictly: a reasoning block
 * (`<think>…</think>`) is set aside, a code fence anywhere or prose around the one JSON object is
 * set aside, broken syntax is repaired (jsonrepair), and only then does the schema decide.
 */
import { jsonrepair } from 'jsonrepair';
import type { z } from 'zod';

export interface ReadReply {
  /** The JSON value found, or undefined when the text holds none. */
  value?: unknown;
  /** Something besides one bare JSON object (a fence, prose) was set aside: the format was ignored. */
  wrapped: boolean;
  /** Why no value was found. */
  error?: string;
}

const THINK = /<think(?:ing)?>[\s\S]*?(?:<\/think(?:ing)?>|$)/gi;
const FENCE = /```[a-zA-Z0-9_-]*[ \t]*\r?\n?([\s\S]*?)```/g;

/** The text with reasoning blocks removed (an unclosed one runs to the end of the text). */
export function withoutReasoning(text: string): string {
  return text.replace(THINK, '');
}

/** The first JSON object in `text`: from its first `{` to the brace that closes it (or to the end, when none does). */
export function objectSpan(text: string): { start: number; end: number } | null {
  const start = text.indexOf('{');
  if (start < 0) return null;
  let depth = 0;
  let inString = false;
  for (let i = start; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return { start, end: i + 1 };
  }
  return { start, end: text.length };
}

function parseLenient(candidate: string): { value?: unknown; error?: string } {
  try {
    return { value: JSON.parse(candidate) };
  } catch (error) {
    try {
      return { value: JSON.parse(jsonrepair(candidate)) };
    } catch {
      return { error: `the reply is not valid JSON (${(error as Error).message})` };
    }
  }
}

export function readReply(content: string): ReadReply {
  const text = withoutReasoning(content).trim();
  let wrapped = false;
  let body = text;
  for (const fence of text.matchAll(FENCE)) {
    if (fence[1]!.includes('{')) {
      body = fence[1]!;
      wrapped = true;
      break;
    }
  }
  const span = objectSpan(body);
  if (!span) return { wrapped: true, error: 'the reply holds no JSON object' };
  if (!wrapped && (body.slice(0, span.start).trim() || body.slice(span.end).trim())) wrapped = true;
  const parsed = parseLenient(body.slice(span.start, span.end));
  return { ...parsed, wrapped };
}

/** Zod's issues as a model can act on them: `path: message`, one per line (at most 12). */
export function describeIssues(error: z.ZodError): string {
  const lines = error.issues.slice(0, 12).map((issue) => `- ${issue.path.join('.') || '(root)'}: ${issue.message}`);
  if (error.issues.length > 12) lines.push(`- … and ${error.issues.length - 12} more`);
  return lines.join('\n');
}
