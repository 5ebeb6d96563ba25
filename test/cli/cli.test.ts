/**
 * The real CLI (bin/imaginator.mjs, once through `npx imaginator`) as a child process against live
 * servers: its stdout, stderr and exit codes.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/app.js';
import { EXIT } from '../../src/cli/exit-codes.js';
import { createGateway } from '../../src/gateway/index.js';
import { DEFAULT_STAGES as STAGES } from '../../src/domain/graph.js';
import { EnhancementResultDocument } from '../../src/client/graphql/graphql.js';
import { dropPrefix, startTestApp, testConfig } from '../helpers/app.js';
import { request } from '../helpers/client.js';
import { freePort } from '../helpers/processes.js';
import { JOB_A, RESUME_A } from '../helpers/samples.js';
import { markerGateway, runCli } from './support.js';
import { docxText, fold, pdfText } from '../documents/read-back.js';

const config = testConfig();
const authConfig = testConfig({ IMAGINATOR_API_KEYS: 'acme:cli-secret-key' });
let app: App;
let authApp: App;
let url: string;
let dir: string;
let resumeFile: string;
let jobFile: string;

beforeAll(async () => {
  [app, authApp] = await Promise.all([
    startTestApp({ config, gateway: markerGateway(createGateway(config)) }),
    startTestApp({ config: authConfig }),
  ]);
  url = app.api!.url;
  dir = mkdtempSync(join(tmpdir(), 'imaginator-cli-'));
  resumeFile = join(dir, 'resume.md');
  jobFile = join(dir, 'job.txt');
  writeFileSync(resumeFile, RESUME_A);
  writeFileSync(jobFile, JOB_A);
});
afterAll(async () => {
  await Promise.all([app?.close(), authApp?.close()]);
  await Promise.all([dropPrefix(config.prefix), dropPrefix(authConfig.prefix)]);
  rmSync(dir, { recursive: true, force: true });
});

const idIn = (stderr: string): string => /started (\S+)/.exec(stderr)?.[1] ?? /following (\S+)/.exec(stderr)![1]!;

describe('imaginator enhance', () => {
  let completedId: string;
  let finalMarkdown: string;

  it('`npx imaginator enhance` shows every stage on stderr and prints the final resume on stdout', async () => {
    const run = await runCli(['enhance', '--resume', resumeFile, '--job', jobFile, '--url', url], { viaNpx: true });
    expect(run.stderr).not.toMatch(/error/i);
    expect(run.code).toBe(EXIT.OK);
    completedId = idIn(run.stderr);
    // Not a terminal: one plain line per event, each stage started and done, ending at 100%.
    for (const stage of STAGES) {
      expect(run.stderr).toMatch(new RegExp(`\\] ${stage} started\\n`));
      expect(run.stderr).toMatch(new RegExp(`\\] ${stage} done in \\d+(\\.\\d)? m?s\\n`));
    }
    expect(run.stderr).toMatch(/\[100%\] completed/);
    expect(run.stderr).toMatch(new RegExp(`${completedId} COMPLETED .* match \\d+/100`));
    // stdout is exactly the stored final resume: nothing else mixed in.
    const { enhancement } = await request(url, EnhancementResultDocument, { id: completedId });
    expect(enhancement.status).toBe('COMPLETED');
    finalMarkdown = enhancement.finalResumeMarkdown!;
    expect(run.stdout.trimEnd()).toBe(finalMarkdown.trimEnd());
    expect(run.stdout).toContain('Acme Analytics');
  });

  it('--json prints the whole result; --stages runs only those (with their dependencies)', async () => {
    const run = await runCli(['enhance', '--resume', resumeFile, '--job', jobFile, '--stages', 'suggest', '--creativity', 'bold', '--json', '--url', url]);
    expect(run.code).toBe(EXIT.OK);
    const result = JSON.parse(run.stdout);
    expect(result.status).toBe('COMPLETED');
    expect(result.requestedStages).toEqual(['ANALYSIS', 'SUGGEST']);
    expect(result.gapAnalysis.matchScore).toBeGreaterThan(0);
    expect(result.gapAnalysis.missingKeywords.join(' ')).toMatch(/Kubernetes|AWS/);
    expect(result.suggestions.length).toBeGreaterThan(0);
    expect(result.finalResumeMarkdown).toBeNull();
    expect(result.stages.map((s: { stage: string; status: string }) => `${s.stage}:${s.status}`)).toEqual(['ANALYSIS:COMPLETED', 'SUGGEST:COMPLETED']);
    expect(run.stderr).toMatch(/SUGGEST done/);
    expect(run.stderr).not.toMatch(/POLISH/);
  });

  it('--progress bars draws a bar per stage even when stderr is not a terminal; the resume can come from stdin', async () => {
    const run = await runCli(['enhance', '--resume', '-', '--job', jobFile, '--stages', 'ANALYSIS', '--progress', 'bars', '--url', url], {
      stdin: RESUME_A,
    });
    expect(run.code).toBe(EXIT.OK);
    expect(run.stderr).toMatch(/ANALYSIS\s+█{24} done/);
    expect(run.stderr).toMatch(/overall\s+█{24} 100%/);
    expect(run.stdout).toMatch(/^# Gap analysis\n\nMatch score: \d+\/100/);
  });

  it('a missing file is a usage error (2) and starts nothing', async () => {
    const run = await runCli(['enhance', '--resume', join(dir, 'nope.md'), '--job', jobFile, '--url', url]);
    expect(run.code).toBe(EXIT.USAGE);
    expect(run.stderr).toContain(`cannot read the resume ${join(dir, 'nope.md')}: no such file`);
    expect(run.stderr).not.toContain('started');
    expect(run.stdout).toBe('');
  });

  it('an unknown stage or a missing option is a usage error (2)', async () => {
    const unknownStage = await runCli(['enhance', '--resume', resumeFile, '--job', jobFile, '--stages', 'ANALYSIS,TYPO', '--url', url]);
    expect(unknownStage.code).toBe(EXIT.USAGE);
    expect(unknownStage.stderr).toContain('unknown stage TYPO');
    const missing = await runCli(['enhance', '--resume', resumeFile, '--url', url]);
    expect(missing.code).toBe(EXIT.USAGE);
    expect(missing.stderr).toContain("required option '--job <file>'");
  });

  it('input the API rejects is a usage error (2) too', async () => {
    const huge = join(dir, 'huge.md');
    writeFileSync(huge, `${RESUME_A}\n${'x'.repeat(config.limits.maxResumeChars)}\n`);
    const run = await runCli(['enhance', '--resume', huge, '--job', jobFile, '--url', url]);
    expect(run.code).toBe(EXIT.USAGE);
    expect(run.stderr).toContain('(BAD_USER_INPUT)');
    expect(run.stderr).not.toContain('started');
  });

  it('--help lists the commands and the exit codes', async () => {
    const run = await runCli(['--help']);
    expect(run.code).toBe(EXIT.OK);
    for (const text of ['enhance', 'status', 'watch', 'cancel', 'Exit codes:', '130', 'IMAGINATOR_API_KEY']) expect(run.stdout).toContain(text);
  });

  it('a failing enhancement exits 3 with the stage and reason; status and watch say the same', async () => {
    const failing = join(dir, 'failing.md');
    writeFileSync(failing, `${RESUME_A}\nFAILME\n`);
    const run = await runCli(['enhance', '--resume', failing, '--job', jobFile, '--url', url]);
    expect(run.code).toBe(EXIT.FAILED);
    expect(run.stderr).toMatch(/ANALYSIS failed: .*the model refused/);
    expect(run.stdout).toBe('');
    const id = idIn(run.stderr);

    const status = await runCli(['status', id, '--url', url]);
    expect(status.code).toBe(EXIT.FAILED);
    expect(status.stdout).toMatch(new RegExp(`^${id}\\s+FAILED`));
    expect(status.stdout).toMatch(/ANALYSIS\s+FAILED/);
    expect(status.stdout).toMatch(/RESEARCH\s+SKIPPED/);

    const watch = await runCli(['watch', id, '--url', url]);
    expect(watch.code).toBe(EXIT.FAILED);
    expect(watch.stderr).toMatch(/\] failed/);
  });

  it('status and watch of a completed enhancement: exit 0, every stage, the same resume', async () => {
    const status = await runCli(['status', completedId, '--url', url]);
    expect(status.code).toBe(EXIT.OK);
    for (const stage of STAGES) expect(status.stdout).toMatch(new RegExp(`^${stage}\\s+COMPLETED\\s+local`, 'm'));
    expect(status.stdout).toMatch(/^match\s+\d+\/100$/m);

    const statusJson = await runCli(['status', completedId, '--json', '--url', url]);
    expect(JSON.parse(statusJson.stdout)).toMatchObject({ id: completedId, status: 'COMPLETED', finalResumeMarkdown: finalMarkdown });

    // watch replays every event from the first one.
    const watch = await runCli(['watch', completedId, '--url', url]);
    expect(watch.code).toBe(EXIT.OK);
    expect(watch.stderr).toMatch(/\[ {2}0%\] queued/);
    expect(watch.stderr.match(/ done in /g)).toHaveLength(STAGES.length);
    expect(watch.stdout.trimEnd()).toBe(finalMarkdown.trimEnd());
  });

  it('--format and --out write the resume (or, with --cover-letter, the letter) as a file', async () => {
    const pdf = join(dir, 'tailored.pdf');
    const run = await runCli(['enhance', '--resume', resumeFile, '--job', jobFile, '--format', 'pdf', '--out', pdf, '--cover-letter', '--progress', 'none', '--url', url]);
    expect(run.code, run.stderr).toBe(EXIT.OK);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/wrote .*tailored\.pdf \(PDF, \d+ bytes\)/);
    const letter = fold(await pdfText(new Uint8Array(readFileSync(pdf))));
    expect(letter).toMatch(/^Dear Initech hiring team,/);
    expect(letter).toContain('Sincerely, Jane Doe');

    const id = idIn(run.stderr);
    const docx = join(dir, 'tailored.docx');
    const exported = await runCli(['export', id, '--out', docx, '--url', url]); // the format from the extension
    expect(exported.code, exported.stderr).toBe(EXIT.OK);
    const text = await docxText(new Uint8Array(readFileSync(docx)));
    for (const phrase of ['Jane Doe', 'Acme Analytics', 'Globex']) expect(text).toContain(phrase);

    const json = await runCli(['export', id, '--format', 'json', '--url', url]);
    expect(JSON.parse(json.stdout).work.map((w: { name: string }) => w.name)).toEqual(['Acme Analytics', 'Globex']);
    const bad = await runCli(['export', id, '--format', 'odt', '--url', url]);
    expect(bad.code).toBe(EXIT.USAGE);
    expect(bad.stderr).toMatch(/pdf, docx, json/);
  });

  it('an unknown id exits 5 for status, watch and cancel', async () => {
    for (const command of ['status', 'watch', 'cancel']) {
      const run = await runCli([command, 'enh_doesnotexist', '--url', url]);
      expect(run.code, command).toBe(EXIT.NOT_FOUND);
      expect(run.stderr, command).toContain('no enhancement with id "enh_doesnotexist" (NOT_FOUND)');
      expect(run.stdout, command).toBe('');
    }
  });

  it('Ctrl-C stops following (130) and leaves the enhancement running; cancel stops it (status then exits 4)', async () => {
    const slow = join(dir, 'slow.md');
    writeFileSync(slow, `${RESUME_A}\nSLOWME\n`);
    let signalled = false;
    const run = await runCli(['enhance', '--resume', slow, '--job', jobFile, '--url', url], {
      onStderr: (stderr, kill) => {
        if (!signalled && /ANALYSIS started/.test(stderr)) {
          signalled = true;
          kill('SIGINT');
        }
      },
    });
    expect(run.code).toBe(EXIT.INTERRUPTED);
    const id = idIn(run.stderr);
    expect(run.stderr).toContain(`stopped following ${id}; it keeps running`);
    const { enhancement } = await request(url, EnhancementResultDocument, { id });
    expect(['QUEUED', 'RUNNING']).toContain(enhancement.status);

    const cancel = await runCli(['cancel', id, '--url', url]);
    expect(cancel.code).toBe(EXIT.OK);
    expect(cancel.stdout).toMatch(new RegExp(`^${id}\\s+CANCELLED`));
    const status = await runCli(['status', id, '--url', url]);
    expect(status.code).toBe(EXIT.CANCELLED);
  });

  it('an unreachable server exits 6', async () => {
    const port = await freePort();
    const run = await runCli(['status', 'enh_x', '--url', `http://127.0.0.1:${port}/graphql`]);
    expect(run.code).toBe(EXIT.UNREACHABLE);
    expect(run.stderr).toContain(`cannot reach http://127.0.0.1:${port}/graphql`);
  });
});

describe('imaginator with API keys', () => {
  it('sends the key from IMAGINATOR_API_KEY over HTTP and WebSocket; a wrong --key exits 7', async () => {
    const authUrl = authApp.api!.url;
    const ok = await runCli(['enhance', '--resume', resumeFile, '--job', jobFile, '--stages', 'ANALYSIS'], {
      env: { IMAGINATOR_URL: authUrl, IMAGINATOR_API_KEY: 'cli-secret-key' },
    });
    expect(ok.stderr).toMatch(/\[100%\] completed/); // the subscription was accepted: connectionParams carried the key
    expect(ok.code).toBe(EXIT.OK);

    const wrong = await runCli(['status', idIn(ok.stderr), '--key', 'not-the-key', '--url', authUrl]);
    expect(wrong.code).toBe(EXIT.REFUSED);
    expect(wrong.stderr).toContain('UNAUTHENTICATED');
  });
});
