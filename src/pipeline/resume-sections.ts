/**
 * A resume too long for any model of its stage is read in parts, split where its sections begin,
 * never cut short: every line lands in exactly one part (the header, name and contact lines,
 * goes with each part so every part knows whose resume it is).
 */
const HEADING = /^\s*(#{1,6}\s+\S|[A-Z][A-Z0-9 &/,.'()-]{2,40}:?\s*$|[A-Z][A-Za-z &/'-]{2,30}:\s*$)/;

export function splitBySection(resume: string, fits: (part: string) => boolean): string[] {
  const lines = resume.split('\n');
  const firstHeading = lines.findIndex((line, i) => i > 0 && HEADING.test(line));
  const header = firstHeading > 0 ? lines.slice(0, firstHeading).join('\n') : '';
  const body = firstHeading > 0 ? lines.slice(firstHeading) : lines;

  const sections: string[][] = [];
  for (const line of body) {
    if (HEADING.test(line) || sections.length === 0) sections.push([line]);
    else sections[sections.length - 1]!.push(line);
  }

  const parts: string[] = [];
  const withHeader = (text: string): string => (header ? `${header}\n${text}` : text);
  let current = '';
  const flush = (): void => {
    if (current) parts.push(withHeader(current));
    current = '';
  };
  for (const section of sections) {
    const text = section.join('\n');
    const joined = current ? `${current}\n${text}` : text;
    if (fits(withHeader(joined))) {
      current = joined;
      continue;
    }
    flush();
    if (fits(withHeader(text))) {
      current = text;
      continue;
    }
    // One section alone is too long: its lines, packed the same way, each part under its heading.
    const [heading, ...rest] = section;
    for (const piece of packLines(rest, (chunk) => fits(withHeader(`${heading}\n${chunk}`)))) {
      parts.push(withHeader(`${heading}\n${piece}`));
    }
  }
  flush();
  return parts;
}

function packLines(lines: string[], fits: (chunk: string) => boolean): string[] {
  const chunks: string[] = [];
  let current = '';
  for (const line of lines) {
    const joined = current ? `${current}\n${line}` : line;
    if (fits(joined)) {
      current = joined;
      continue;
    }
    if (current) chunks.push(current);
    current = '';
    if (fits(line)) {
      current = line;
      continue;
    }
    // A single line longer than any model takes: cut it into pieces, in order, losing nothing.
    let rest = line;
    while (rest) {
      let size = rest.length;
      while (size > 1 && !fits(rest.slice(0, size))) size = Math.floor(size / 2);
      chunks.push(rest.slice(0, size));
      rest = rest.slice(size);
    }
  }
  if (current) chunks.push(current);
  return chunks;
}
