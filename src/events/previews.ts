/**
 * Live previews on Redis pub/sub: what a writing stage has written so far, published by the
 * worker that runs it and heard by `enhancementPreview` subscribers on any API instance. Best
 * effort and never stored: a subscriber sees only what is published while it listens.
 */
import type { Redis } from 'ioredis';
import type { Stage } from '../domain/graph.js';

export interface StagePreviewMessage {
  stage: Stage;
  /** The text so far, whole (not a delta); empty when an attempt starts over. */
  text: string;
  /** ISO-8601. */
  at: string;
}

/** `PREFIX:preview:ID`, beside the enhancement's event channel `PREFIX:events:ID`. */
export function previewChannel(prefix: string, id: string): string {
  return `${prefix}:preview:${id}`;
}

export class PreviewPublisher {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  publish(id: string, stage: Stage, text: string): void {
    const message: StagePreviewMessage = { stage, text, at: new Date().toISOString() };
    // Best effort: a preview lost to a Redis hiccup is replaced by the next one.
    this.redis.publish(previewChannel(this.prefix, id), JSON.stringify(message)).catch(() => undefined);
  }
}
