import type { Stage } from '../domain/graph.js';
import type { PipelineInput } from '../domain/input.js';
import type { StageOutputs } from '../domain/outputs.js';

export const ENHANCEMENT_STATUSES = ['QUEUED', 'RUNNING', 'COMPLETED', 'FAILED', 'CANCELLED'] as const;
export type EnhancementStatus = (typeof ENHANCEMENT_STATUSES)[number];
export const ACTIVE_STATUSES: readonly EnhancementStatus[] = ['QUEUED', 'RUNNING'];

export const STAGE_STATUSES = ['PENDING', 'RUNNING', 'COMPLETED', 'FAILED', 'SKIPPED', 'CANCELLED'] as const;
export type StageStatus = (typeof STAGE_STATUSES)[number];

export const EVENT_TYPES = [
  'QUEUED',
  'STAGE_STARTED',
  'STAGE_COMPLETED',
  'STAGE_RETRY',
  'STAGE_FAILED',
  'COMPLETED',
  'FAILED',
  'CANCELLED',
  /** Stored after COMPLETED each time a reader applies or holds changes. */
  'CHANGES_REVIEWED',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];
export const TERMINAL_EVENTS: readonly EventType[] = ['COMPLETED', 'FAILED', 'CANCELLED'];

/** What one stage did: its checkpoint in the record. */
export interface StageRun {
  stage: Stage;
  status: StageStatus;
  attempts: number;
  llmCalls: number;
  cached: boolean;
  provider: string | null;
  model: string | null;
  durationMs: number | null;
  costUsd: number;
  savedCostUsd: number;
  promptTokens: number;
  completionTokens: number;
  error: string | null;
  /** Said by the gateway when a fallback answered (another model, or `local`). */
  notes: string[];
  startedAt: string | null;
  completedAt: string | null;
}

export interface EnhancementError {
  code: string;
  message: string;
  stage: Stage | null;
}

export interface EnhancementRecord {
  id: string;
  tenant: string;
  status: EnhancementStatus;
  /** The requested stages with everything they depend on, in graph order. */
  requestedStages: Stage[];
  createdAt: string;
  completedAt: string | null;
  error: EnhancementError | null;
  input: PipelineInput;
  stages: Partial<Record<Stage, StageRun>>;
  outputs: Partial<StageOutputs>;
}

export interface EnhancementEvent {
  enhancementId: string;
  /** The event's id in the enhancement's Redis stream: strictly increasing. */
  cursor: string;
  type: EventType;
  stage: Stage | null;
  progress: number;
  message: string;
  at: string;
  /** The enhancement's status right after this event. */
  status: EnhancementStatus;
}
