/** ExportService on its own: renders run at most two at a time per process, a bounded few wait, more are refused. */
import { describe, expect, it } from 'vitest';
import type { RenderJob } from '../../src/documents/render/index.js';
import type { RenderedFile } from '../../src/domain/rendered-resume.js';
import { ExportBusyError, ExportService } from '../../src/services/export-service.js';
import type { EnhancementRecord } from '../../src/store/types.js';

const record = {
  id: 'enh_1',
  tenant: 't',
  status: 'COMPLETED',
  requestedStages: ['ANALYSIS', 'RESEARCH', 'DRAFT', 'STAR', 'POLISH'],
  input: { resumeText: '# Jane Doe\n' },
  outputs: { POLISH: { finalResumeMarkdown: '# Jane Doe\n\n## Experience\n### Engineer — Acme\n2020 – Present\n- Built things\n', editorialNotes: [], provenance: [] } },
} as unknown as EnhancementRecord;
const store = { getOwned: async (id: string, tenant: string) => (id === record.id && tenant === record.tenant ? record : null) };

describe('ExportService', () => {
  it('renders at most two at once, lets 32 wait, and refuses the rest at once', async () => {
    let running = 0;
    let most = 0;
    const release: Array<() => void> = [];
    const renderer = async (job: RenderJob): Promise<RenderedFile> => {
      running++;
      most = Math.max(most, running);
      await new Promise<void>((resolve) => release.push(resolve));
      running--;
      return { filename: `x.${job.format}`, mediaType: 'text/plain', bytes: new Uint8Array([1, 2, 3]) };
    };
    const service = new ExportService(store, renderer);
    const calls = Array.from({ length: 36 }, () => service.exportResume('t', 'enh_1', 'PDF').then((f) => f, (e: unknown) => e));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(release).toHaveLength(2);
    while (release.length) {
      release.shift()!();
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
    const results = await Promise.all(calls);
    const refused = results.filter((r) => r instanceof ExportBusyError);
    expect(refused).toHaveLength(2);
    expect(results.filter((r) => !(r instanceof Error)).every((r) => (r as { contentBase64: string }).contentBase64 === 'AQID')).toBe(true);
    expect(most).toBe(2);
  });
});
