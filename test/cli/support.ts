import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { ModelGateway } from '../../src/gateway/index.js';
import { abortableDelay, withComplete } from '../helpers/gateways.js';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/**
 * The local engine, except: a call whose input mentions FAILME fails, and one that mentions
 * SLOWME first waits `slowMs` (abortable), so a test can catch an enhancement mid-run.
 */
export function markerGateway(inner: ModelGateway, slowMs = 400): ModelGateway {
  return withComplete(inner, async (request, signal) => {
    const data = JSON.stringify(request.data);
    if (data.includes('FAILME')) throw new Error(`the model refused ${request.name}`);
    if (data.includes('SLOWME')) await abortableDelay(slowMs, signal);
    return inner.complete(request, signal);
  });
}

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs the real CLI entry (`bin/imaginator.mjs`, or `npx imaginator` with `viaNpx`) as a child
 * process. `onStderr` sees stderr as it grows and may signal the child.
 */
export function runCli(
  args: string[],
  options: { env?: Record<string, string | undefined>; viaNpx?: boolean; stdin?: string; onStderr?: (stderr: string, kill: (signal: NodeJS.Signals) => void) => void; timeoutMs?: number } = {},
): Promise<CliRun> {
  const env: NodeJS.ProcessEnv = { ...process.env, IMAGINATOR_URL: undefined, IMAGINATOR_API_KEY: undefined, NO_COLOR: '1', ...options.env };
  for (const [name, value] of Object.entries(env)) if (value === undefined) delete env[name];
  const child = options.viaNpx
    ? spawn('npx', ['--no-install', 'imaginator', ...args], { cwd: ROOT, env, stdio: ['pipe', 'pipe', 'pipe'] })
    : spawn(process.execPath, ['bin/imaginator.mjs', ...args], { cwd: ROOT, env, stdio: ['pipe', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => {
    stderr += chunk;
    options.onStderr?.(stderr, (signal) => child.kill(signal));
  });
  child.stdin.end(options.stdin ?? '');
  const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 30_000);
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => {
      clearTimeout(timer);
      // npm itself may warn on stderr (user config); keep only the CLI's lines.
      resolve({ code, stdout, stderr: stderr.replace(/^npm warn .*\n/gm, '') });
    });
  });
}
