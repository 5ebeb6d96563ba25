/**
 * PDF with pdfkit, made for applicant-tracking systems: one column, real (selectable, extractable)
 * text in the standard Helvetica faces, no images or tables, list items as text. A role's heading,
 * its date line and its first bullet always share a page, and so do a section's heading and its
 * first item.
 */
import PDFDocument from 'pdfkit';
import type { RenderedLetter, RenderedResume } from '../../domain/rendered-resume.js';
import { entryHeading, entryMeta, listItem } from './layout.js';

const MARGIN = 54; // 0.75 in
const FONT = { regular: 'Helvetica', bold: 'Helvetica-Bold', italic: 'Helvetica-Oblique' } as const;
const SIZE = { name: 20, heading: 12.5, role: 11, body: 10.5, meta: 10 } as const;
const BULLET_INDENT = 14;

// The standard PDF fonts encode WinAnsi (Windows-1252): Latin-1 and these few more.
const CP1252_EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');

/** Letters that do not decompose into a base letter and an accent. */
const STAND_INS: Record<string, string> = { Ł: 'L', ł: 'l', Đ: 'D', đ: 'd', Ħ: 'H', ħ: 'h', ı: 'i', Ŧ: 'T', ŧ: 't', ĸ: 'k', Ŀ: 'L', ŀ: 'l' };

/** Text the standard fonts can draw: other characters lose their accents, or become a close ASCII stand-in. */
export function winAnsi(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if ((code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || CP1252_EXTRA.has(ch)) out += ch;
    else if (ch === '\n') out += ch;
    else if (ch === '\t') out += ' ';
    else if (ch === '‐' || ch === '‑' || ch === '‒' || ch === '−') out += '-';
    else if (STAND_INS[ch]) out += STAND_INS[ch];
    else if (ch === '→') out += '->';
    else if (ch === '←') out += '<-';
    else if (ch === '·' || ch === '●' || ch === '▪' || ch === '◦') out += '•';
    else {
      const base = ch.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
      out += [...base].every((c) => c.codePointAt(0)! < 0x100) ? base : '';
    }
  }
  return out;
}

class Writer {
  readonly doc: PDFKit.PDFDocument;
  private readonly width: number;

  constructor(title: string, author: string | null) {
    this.doc = new PDFDocument({
      size: 'LETTER',
      margins: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
      info: { Title: winAnsi(title), ...(author ? { Author: winAnsi(author) } : {}), Creator: 'Imaginator', CreationDate: new Date(0) },
      compress: true,
      autoFirstPage: true,
    });
    this.width = this.doc.page.width - MARGIN * 2;
  }

  private bottom(): number {
    return this.doc.page.height - MARGIN;
  }

  heightOf(text: string, font: string, size: number, indent = 0): number {
    this.doc.font(font).fontSize(size);
    return this.doc.heightOfString(winAnsi(text), { width: this.width - indent, lineGap: 1 });
  }

  /** Starts a new page unless `height` more points fit on this one. */
  keep(height: number): void {
    if (this.doc.y + height > this.bottom() && this.doc.y > MARGIN + 1) this.doc.addPage();
  }

  text(text: string, font: string, size: number, options: { gapAfter?: number; indent?: number; align?: 'left' | 'center' } = {}): void {
    const indent = options.indent ?? 0;
    this.doc
      .font(font)
      .fontSize(size)
      .fillColor('#000000')
      .text(winAnsi(text), MARGIN + indent, this.doc.y, { width: this.width - indent, lineGap: 1, align: options.align ?? 'left' });
    if (options.gapAfter) this.doc.moveDown(options.gapAfter);
  }

  bullet(text: string): void {
    const y = this.doc.y;
    this.doc.font(FONT.regular).fontSize(SIZE.body).text('•', MARGIN + 3, y, { lineBreak: false });
    this.doc.text(winAnsi(text), MARGIN + BULLET_INDENT, y, { width: this.width - BULLET_INDENT, lineGap: 1 });
    this.doc.moveDown(0.15);
  }

  rule(): void {
    const y = this.doc.y + 1;
    this.doc.moveTo(MARGIN, y).lineTo(MARGIN + this.width, y).lineWidth(0.6).strokeColor('#444444').stroke();
    this.doc.y = y + 4;
  }

  /** The file's bytes once every page is written. */
  finish(): Promise<Uint8Array> {
    return new Promise((resolve, reject) => {
      const chunks: Buffer[] = [];
      this.doc.on('data', (chunk: Buffer) => chunks.push(chunk));
      this.doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
      this.doc.on('error', reject);
      this.doc.end();
    });
  }
}

export function resumePdf(resume: RenderedResume): Promise<Uint8Array> {
  const w = new Writer(resume.name ? `${resume.name} — Resume` : 'Resume', resume.name);
  if (resume.name) w.text(resume.name, FONT.bold, SIZE.name, { gapAfter: 0.1 });
  for (const line of resume.contact) w.text(line, FONT.regular, SIZE.meta);
  for (const section of resume.sections) {
    w.doc.moveDown(0.6);
    // The heading stays with its first item (and a first role with its first bullet).
    const first = section.entries[0];
    const firstHeight = first ? entryHeight(w, first) : section.lines[0] ? lineHeight(w, section.lines[0]) : 0;
    w.keep((section.heading ? w.heightOf(section.heading, FONT.bold, SIZE.heading) + 6 : 0) + firstHeight);
    if (section.heading) {
      w.text(section.heading, FONT.bold, SIZE.heading);
      w.rule();
    }
    section.entries.forEach((entry, i) => {
      if (i > 0) w.doc.moveDown(0.4);
      w.keep(entryHeight(w, entry));
      w.text(entryHeading(entry), FONT.bold, SIZE.role);
      const meta = entryMeta(entry);
      if (meta) w.text(meta, FONT.italic, SIZE.meta, { gapAfter: 0.15 });
      for (const b of entry.bullets) w.bullet(b);
    });
    for (const line of section.lines) {
      const item = listItem(line);
      if (item !== null) w.bullet(item);
      else w.text(line, FONT.regular, SIZE.body, { gapAfter: 0.15 });
    }
  }
  return w.finish();
}

/** A role's heading, its date line and its first bullet: what must not be split across pages. */
function entryHeight(w: Writer, e: RenderedResume['sections'][number]['entries'][number]): number {
  const meta = entryMeta(e);
  return (
    w.heightOf(entryHeading(e), FONT.bold, SIZE.role) +
    (meta ? w.heightOf(meta, FONT.italic, SIZE.meta) + 3 : 0) +
    (e.bullets[0] ? w.heightOf(e.bullets[0], FONT.regular, SIZE.body, BULLET_INDENT) + 3 : 0)
  );
}

function lineHeight(w: Writer, line: string): number {
  const item = listItem(line);
  return item !== null ? w.heightOf(item, FONT.regular, SIZE.body, BULLET_INDENT) : w.heightOf(line, FONT.regular, SIZE.body);
}

export function letterPdf(letter: RenderedLetter): Promise<Uint8Array> {
  const w = new Writer(letter.name ? `${letter.name} — Cover letter` : 'Cover letter', letter.name);
  for (const paragraph of letter.paragraphs) {
    w.keep(Math.min(w.heightOf(paragraph, FONT.regular, SIZE.body), 40));
    w.text(paragraph, FONT.regular, SIZE.body, { gapAfter: 0.8 });
  }
  return w.finish();
}
