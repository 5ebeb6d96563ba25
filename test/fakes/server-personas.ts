/**
 * Personas: fake servers that each behave like one kind of real server at its worst. Installed
 * on a fake for one model; every other model of the fake stays clean.
 *
 *   const persona = usePersona(fake, 'persona/gpt-4o-mini', 'truncates');
 */
import type { Behaviour } from './behaviours.js';
import type { FakeOpenAI } from './openai-server.js';
import type { FakeGemini } from './gemini-server.js';

export const PERSONAS = [
  'clean',
  'rejects-json-schema',
  'rejects-response-format',
  'ignores-format',
  'think-fence-prose',
  'truncates',
  'omits-field-once',
  'slow-stream',
] as const;
export type PersonaName = (typeof PERSONAS)[number];

/** Which step of the format ladder each persona leaves its model on after a whole enhancement. */
export const EXPECTED_MODE: Record<PersonaName, string> = {
  clean: 'JSON_SCHEMA_STRICT',
  'rejects-json-schema': 'JSON_OBJECT',
  'rejects-response-format': 'PROMPT_ONLY',
  'ignores-format': 'PROMPT_ONLY',
  'think-fence-prose': 'PROMPT_ONLY',
  truncates: 'JSON_SCHEMA_STRICT',
  'omits-field-once': 'JSON_SCHEMA_STRICT',
  'slow-stream': 'JSON_SCHEMA_STRICT',
};

export interface PersonaState {
  /** Fields left out, by schema name (omits-field-once). */
  omitted: Record<string, string>;
}

/** The schema name of a request, whether on the wire or in the prompt. */
function nameOf(fake: FakeOpenAI, body: any): string {
  return body?.response_format?.json_schema?.name ?? /JSON Schema, named "([^"]+)"/.exec(body?.messages?.[0]?.content ?? '')?.[1] ?? '?';
}

export function usePersona(fake: FakeOpenAI, model: string, persona: PersonaName): PersonaState {
  const state: PersonaState = { omitted: {} };
  const when = (match: (body: any) => boolean, behaviour: Behaviour): void => fake.when({ model, match }, behaviour);
  switch (persona) {
    case 'clean':
      break;
    case 'rejects-json-schema':
      // Older vLLM / llama.cpp servers: json_object is fine, json_schema is a 400.
      when((body) => body.response_format?.type === 'json_schema', {
        kind: 'status',
        status: 400,
        message: "Invalid value for 'response_format.type': json_schema is not supported by this server",
      });
      break;
    case 'rejects-response-format':
      // LM Studio and friends: any response_format is a 400.
      when((body) => body.response_format !== undefined, {
        kind: 'status',
        status: 400,
        message: "'response_format' is not supported",
      });
      break;
    case 'ignores-format':
      // A provider that silently drops response_format and chats.
      when(() => true, { kind: 'ok', wrap: (json) => `Sure! Here is the JSON you asked for:\n${json}\nLet me know if you need anything else.` });
      break;
    case 'think-fence-prose':
      // Qwen3 / DeepSeek-R1 through Ollama: a reasoning block, a fence, a closing sentence.
      when(() => true, {
        kind: 'ok',
        wrap: (json) =>
          `<think>\nThe user wants a JSON object. Let me check the fields {like this one}.\n</think>\n\n` +
          `Here is the result:\n\`\`\`json\n${json}\n\`\`\`\nI hope this helps!`,
      });
      break;
    case 'truncates': {
      // Cut off at the output limit, every time the very same request comes again; a changed
      // request (a larger budget) is answered.
      const cut = new Set<string>();
      const seen = new Set<string>();
      when(
        (body) => {
          const key = JSON.stringify(body);
          if (cut.has(key)) return true;
          const name = nameOf(fake, body);
          if (seen.has(name)) return false;
          seen.add(name);
          cut.add(key);
          return true;
        },
        { kind: 'raw', content: '{"summary": "It all began', truncated: true },
      );
      break;
    }
    case 'omits-field-once': {
      const done = new Set<string>();
      when(
        (body) => {
          const name = nameOf(fake, body);
          if (done.has(name)) return false;
          done.add(name);
          return true;
        },
        {
          kind: 'ok',
          mutate: (object, body) => {
            const field = Object.keys(object)[0]!;
            state.omitted[nameOf(fake, body)] = field;
            delete object[field];
            return object;
          },
        },
      );
      break;
    }
    case 'slow-stream':
      when(() => true, { kind: 'ok', chunkDelayMs: 15, chunkChars: 12 });
      break;
  }
  return state;
}

/** Gemini stopping a reply for SAFETY (or RECITATION) the first time each schema is asked. */
export function useGeminiStop(fake: FakeGemini, model: string, reason: 'SAFETY' | 'RECITATION' = 'SAFETY'): void {
  const seen = new Set<string>();
  fake.when(
    {
      model,
      match: (body) => {
        const key = Object.keys(body?.generationConfig?.responseSchema?.properties ?? {}).join(',');
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
      },
    },
    { kind: 'stopped', reason },
  );
}
