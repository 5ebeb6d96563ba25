/** `imaginator enhance --resume resume.pdf|.docx|.json`: the CLI has the server import the file first. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXIT } from '../../src/cli/exit-codes.js';
import { useTestApp } from '../helpers/app.js';
import { JOB_A } from '../helpers/samples.js';
import * as make from '../documents/make.js';
import { runCli } from './support.js';

const testApp = useTestApp();
let dir: string;
const file = (name: string) => join(dir, name);

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'imaginator-cli-import-'));
  writeFileSync(file('job.txt'), JOB_A);
  writeFileSync(file('resume.pdf'), await make.textPdf());
  writeFileSync(file('resume.docx'), await make.resumeDocx());
  writeFileSync(file('resume.json'), JSON.stringify(make.jsonResume()));
  // A PDF under a text file's name: judged by its bytes (not UTF-8 text), it is imported too.
  writeFileSync(file('resume.txt'), await make.textPdf());
  writeFileSync(file('scan.pdf'), await make.imageOnlyPdf(1));
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('imaginator enhance --resume FILE (PDF, DOCX, JSON Resume)', () => {
  it.each([
    ['resume.pdf', 'application/pdf'],
    ['resume.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
    ['resume.json', 'application/json'],
    ['resume.txt', 'application/pdf'],
  ])('%s is imported first, then enhanced', async (name, mediaType) => {
    const run = await runCli(['enhance', '--resume', file(name), '--job', file('job.txt'), '--stages', 'ANALYSIS', '--json', '--url', testApp.app.api!.url]);
    expect(run.stderr).toContain(`read ${file(name)} as ${mediaType}`);
    expect(run.code).toBe(EXIT.OK);
    const result = JSON.parse(run.stdout);
    expect(result.status).toBe('COMPLETED');
    const companies = result.experiences.map((e: { company: string }) => e.company).join(' | ');
    for (const employer of make.EMPLOYERS) expect(companies).toContain(employer);
  }, 60_000);

  it('a scan without a text layer is refused (exit 2) with the reason, and nothing is started', async () => {
    const run = await runCli(['enhance', '--resume', file('scan.pdf'), '--job', file('job.txt'), '--url', testApp.app.api!.url]);
    expect(run.code).toBe(EXIT.USAGE);
    expect(run.stderr).toMatch(/no text layer.*UNREADABLE_DOCUMENT/);
    expect(run.stderr).not.toMatch(/started/);
  }, 60_000);
});
