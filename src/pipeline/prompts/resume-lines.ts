import type { ResumeDocument } from '../../domain/document.js';
import { documentLines } from '../../domain/document.js';

/**
 * The document as a model sees it: one line per resume line, `target: text`. The name and contact
 * lines are left out: no writing stage needs them, and no call (a web-grounded one least) gets them.
 */
export function resumeLines(doc: ResumeDocument): string {
  return documentLines(doc)
    .filter((l) => l.target !== 'name' && !l.target.startsWith('contact'))
    .map((l) => `${l.target}${l.editable ? '' : ' (fixed)'}: ${l.text}`)
    .join('\n');
}
