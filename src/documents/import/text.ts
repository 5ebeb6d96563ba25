/** Plain text and markdown: the decoded text itself, line endings made Unix. */
import { unreadable, type ImportedText } from './types.js';

const MARKDOWN = /^(#{1,6} \S|[-*+] \S|\d+\. \S|> )|\*\*\S|\[[^\]]+\]\([^)]+\)/m;

export function readText(text: string): ImportedText {
  const normalized = text.replace(/\r\n?/g, '\n').replace(/[\f\v]/g, '\n').trim();
  if (!/[\p{L}\p{N}]/u.test(normalized)) throw unreadable('the file holds no text');
  return { text: normalized, mediaType: MARKDOWN.test(normalized) ? 'text/markdown' : 'text/plain', pages: null, warnings: [] };
}
