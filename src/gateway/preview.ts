/**
 * Live previews of what a model is writing. A reply streams as JSON; the preview is the text in it
 * so far: the partial JSON is read past its reasoning block and fence, closed by jsonrepair, and
 * its string values are laid out as text (a list of strings as bullets). Rendering is throttled:
 * the latest text is sent at most once per interval, and once more when the attempt ends.
 */
import { jsonrepair } from 'jsonrepair';
import { objectSpan, withoutReasoning } from './read-reply.js';

/** A value's text: strings as paragraphs, lists of strings as bullets, in the order written. */
export function previewText(value: unknown): string {
  const blocks: string[] = [];
  const walk = (node: unknown): void => {
    if (typeof node === 'string') {
      if (node.trim()) blocks.push(node.trim());
    } else if (Array.isArray(node)) {
      if (node.length && node.every((item) => typeof item === 'string')) {
        const lines = (node as string[]).filter((item) => item.trim()).map((item) => `- ${item.trim()}`);
        if (lines.length) blocks.push(lines.join('\n'));
      } else node.forEach(walk);
    } else if (node && typeof node === 'object') {
      Object.values(node).forEach(walk);
    }
  };
  walk(value);
  return blocks.join('\n\n');
}

/** The text of a partial reply, or null while it holds nothing readable yet. */
export function previewOfPartial(raw: string): string | null {
  let text = withoutReasoning(raw);
  const fence = text.indexOf('```');
  if (fence >= 0) text = text.slice(fence).replace(/^```[a-zA-Z0-9_-]*/, '').replace(/```[\s\S]*$/, '');
  const span = objectSpan(text);
  if (!span) return null;
  try {
    return previewText(JSON.parse(jsonrepair(text.slice(span.start, span.end))));
  } catch {
    return null;
  }
}

/** Throttles one call's preview: `push` the raw reply so far; the text goes out at most every `intervalMs`. */
export class PreviewFeed {
  private latest: string | null = null;
  private sent = '';
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly emit: (text: string) => void,
    private readonly intervalMs = 250,
  ) {}

  push(raw: string): void {
    this.latest = raw;
    this.timer ??= setTimeout(() => this.flush(), this.intervalMs);
  }

  /** Sends the latest text now, if it changed. */
  flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.latest === null) return;
    const text = previewOfPartial(this.latest);
    this.latest = null;
    if (text === null || text === this.sent) return;
    this.sent = text;
    this.emit(text);
  }

  /** A new attempt: what was shown is dropped and the preview starts over. */
  restart(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.latest = null;
    if (this.sent) {
      this.sent = '';
      this.emit('');
    }
  }

  close(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.latest = null;
  }
}
