/**
 * What the writing stages propose, and what the audit finds. A change names the document line it
 * changes by its target; it is APPLIED (in the final resume) or HELD (outside it, with findings).
 */
import type { Stage } from './graph.js';

export const TRUTH_FINDING_KINDS = [
  'INVENTED_EMPLOYER',
  'INVENTED_TITLE',
  'CHANGED_DATE',
  'INFLATED_NUMBER',
  'INVENTED_DEGREE',
  'INVENTED_CERTIFICATION',
  'DROPPED_SECTION',
  'CHANGED_NAME',
  'INVENTED_SKILL',
  'INFLATED_SCOPE',
  'DROPPED_ROLE',
  'FIRST_PERSON',
] as const;
export type TruthFindingKind = (typeof TRUTH_FINDING_KINDS)[number];

export interface TruthFinding {
  kind: TruthFindingKind;
  /** The text the finding is about. */
  excerpt: string;
  detail: string;
}

export interface TailoringVerdict {
  /** True exactly when `findings` is empty. */
  faithful: boolean;
  findings: TruthFinding[];
  coveredKeywords: string[];
  missingKeywords: string[];
}

export const CHANGE_STATUSES = ['APPLIED', 'HELD'] as const;
export type ChangeStatus = (typeof CHANGE_STATUSES)[number];

export interface ResumeChange {
  /** Stable within the enhancement: `c1`, `c2`, … in the order the stages proposed them. */
  id: string;
  stage: Stage;
  /** The document line it changes (`summary`, `experience[1].bullets[0]`), or a role's bullets as a whole for an order. */
  target: string;
  /** The original text it replaces; null for an addition (a summary the resume did not have). */
  before: string | null;
  /** The text exactly as it stands in the final resume when applied. */
  after: string;
  status: ChangeStatus;
  /** A reader set the status. */
  reviewed: boolean;
  findings: TruthFinding[];
  /** For an order change: the original bullet indexes in their new order. */
  order?: number[];
}

/** A change as a writer proposes it, before the audit judges it. */
export interface ProposedChange {
  target: string;
  after: string;
  order?: number[];
}
