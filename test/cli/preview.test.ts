/** `imaginator enhance --preview`: the text the writing stages write, on stderr, as it is written. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/app.js';
import { previewPrinter } from '../../src/cli/commands.js';
import { EXIT } from '../../src/cli/exit-codes.js';
import { createGateway } from '../../src/gateway/index.js';
import { dropPrefix, startTestApp, testConfig } from '../helpers/app.js';
import { delayedGateway } from '../helpers/gateways.js';
import { JOB_A, RESUME_A } from '../helpers/samples.js';
import { runCli } from './support.js';

describe('previewPrinter', () => {
  it('prints each line once as it is completed, and starts over under a header for another stage or a restart', () => {
    const lines: string[] = [];
    const print = previewPrinter((line) => lines.push(line));
    print({ stage: 'POLISH', text: '# Jane' });
    print({ stage: 'POLISH', text: '# Jane Doe\n- Built' });
    print({ stage: 'POLISH', text: '# Jane Doe\n- Built APIs\n- Ran' });
    print({ stage: 'POLISH', text: '' }); // an attempt starts over
    print({ stage: 'POLISH', text: '# Jane Doe\nNew\n' });
    expect(lines).toEqual(['── polish (being written) ──', '  # Jane Doe', '  - Built APIs', '── polish (being written) ──', '  # Jane Doe', '  New']);
  });
});

describe('imaginator enhance --preview', () => {
  const config = testConfig();
  let app: App;
  let dir: string;
  beforeAll(async () => {
    app = await startTestApp({ config, gateway: delayedGateway(createGateway(config), 150) });
    dir = mkdtempSync(join(tmpdir(), 'imaginator-cli-preview-'));
    writeFileSync(join(dir, 'resume.md'), RESUME_A);
    writeFileSync(join(dir, 'job.txt'), JOB_A);
  });
  afterAll(async () => {
    await app?.close();
    await dropPrefix(config.prefix);
    rmSync(dir, { recursive: true, force: true });
  });

  it('shows the writing stages text on stderr before the result, and the resume alone on stdout', async () => {
    const run = await runCli(['enhance', '--resume', join(dir, 'resume.md'), '--job', join(dir, 'job.txt'), '--url', app.api!.url, '--progress', 'plain', '--preview']);
    expect(run.code).toBe(EXIT.OK);
    expect(run.stderr).toMatch(/── polish \(being written\) ──\n/);
    expect(run.stderr).toMatch(/── draft \(being written\) ──\n/);
    // What DRAFT wrote (its summary) is in the resume printed at the end, and was previewed as it was written.
    const previewed = run.stderr.split('\n').filter((l) => l.startsWith('  ')).map((l) => l.trim());
    expect(run.stdout.split('\n').filter((l) => l.length > 40 && previewed.some((p) => p.includes(l.replace(/^- /, ''))))).not.toEqual([]);
    expect(run.stderr.indexOf('polish (being written)')).toBeLessThan(run.stderr.indexOf('COMPLETED'));
    expect(run.stdout).not.toMatch(/being written/);
  });
});
