/**
 * Download buttons for a finished enhancement: the final resume as Markdown, PDF, Word (DOCX) or
 * JSON Resume, and the cover letter (when one was asked for) as Markdown, PDF or Word, each
 * rendered by the API (exportResume, exportCoverLetter) and saved from memory.
 */
import { ApiError, gql } from './api.js';
import { h } from './dom.js';
import { renderMarkdown } from './render.js';
import {
  CoverLetterDocument,
  ExportCoverLetterDocument,
  ExportResumeDocument,
  type ExportFormat,
} from '../../src/client/graphql/graphql.js';

const LABELS: Record<ExportFormat, string> = { MARKDOWN: 'Markdown', PDF: 'PDF', DOCX: 'Word (DOCX)', JSON_RESUME: 'JSON Resume' };

function save(file: { filename: string; mediaType: string; contentBase64: string }): void {
  const bytes = Uint8Array.from(atob(file.contentBase64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: file.mediaType }));
  const link = h('a', { href: url, download: file.filename, hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

function buttons(what: 'resume' | 'cover-letter', formats: ExportFormat[], fetchFile: (format: ExportFormat) => Promise<Parameters<typeof save>[0]>): HTMLElement {
  const status = h('p', { class: 'muted', role: 'status' });
  const row = h(
    'div',
    { class: 'downloads' },
    formats.map((format) => {
      const button = h('button', { type: 'button', class: 'secondary', 'data-testid': `download-${what}-${format.toLowerCase()}` }, LABELS[format]);
      button.addEventListener('click', async () => {
        button.disabled = true;
        status.textContent = `Preparing ${LABELS[format]}…`;
        try {
          save(await fetchFile(format));
          status.textContent = '';
        } catch (error) {
          status.textContent = error instanceof ApiError ? `Could not export: ${error.message}` : String(error);
        } finally {
          button.disabled = false;
        }
      });
      return button;
    }),
  );
  return h('div', {}, row, status);
}

/** The downloads card, and the cover letter when there is one. */
export async function renderDownloads(enhancement: { id: string; finalResumeMarkdown?: string | null; requestedStages: readonly string[] }, key: string): Promise<DocumentFragment> {
  const fragment = document.createDocumentFragment();
  const { id } = enhancement;
  if (enhancement.finalResumeMarkdown) {
    fragment.append(
      h(
        'section',
        { class: 'card', 'aria-labelledby': 'dl-resume-title' },
        h('h3', { id: 'dl-resume-title' }, 'Download the resume'),
        buttons('resume', ['PDF', 'DOCX', 'MARKDOWN', 'JSON_RESUME'], async (format) => (await gql(ExportResumeDocument, { id, format }, key)).exportResume),
      ),
    );
  }
  if (enhancement.requestedStages.includes('COVER_LETTER')) {
    const { enhancement: withLetter } = await gql(CoverLetterDocument, { id }, key);
    const letter = withLetter.coverLetter;
    if (letter) {
      const body = h('div', { class: 'markdown', 'data-testid': 'cover-letter' });
      body.innerHTML = renderMarkdown(letter.markdown);
      fragment.append(
        h(
          'section',
          { class: 'card', 'aria-labelledby': 'letter-title' },
          h('h3', { id: 'letter-title' }, 'Cover letter'),
          body,
          letter.findings.length
            ? h(
                'details',
                {},
                h('summary', {}, `${letter.findings.length} sentence(s) left out: the resume does not support them`),
                h('ul', { 'data-testid': 'letter-findings' }, letter.findings.map((f) => h('li', {}, `${f.excerpt} — ${f.detail}`))),
              )
            : null,
          buttons('cover-letter', ['PDF', 'DOCX', 'MARKDOWN'], async (format) => (await gql(ExportCoverLetterDocument, { id, format }, key)).exportCoverLetter),
        ),
      );
    }
  }
  return fragment;
}
