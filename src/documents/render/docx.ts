/**
 * DOCX with `docx`: Word's own heading styles (Title, Heading 1 for sections, Heading 2 for roles)
 * and real bulleted lists, so the file stays editable in Word and LibreOffice and readable by
 * applicant-tracking systems. Headings keep with the next paragraph: a role's heading and date line
 * never end a page without its first bullet.
 */
import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import type { RenderedLetter, RenderedResume } from '../../domain/rendered-resume.js';
import { entryHeading, entryMeta, listItem } from './layout.js';

const FONT = 'Calibri';

function bullet(text: string): Paragraph {
  return new Paragraph({ text, bullet: { level: 0 } });
}

export async function resumeDocx(resume: RenderedResume): Promise<Uint8Array> {
  const children: Paragraph[] = [];
  if (resume.name) children.push(new Paragraph({ text: resume.name, heading: HeadingLevel.TITLE, keepNext: true }));
  for (const line of resume.contact) children.push(new Paragraph({ text: line, keepNext: true }));
  for (const section of resume.sections) {
    if (section.heading) children.push(new Paragraph({ text: section.heading, heading: HeadingLevel.HEADING_1, keepNext: true }));
    for (const entry of section.entries) {
      children.push(new Paragraph({ text: entryHeading(entry), heading: HeadingLevel.HEADING_2, keepNext: true, keepLines: true }));
      const meta = entryMeta(entry);
      if (meta) children.push(new Paragraph({ children: [new TextRun({ text: meta, italics: true })], keepNext: true }));
      for (const b of entry.bullets) children.push(bullet(b));
    }
    for (const line of section.lines) {
      const item = listItem(line);
      children.push(item !== null ? bullet(item) : new Paragraph({ text: line }));
    }
  }
  return pack(resume.name ? `${resume.name} — Resume` : 'Resume', resume.name, children);
}

export function letterDocx(letter: RenderedLetter): Promise<Uint8Array> {
  // A paragraph's lines (a sign-off and the name) are paragraphs of their own, spaced as one.
  const children = letter.paragraphs.flatMap((p) => {
    const lines = p.split('\n');
    return lines.map((line, i) => new Paragraph({ alignment: AlignmentType.LEFT, spacing: { after: i === lines.length - 1 ? 200 : 0 }, text: line }));
  });
  return pack(letter.name ? `${letter.name} — Cover letter` : 'Cover letter', letter.name, children);
}

async function pack(title: string, author: string | null, children: Paragraph[]): Promise<Uint8Array> {
  const doc = new Document({
    title,
    creator: author ?? 'Imaginator',
    styles: { default: { document: { run: { font: FONT, size: 21 } } } },
    sections: [{ properties: { page: { margin: { top: 1080, bottom: 1080, left: 1080, right: 1080 } } }, children }],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}
