import { describe, expect, it } from 'vitest';
import { layoutPage, type Run } from '../../src/documents/import/pdf-layout.js';

const run = (str: string, x: number, y: number, size = 10): Run => ({ str, x, y, width: str.length * size * 0.5, size });

describe('reading order of a PDF page', () => {
  it('keeps one column top to bottom and puts a title and its date (set right) on one line', () => {
    const runs = [
      run('Jane Doe', 50, 800, 20),
      run('Engineer — Acme', 50, 760),
      run('2019 – 2022', 480, 760),
      run('Built the billing service used by every team in the company', 50, 745),
      run('Analyst — Initech', 50, 720),
      run('2016 – 2019', 480, 720),
      run('Wrote the reports that the finance team read each quarter', 50, 705),
      run('Intern — Globex', 50, 680),
      run('2015 – 2016', 480, 680),
    ];
    const { lines, reordered } = layoutPage(runs);
    expect(reordered).toBe(false);
    expect(lines.filter(Boolean)).toEqual([
      'Jane Doe',
      'Engineer — Acme 2019 – 2022',
      'Built the billing service used by every team in the company',
      'Analyst — Initech 2016 – 2019',
      'Wrote the reports that the finance team read each quarter',
      'Intern — Globex 2015 – 2016',
    ]);
  });

  it('reads two columns sharing baselines one after the other, a heading across both where it stands', () => {
    const left = ['Skills', 'Go', 'Python', 'SQL'];
    const right = ['Experience', 'Engineer — Acme, building the billing service', 'Analyst — Initech, writing the quarterly reports', 'Intern — Globex, testing'];
    const runs = [run('Jane Doe', 50, 800, 20), ...left.map((s, i) => run(s, 50, 760 - i * 14)), ...right.map((s, i) => run(s, 200, 760 - i * 14))];
    const { lines, reordered } = layoutPage(runs);
    expect(reordered).toBe(true);
    expect(lines.filter(Boolean)).toEqual(['Jane Doe', ...left, ...right]);
  });

  it('joins runs of one line with a space only where there is a gap', () => {
    const { lines } = layoutPage([run('Kuber', 50, 700), { str: 'netes', x: 75, y: 700, width: 25, size: 10 }, run('and', 110, 700)]);
    expect(lines).toEqual(['Kubernetes and']);
  });
});
