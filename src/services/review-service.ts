/**
 * reviewChanges: a reader applies held changes and holds applied ones. The final resume is rendered
 * again from the document and the applied changes, with no model call, and a CHANGES_REVIEWED event
 * is appended through the store's one write path (the record's POLISH output and the event change
 * together, in one script, on the enhancement's own hash slot).
 */
import { settleChanges } from '../domain/apply.js';
import type { ResumeChange } from '../domain/changes.js';
import type { PolishedResume } from '../domain/outputs.js';
import { provenanceOf } from '../audit/index.js';
import { renderMarkdown } from '../documents/resume-markdown.js';
import type { EnhancementStore } from '../store/enhancement-store.js';
import type { EnhancementRecord } from '../store/types.js';

/** Why a review was refused: the same answer for an unknown id and another tenant's. */
export class ReviewRefused extends Error {
  override name = 'ReviewRefused';
  constructor(
    readonly code: 'NOT_FOUND' | 'BAD_USER_INPUT',
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

const HELD_NOTE = /^Held c\d+ \(/;

export class ReviewService {
  constructor(private readonly store: EnhancementStore) {}

  async review(tenant: string, id: string, apply: readonly string[], hold: readonly string[]): Promise<EnhancementRecord> {
    // The event keeps the record's status as read; if it changed meanwhile (RUNNING → COMPLETED) the
    // write is refused, and the review is made again on the record as it now stands.
    for (let attempt = 0; ; attempt++) {
      const done = await this.attempt(tenant, id, apply, hold);
      if (done || attempt >= 2) return done ?? this.refusedNow(id);
    }
  }

  private async refusedNow(id: string): Promise<never> {
    throw new ReviewRefused('BAD_USER_INPUT', `enhancement ${id} is ${await this.store.status(id)}: its changes cannot be reviewed`, 'id');
  }

  private async attempt(tenant: string, id: string, apply: readonly string[], hold: readonly string[]): Promise<EnhancementRecord | null> {
    const record = await this.store.getOwned(id, tenant);
    if (!record) throw new ReviewRefused('NOT_FOUND', `no enhancement with id ${JSON.stringify(id)}`);
    const polish = record.outputs.POLISH;
    if (record.stages.POLISH?.status !== 'COMPLETED' || !polish?.changes || !polish.document) {
      throw new ReviewRefused('BAD_USER_INPUT', 'there is nothing to review before POLISH completed', 'id');
    }
    const both = apply.filter((c) => hold.includes(c));
    if (both.length) throw new ReviewRefused('BAD_USER_INPUT', `a change cannot be applied and held at once: ${both.join(', ')}`, 'apply');
    const known = new Set(polish.changes.map((c) => c.id));
    const unknown = [...apply, ...hold].filter((c) => !known.has(c));
    if (unknown.length) throw new ReviewRefused('BAD_USER_INPUT', `no such change: ${[...new Set(unknown)].join(', ')}`, apply.some((c) => unknown.includes(c)) ? 'apply' : 'hold');
    if (!apply.length && !hold.length) throw new ReviewRefused('BAD_USER_INPUT', 'name at least one change to apply or hold', 'apply');

    const changes: ResumeChange[] = polish.changes.map((c) =>
      apply.includes(c.id) ? { ...c, status: 'APPLIED', reviewed: true } : hold.includes(c.id) ? { ...c, status: 'HELD', reviewed: true } : c,
    );
    const reviewed = rerender(polish, changes);
    const said = [apply.length ? `applied ${apply.join(', ')}` : '', hold.length ? `held ${hold.join(', ')}` : ''].filter(Boolean).join('; ');
    const event = await this.store.emit(record.id, {
      type: 'CHANGES_REVIEWED',
      stage: 'POLISH',
      progress: record.status === 'COMPLETED' ? 1 : (Object.keys(record.outputs).length / record.requestedStages.length),
      message: `changes reviewed: ${said}`,
      status: record.status,
      // Once POLISH is done the record may still be RUNNING (SUGGEST, CRITIQUE) or COMPLETED; never
      // after a failure or a cancellation.
      whenStatus: record.status === 'RUNNING' || record.status === 'COMPLETED' ? [record.status] : [],
      output: reviewed,
    });
    if (!event) {
      if (record.status === 'RUNNING' || record.status === 'COMPLETED') return null;
      return this.refusedNow(record.id);
    }
    return { ...record, outputs: { ...record.outputs, POLISH: reviewed } };
  }
}

/** The POLISH output again for new statuses: the resume, provenance and held notes, no model call. */
export function rerender(polish: PolishedResume, statuses: ResumeChange[]): PolishedResume {
  const { document: final, changes } = settleChanges(polish.document, statuses);
  return {
    ...polish,
    finalResumeMarkdown: renderMarkdown(final),
    provenance: provenanceOf(polish.document, final, changes),
    changes,
    editorialNotes: [
      ...polish.editorialNotes.filter((n) => !HELD_NOTE.test(n)),
      ...changes
        .filter((c) => c.status === 'HELD')
        .map((c) => `Held ${c.id} (${c.target}), not in the resume: ${c.findings.map((f) => `${f.kind}: ${f.detail}`).join(' ') || 'held by a reader.'}`),
    ],
  };
}
