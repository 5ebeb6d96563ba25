/**
 * Progress on stderr: one bar per stage (cli-progress) on a terminal, one plain line per event
 * otherwise (pipes, files, CI logs), or nothing.
 */
import { MultiBar, type Options, type Params, type SingleBar } from 'cli-progress';
import type { ProgressEvent } from './client.js';
import type { PipelineStage } from '../client/graphql/graphql.js';

export type ProgressMode = 'bars' | 'plain' | 'none';

export interface ProgressView {
  start(id: string, stages: readonly PipelineStage[]): void;
  event(event: ProgressEvent): void;
  /** A line of its own (above the bars on a terminal). */
  note(line: string): void;
  stop(): void;
}

type StageState = 'pending' | 'running' | 'retrying' | 'done' | 'failed' | 'skipped' | 'cancelled';

export function formatMs(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  return `${Math.floor(ms / 60_000)} min ${Math.round((ms % 60_000) / 1000)} s`;
}

/** Tracks per-stage state and timing from the events; both views render from it. */
class StageTracker {
  readonly states = new Map<PipelineStage, { state: StageState; startedAt?: number; endedAt?: number; note?: string }>();
  progress = 0;

  reset(stages: readonly PipelineStage[]): void {
    this.states.clear();
    for (const stage of stages) this.states.set(stage, { state: 'pending' });
    this.progress = 0;
  }

  apply(event: ProgressEvent): void {
    const at = Date.parse(event.at);
    this.progress = event.progress;
    const entry = event.stage ? this.states.get(event.stage) : undefined;
    switch (event.type) {
      case 'STAGE_STARTED':
        if (entry) Object.assign(entry, { state: 'running', startedAt: at, note: undefined });
        break;
      case 'STAGE_RETRY':
        if (entry) Object.assign(entry, { state: 'retrying', note: event.message });
        break;
      case 'STAGE_COMPLETED':
        if (entry) Object.assign(entry, { state: 'done', endedAt: at });
        break;
      case 'STAGE_FAILED':
        if (entry) Object.assign(entry, { state: 'failed', endedAt: at, note: event.message });
        break;
      case 'FAILED':
      case 'CANCELLED':
        for (const value of this.states.values()) {
          if (value.state === 'pending') value.state = event.type === 'FAILED' ? 'skipped' : 'cancelled';
          else if (value.state === 'running' || value.state === 'retrying') value.state = 'cancelled';
        }
        break;
    }
  }

  took(stage: PipelineStage): string {
    const entry = this.states.get(stage);
    return entry?.startedAt !== undefined && entry.endedAt !== undefined ? formatMs(entry.endedAt - entry.startedAt) : '';
  }
}

/** One line per event: `[ 43%] DRAFT done in 120 ms`. */
class PlainView implements ProgressView {
  private readonly tracker = new StageTracker();
  constructor(private readonly out: NodeJS.WritableStream) {}

  start(id: string, stages: readonly PipelineStage[]): void {
    this.tracker.reset(stages);
    this.out.write(`imaginator: following ${id} (${stages.join(', ')})\n`);
  }

  event(event: ProgressEvent): void {
    this.tracker.apply(event);
    const pct = `[${String(Math.round(event.progress * 100)).padStart(3)}%]`;
    const stage = event.stage ?? '';
    let text: string;
    switch (event.type) {
      case 'QUEUED':
        text = 'queued';
        break;
      case 'STAGE_STARTED':
        text = `${stage} started`;
        break;
      case 'STAGE_RETRY':
        text = `${stage} retrying: ${event.message}`;
        break;
      case 'STAGE_COMPLETED':
        text = `${stage} done${event.stage ? ` in ${this.tracker.took(event.stage)}` : ''}`;
        break;
      case 'STAGE_FAILED':
        text = `${stage} failed: ${event.message}`;
        break;
      default:
        text = `${event.type.toLowerCase()}${event.message ? `: ${event.message}` : ''}`;
    }
    this.out.write(`${pct} ${text}\n`);
  }

  note(line: string): void {
    this.out.write(`${line}\n`);
  }

  stop(): void {}
}

const BAR_WIDTH = 24;
const LABEL_WIDTH = 9;

/** A bar per stage, plus the overall one, redrawn in place by cli-progress. */
class BarsView implements ProgressView {
  private readonly tracker = new StageTracker();
  private multibar: MultiBar | undefined;
  private readonly bars = new Map<PipelineStage | 'ALL', SingleBar>();
  private ticker: NodeJS.Timeout | undefined;

  constructor(
    private readonly out: NodeJS.WritableStream & { isTTY?: boolean },
    private readonly color: boolean,
  ) {}

  private paint(code: string, text: string): string {
    return this.color ? `\x1b[${code}m${text}\x1b[0m` : text;
  }

  /** Renders one line; a running stage gets a sliding segment (its model gives no partial progress). */
  private readonly format = (_options: Options, params: Params, payload: { stage: PipelineStage | 'ALL' }): string => {
    const label = (payload.stage === 'ALL' ? 'overall' : payload.stage).padEnd(LABEL_WIDTH);
    if (payload.stage === 'ALL') {
      const filled = Math.round(params.progress * BAR_WIDTH);
      const bar = this.paint('36', '█'.repeat(filled)) + '░'.repeat(BAR_WIDTH - filled);
      return `${label} ${bar} ${String(Math.round(params.progress * 100)).padStart(3)}%`;
    }
    const entry = this.tracker.states.get(payload.stage);
    const state = entry?.state ?? 'pending';
    let bar: string;
    let text: string;
    switch (state) {
      case 'running':
      case 'retrying': {
        const segment = 6;
        const offset = Math.floor(Date.now() / 120) % (BAR_WIDTH + segment);
        const cells = Array.from({ length: BAR_WIDTH }, (_, i) => (i >= offset - segment && i < offset ? '█' : '░'));
        bar = this.paint('33', cells.join(''));
        const elapsed = entry?.startedAt !== undefined ? ` ${formatMs(Math.max(0, Date.now() - entry.startedAt))}` : '';
        text = state === 'retrying' ? `retrying${elapsed}: ${entry?.note ?? ''}` : `running${elapsed}`;
        break;
      }
      case 'done':
        bar = this.paint('32', '█'.repeat(BAR_WIDTH));
        text = this.paint('32', `done ${this.tracker.took(payload.stage)}`);
        break;
      case 'failed':
        bar = this.paint('31', '█'.repeat(BAR_WIDTH));
        text = this.paint('31', `failed: ${entry?.note ?? ''}`);
        break;
      default:
        bar = '░'.repeat(BAR_WIDTH);
        text = state;
    }
    return `${label} ${bar} ${text}`;
  };

  start(id: string, stages: readonly PipelineStage[]): void {
    this.tracker.reset(stages);
    this.out.write(`imaginator: following ${id}\n`);
    this.multibar = new MultiBar({
      stream: this.out,
      format: this.format,
      hideCursor: true,
      clearOnComplete: false,
      stopOnComplete: false,
      linewrap: true,
      fps: 10,
      forceRedraw: true,
      // Bars were asked for even though stderr is not a terminal (--progress bars): draw them anyway.
      noTTYOutput: !this.out.isTTY,
      notTTYSchedule: 250,
      gracefulExit: true,
    });
    for (const stage of stages) this.bars.set(stage, this.multibar.create(1, 0, { stage }));
    this.bars.set('ALL', this.multibar.create(1, 0, { stage: 'ALL' }));
    // Keeps the running segments sliding and elapsed times counting between events.
    this.ticker = setInterval(() => this.multibar?.update(), 120);
  }

  event(event: ProgressEvent): void {
    this.tracker.apply(event);
    for (const [stage, bar] of this.bars) {
      if (stage === 'ALL') bar.update(event.progress);
      else {
        const state = this.tracker.states.get(stage)?.state;
        bar.update(state === 'done' || state === 'failed' ? 1 : 0);
      }
    }
  }

  note(line: string): void {
    if (this.multibar) this.multibar.log(`${line}\n`);
    else this.out.write(`${line}\n`);
  }

  stop(): void {
    if (this.ticker) clearInterval(this.ticker);
    this.ticker = undefined;
    this.multibar?.update();
    this.multibar?.stop();
    this.multibar = undefined;
  }
}

class SilentView implements ProgressView {
  start(): void {}
  event(): void {}
  note(): void {}
  stop(): void {}
}

export function createProgressView(mode: ProgressMode | 'auto', out: NodeJS.WritableStream & { isTTY?: boolean }, env: NodeJS.ProcessEnv): ProgressView {
  const resolved = mode === 'auto' ? (out.isTTY ? 'bars' : 'plain') : mode;
  if (resolved === 'none') return new SilentView();
  if (resolved === 'plain') return new PlainView(out);
  return new BarsView(out, Boolean(out.isTTY) && !env.NO_COLOR);
}
