import { fork, type ChildProcess } from 'node:child_process';
import { ROOT } from './common.js';

export interface Child {
  process: ChildProcess;
  /** The first message the child sent (its address). */
  ready: Promise<any>;
  /** Sends a command and resolves with the child's reply to it. */
  ask(message: Record<string, unknown>): Promise<any>;
  stop(): Promise<void>;
}

let nextId = 1;

/** Forks a TypeScript file (through tsx) with an IPC channel. */
export function forkTs(file: string, env: Record<string, string>, execArgv: string[] = []): Child {
  const child = fork(`${ROOT}${file}`, [], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    execArgv: ['--import', 'tsx', ...execArgv],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const ready = new Promise<any>((resolve, reject) => {
    child.once('message', resolve);
    child.once('exit', (code) => reject(new Error(`${file} exited with ${code} before it was ready`)));
  });
  const ask = (message: Record<string, unknown>): Promise<any> =>
    new Promise((resolve) => {
      const id = nextId++;
      const onMessage = (reply: any): void => {
        if (reply?.id === id) {
          child.off('message', onMessage);
          resolve(reply);
        }
      };
      child.on('message', onMessage);
      child.send({ ...message, id });
    });
  const stop = async (): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    if (child.connected) child.send({ cmd: 'stop' });
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  };
  return { process: child, ready, ask, stop };
}
