/**
 * Documents the import tests make for themselves: one resume written as a text-layer PDF, a
 * two-column PDF, an image-only (scanned) PDF, an encrypted PDF, a DOCX with a table and an image,
 * a JSON Resume, and hostile files (garbage bytes, zip bombs posing as a DOCX).
 */
import { deflateSync } from 'node:zlib';
import { AlignmentType, Document, HeadingLevel, ImageRun, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import PDFDocument from 'pdfkit';
import yazl from 'yazl';

export interface Role {
  title: string;
  employer: string;
  dates: string;
  bullets: string[];
}

export const RESUME = {
  name: 'Amara Okafor',
  contact: 'amara.okafor@example.com | +44 20 7946 0000 | London, UK',
  summary: 'Platform engineer who builds reliable data pipelines and developer tooling.',
  roles: [
    {
      title: 'Staff Engineer',
      employer: 'Northwind Analytics',
      dates: 'Mar 2021 – Present',
      bullets: ['Cut nightly batch time from 6 hours to 50 minutes with incremental Spark jobs', 'Led a team of 4 engineers building the ingestion platform'],
    },
    {
      title: 'Senior Engineer',
      employer: 'Tailspin Logistics',
      dates: 'Jan 2017 – Feb 2021',
      bullets: ['Built route-planning services in Go serving 3 million requests a day', 'Introduced contract tests that halved integration failures'],
    },
    {
      title: 'Software Engineer',
      employer: 'Fabrikam Health',
      dates: 'Sep 2013 – Dec 2016',
      bullets: ['Maintained HL7 interfaces for 12 hospital clients', 'Wrote the on-call runbook used by three teams'],
    },
  ] as Role[],
  skills: ['Go', 'Python', 'Spark', 'Kafka', 'PostgreSQL', 'Kubernetes', 'Terraform'],
  education: 'M.Sc. Computer Science, University of Manchester, 2013',
};

export const EMPLOYERS = RESUME.roles.map((r) => r.employer);

/** The resume's lines in reading order, as a reader of any of its files should find them. */
export function resumeLines(roles: Role[] = RESUME.roles): string[] {
  return [
    RESUME.name,
    RESUME.summary,
    ...roles.flatMap((r) => [`${r.title} — ${r.employer}`, r.dates, ...r.bullets]),
    RESUME.education,
    RESUME.skills.join(', '),
  ];
}

export function resumeMarkdown(): string {
  return [
    `# ${RESUME.name}`,
    RESUME.contact,
    '',
    '## Summary',
    RESUME.summary,
    '',
    '## Experience',
    ...RESUME.roles.flatMap((r) => ['', `### ${r.title} — ${r.employer}`, r.dates, ...r.bullets.map((b) => `- ${b}`)]),
    '',
    '## Education',
    RESUME.education,
    '',
    '## Skills',
    RESUME.skills.join(', '),
  ].join('\n');
}

function pdfBuffer(doc: PDFKit.PDFDocument): Promise<Buffer> {
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  return new Promise((resolve) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.end();
  });
}

/** One column, real text; `repeat` copies the roles (with distinct employers) to fill more pages. */
export function textPdf(options: { repeat?: number; userPassword?: string; photo?: boolean } = {}): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: 56, userPassword: options.userPassword, info: { Title: 'Resume' } });
  if (options.photo) doc.image(png(), 480, 40, { width: 60 });
  doc.font('Helvetica-Bold').fontSize(20).text(RESUME.name, 56, 56);
  doc.font('Helvetica').fontSize(10).text(RESUME.contact).moveDown();
  doc.font('Helvetica-Bold').fontSize(13).text('Summary');
  doc.font('Helvetica').fontSize(10).text(RESUME.summary).moveDown();
  doc.font('Helvetica-Bold').fontSize(13).text('Experience');
  for (const role of manyRoles(options.repeat ?? 1)) {
    doc.moveDown(0.5).font('Helvetica-Bold').fontSize(11).text(`${role.title} — ${role.employer}`);
    doc.font('Helvetica-Oblique').fontSize(10).text(role.dates);
    doc.font('Helvetica').list(role.bullets, { bulletRadius: 1.5 });
  }
  doc.moveDown().font('Helvetica-Bold').fontSize(13).text('Education');
  doc.font('Helvetica').fontSize(10).text(RESUME.education).moveDown();
  doc.font('Helvetica-Bold').fontSize(13).text('Skills');
  doc.font('Helvetica').fontSize(10).text(RESUME.skills.join(', '));
  return pdfBuffer(doc);
}

/** The roles, `repeat` times over, each copy's employers made distinct ("Northwind Analytics 2"). */
export function manyRoles(repeat: number): Role[] {
  return Array.from({ length: repeat }, (_, i) => RESUME.roles.map((r) => ({ ...r, employer: i ? `${r.employer} ${i + 1}` : r.employer }))).flat();
}

/**
 * Two columns whose lines share baselines (the worst case: read row by row they interleave): a
 * sidebar with contact, skills and education on the left, the experience on the right, the name
 * across the top.
 */
export function twoColumnPdf(): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: 40 });
  doc.font('Helvetica-Bold').fontSize(22).text(RESUME.name, 40, 40, { width: 515, lineBreak: false });
  const left: string[] = ['Contact', 'amara.okafor@example.com', '+44 20 7946 0000', 'London, UK', '', 'Skills', ...RESUME.skills, '', 'Education', 'M.Sc. Computer Science,', 'University of Manchester, 2013'];
  const right: string[] = [
    'Summary',
    RESUME.summary,
    '',
    'Experience',
    ...RESUME.roles.flatMap((r) => [`${r.title} — ${r.employer}`, r.dates, ...r.bullets.map((b) => `• ${b}`), '']),
  ];
  const top = 90;
  const leading = 14;
  doc.fontSize(9);
  left.forEach((line, i) => line && doc.font(i === 0 || line === 'Skills' || line === 'Education' ? 'Helvetica-Bold' : 'Helvetica').text(line, 40, top + i * leading, { width: 150, lineBreak: false }));
  right.forEach((line, i) => line && doc.font(line === 'Summary' || line === 'Experience' ? 'Helvetica-Bold' : 'Helvetica').text(line, 210, top + i * leading, { width: 345, lineBreak: false }));
  return pdfBuffer(doc);
}

/** A PNG of the given size (grey noise), made with zlib alone. */
export function png(width = 64, height = 64): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (bytes: Buffer) => {
    let c = 0xffffffff;
    for (const b of bytes) c = crcTable[(c ^ b) & 0xff]! ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const sum = Buffer.alloc(4);
    sum.writeUInt32BE(crc(body));
    return Buffer.concat([length, body, sum]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 0, 0, 0, 0], 8); // 8-bit greyscale
  const raw = Buffer.alloc((width + 1) * height);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) raw[y * (width + 1) + 1 + x] = (x * 7 + y * 13) % 256;
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

/** A scan: each page one image, no text layer. */
export function imageOnlyPdf(pages = 2): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: 0, autoFirstPage: false });
  for (let i = 0; i < pages; i++) doc.addPage().image(png(200, 280), 0, 0, { width: 595, height: 842 });
  return pdfBuffer(doc);
}

/** Headings, bullets, the dates of each role beside it in a table, and a photo. */
export function resumeDocx(): Promise<Buffer> {
  const children = [
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(RESUME.name)] }),
    new Paragraph({ children: [new ImageRun({ type: 'png', data: png(), transformation: { width: 64, height: 64 } })] }),
    new Paragraph(RESUME.contact),
    new Paragraph({ heading: HeadingLevel.HEADING_1, text: 'Summary' }),
    new Paragraph(RESUME.summary),
    new Paragraph({ heading: HeadingLevel.HEADING_1, text: 'Experience' }),
    ...RESUME.roles.flatMap((role) => [
      new Table({
        width: { size: 100, type: WidthType.PERCENTAGE },
        rows: [
          new TableRow({
            children: [
              new TableCell({ children: [new Paragraph({ children: [new TextRun({ text: `${role.title} — ${role.employer}`, bold: true })] })] }),
              new TableCell({ children: [new Paragraph({ alignment: AlignmentType.RIGHT, text: role.dates })] }),
            ],
          }),
        ],
      }),
      ...role.bullets.map((b) => new Paragraph({ text: b, bullet: { level: 0 } })),
    ]),
    new Paragraph({ heading: HeadingLevel.HEADING_1, text: 'Education' }),
    new Paragraph(RESUME.education),
    new Paragraph({ heading: HeadingLevel.HEADING_1, text: 'Skills' }),
    new Paragraph(RESUME.skills.join(', ')),
  ];
  return Packer.toBuffer(new Document({ sections: [{ children }] }));
}

export function jsonResume(): Record<string, unknown> {
  const iso = (month: string) => {
    const [name, year] = month.split(' ');
    const index = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'].indexOf(name!) + 1;
    return `${year}-${String(index).padStart(2, '0')}`;
  };
  return {
    $schema: 'https://raw.githubusercontent.com/jsonresume/resume-schema/v1.0.0/schema.json',
    basics: { name: RESUME.name, email: 'amara.okafor@example.com', phone: '+44 20 7946 0000', summary: RESUME.summary, location: { city: 'London', countryCode: 'GB' } },
    work: RESUME.roles.map((r) => {
      const [start, end] = r.dates.split(' – ');
      return { name: r.employer, position: r.title, startDate: iso(start!), ...(end === 'Present' ? {} : { endDate: iso(end!) }), highlights: r.bullets };
    }),
    education: [{ institution: 'University of Manchester', studyType: 'M.Sc.', area: 'Computer Science', endDate: '2013' }],
    skills: [{ name: 'Engineering', keywords: RESUME.skills }],
  };
}

function zip(entries: Array<[string, Buffer]>): Promise<Buffer> {
  const file = new yazl.ZipFile();
  for (const [name, data] of entries) file.addBuffer(data, name, { compress: true });
  file.end();
  const chunks: Buffer[] = [];
  return new Promise((resolve, reject) => {
    file.outputStream.on('data', (c: Buffer) => chunks.push(c));
    file.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
    file.outputStream.on('error', reject);
  });
}

const DOCUMENT_XML = Buffer.from(
  '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>Amara Okafor</w:t></w:r></w:p></w:body></w:document>',
);

/** A zip bomb posing as a DOCX: word/document.xml and `mib` MiB of zeros that deflate to almost nothing. */
export function zipBombDocx(mib = 200): Promise<Buffer> {
  return zip([
    ['[Content_Types].xml', Buffer.from('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>')],
    ['word/document.xml', DOCUMENT_XML],
    ['word/media/padding.bin', Buffer.alloc(mib * 1024 * 1024)],
  ]);
}

/** The same bomb, lying: its directory says every entry is small. */
export async function lyingZipBombDocx(mib = 64): Promise<Buffer> {
  const bytes = await zipBombDocx(mib);
  // Central directory headers (PK\1\2): the uncompressed size is the 4 bytes at offset 24.
  for (let at = bytes.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])); at >= 0; at = bytes.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]), at + 4)) {
    if (bytes.readUInt32LE(at + 24) > 1024 * 1024) bytes.writeUInt32LE(4096, at + 24);
  }
  return bytes;
}

/** A zip that is not a DOCX. */
export function plainZip(): Promise<Buffer> {
  return zip([['notes.txt', Buffer.from('Amara Okafor, Staff Engineer at Northwind Analytics\n'.repeat(20))]]);
}

/** Any markdown resume as a one-column text PDF: headings bold, bullets as lines of their own. */
export function pdfFromMarkdown(markdown: string): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: 56 });
  for (const line of markdown.split('\n')) {
    const heading = /^(#+)\s+(.*)$/.exec(line);
    if (heading) doc.font('Helvetica-Bold').fontSize(heading[1]!.length === 1 ? 18 : 12).text(heading[2]!.replace(/\*\*/g, ''));
    else if (!line.trim()) doc.moveDown(0.5);
    else doc.font('Helvetica').fontSize(10).text(line.replace(/\*\*/g, ''));
  }
  return pdfBuffer(doc);
}

/** Any markdown resume as a DOCX: headings, bullets and paragraphs. */
export function docxFromMarkdown(markdown: string): Promise<Buffer> {
  const levels = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3, HeadingLevel.HEADING_4];
  const children = markdown
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => {
      const heading = /^(#+)\s+(.*)$/.exec(line);
      if (heading) return new Paragraph({ heading: levels[Math.min(heading[1]!.length, 4) - 1], text: heading[2]! });
      const bullet = /^\s*[-*]\s+(.*)$/.exec(line);
      if (bullet) return new Paragraph({ text: bullet[1]!, bullet: { level: 0 } });
      return new Paragraph(line);
    });
  return Packer.toBuffer(new Document({ sections: [{ children }] }));
}

/** A JSON Resume with the roles `repeat` times over. */
export function largeJsonResume(repeat: number): Record<string, unknown> {
  const base = jsonResume() as { work: Array<Record<string, unknown>> };
  return { ...base, work: Array.from({ length: repeat }, (_, i) => base.work.map((w) => ({ ...w, name: `${String(w.name)} ${i + 1}` }))).flat() };
}

/**
 * A PDF bomb: under 1 MB, one page whose content stream (text-showing operators, over and over)
 * inflates to `mib` MiB. Written by hand: PDF generators do not make such files.
 */
export function pdfBomb(mib = 64): Buffer {
  const unit = Buffer.from('BT /F1 12 Tf 72 712 Td (Hello world) Tj ET\n');
  const raw = Buffer.alloc(mib * 1024 * 1024);
  for (let i = 0; i < raw.length; i += unit.length) unit.copy(raw, i);
  const stream = deflateSync(raw, { level: 9 });
  const objects: Array<string | Buffer> = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    Buffer.concat([Buffer.from(`<< /Length ${stream.length} /Filter /FlateDecode >>\nstream\n`), stream, Buffer.from('\nendstream')]),
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  const parts: Buffer[] = [Buffer.from('%PDF-1.4\n')];
  const offsets: number[] = [];
  let length = parts[0]!.length;
  objects.forEach((object, i) => {
    offsets.push(length);
    const part = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`), Buffer.isBuffer(object) ? object : Buffer.from(object), Buffer.from('\nendobj\n')]);
    parts.push(part);
    length += part.length;
  });
  const xref = `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  return Buffer.concat([...parts, Buffer.from(`${xref}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${length}\n%%EOF\n`)]);
}
