/**
 * Reading order for a page of positioned text runs (pdf.js text items): rows top to bottom, and
 * where the page is set in two columns, the left column's rows before the right column's, so a
 * two-column resume reads column by column instead of interleaving the two line by line.
 */

export interface Run {
  str: string;
  /** Left edge and baseline, in PDF user space (y grows upwards). */
  x: number;
  y: number;
  width: number;
  /** Font size (the text matrix's vertical scale). */
  size: number;
}

interface Row {
  y: number;
  size: number;
  runs: Run[];
  left: number;
  right: number;
}

export interface PageLayout {
  lines: string[];
  /** True when the page was found to be in two columns and read one column after the other. */
  reordered: boolean;
}

/** Runs whose baselines are this close (as a share of the font size) sit on one row. */
const SAME_ROW = 0.45;
/** A gutter between columns is at least this wide (points). */
const MIN_GUTTER = 8;
/** Each column holds at least this many rows before a page counts as two columns. */
const MIN_COLUMN_ROWS = 3;

function toRows(runs: Run[]): Row[] {
  const sorted = runs.filter((r) => r.str.length > 0).sort((a, b) => b.y - a.y || a.x - b.x);
  const rows: Row[] = [];
  for (const run of sorted) {
    const row = rows.at(-1);
    if (row && Math.abs(row.y - run.y) <= SAME_ROW * Math.max(row.size, run.size, 1)) {
      row.runs.push(run);
      row.left = Math.min(row.left, run.x);
      row.right = Math.max(row.right, run.x + run.width);
      row.size = Math.max(row.size, run.size);
    } else {
      rows.push({ y: run.y, size: run.size, runs: [run], left: run.x, right: run.x + run.width });
    }
  }
  for (const row of rows) row.runs.sort((a, b) => a.x - b.x);
  return rows;
}

/** Joins a row's runs, with a space where the gap between two runs is wider than a letter's spacing. */
function joinRuns(runs: Run[]): string {
  let text = '';
  let end = -Infinity;
  for (const run of runs) {
    const gap = run.x - end;
    if (text && gap > 0.15 * run.size && !/\s$/.test(text) && !/^\s/.test(run.str)) text += ' ';
    text += run.str;
    end = Math.max(end, run.x + run.width);
  }
  return text.replace(/[ \t\u00a0]+/g, ' ').trim();
}

/**
 * The x of a gutter: a vertical band that no run of most rows crosses, with enough rows wholly on
 * each side of it. Rows that cross it (a name or a heading across the page) are read where they
 * stand, between column blocks. Null for a page in one column.
 */
function findGutter(rows: Row[]): number | null {
  const runs = rows.flatMap((r) => r.runs.filter((run) => run.str.trim()));
  if (runs.length < 2 * MIN_COLUMN_ROWS) return null;
  const left = Math.min(...runs.map((r) => r.x));
  const right = Math.max(...runs.map((r) => r.x + r.width));
  const width = right - left;
  if (width <= 0) return null;
  let best: { x: number; crossing: number; gutter: number } | null = null;
  // Candidate gutters: just after the right edge of each run in the middle 70% of the text's width.
  const candidates = [...new Set(runs.map((r) => r.x + r.width + MIN_GUTTER / 2))].filter(
    (x) => x > left + 0.15 * width && x < right - 0.15 * width,
  );
  for (const x of candidates) {
    let leftRows = 0;
    let rightRows = 0;
    let crossing = 0;
    let gapLeft = -Infinity;
    let gapRight = Infinity;
    let leftWidth = 0;
    let rightWidth = 0;
    for (const row of rows) {
      const crosses = row.runs.some((r) => r.str.trim() && r.x < x && r.x + r.width > x);
      if (crosses) {
        crossing++;
        continue;
      }
      let hasLeft = false;
      let hasRight = false;
      for (const r of row.runs) {
        if (!r.str.trim()) continue;
        if (r.x + r.width <= x) {
          hasLeft = true;
          gapLeft = Math.max(gapLeft, r.x + r.width);
        } else {
          hasRight = true;
          gapRight = Math.min(gapRight, r.x);
        }
      }
      if (hasLeft) leftRows++;
      if (hasRight) rightRows++;
      for (const r of row.runs) if (r.str.trim()) r.x + r.width <= x ? (leftWidth += r.width) : (rightWidth += r.width);
    }
    const gutter = gapRight - gapLeft;
    if (leftRows < MIN_COLUMN_ROWS || rightRows < MIN_COLUMN_ROWS || gutter < MIN_GUTTER) continue;
    // Columns, not a table of label and value: most rows stay on their side, few cross.
    if (crossing > 0.25 * rows.length) continue;
    // A column of prose, not a column of dates set right of each title: the right side's rows are
    // a fifth of the page wide or more on average, the left side's more than a few letters.
    if (rightWidth / rightRows < 0.2 * width || leftWidth / leftRows < 0.08 * width) continue;
    if (!best || crossing < best.crossing || (crossing === best.crossing && gutter > best.gutter)) best = { x: (gapLeft + gapRight) / 2, crossing, gutter };
  }
  return best?.x ?? null;
}

/** Lines of rows, with an empty line where the vertical gap says a new paragraph starts. */
function rowLines(rows: Row[]): string[] {
  const lines: string[] = [];
  let previous: Row | null = null;
  for (const row of rows) {
    const text = joinRuns(row.runs);
    if (!text) continue;
    if (previous && previous.y - row.y > 1.8 * Math.max(previous.size, row.size) && lines.at(-1) !== '') lines.push('');
    lines.push(text);
    previous = row;
  }
  return lines;
}

export function layoutPage(runs: Run[]): PageLayout {
  const rows = toRows(runs);
  const gutter = findGutter(rows);
  if (gutter === null) return { lines: rowLines(rows), reordered: false };
  const lines: string[] = [];
  let leftBlock: Row[] = [];
  let rightBlock: Row[] = [];
  const flush = () => {
    for (const block of [leftBlock, rightBlock]) {
      if (!block.length) continue;
      if (lines.length && lines.at(-1) !== '') lines.push('');
      lines.push(...rowLines(block));
    }
    leftBlock = [];
    rightBlock = [];
  };
  for (const row of rows) {
    const crosses = row.runs.some((r) => r.str.trim() && r.x < gutter && r.x + r.width > gutter);
    if (crosses) {
      flush();
      if (lines.length && lines.at(-1) !== '') lines.push('');
      lines.push(...rowLines([row]));
      continue;
    }
    const leftRuns = row.runs.filter((r) => r.x + r.width <= gutter);
    const rightRuns = row.runs.filter((r) => r.x + r.width > gutter);
    if (leftRuns.length) leftBlock.push({ ...row, runs: leftRuns });
    if (rightRuns.length) rightBlock.push({ ...row, runs: rightRuns });
  }
  flush();
  return { lines, reordered: true };
}
