/**
 * The resume box takes a file by picking or dropping it: text and markdown are read here, a PDF,
 * DOCX or JSON Resume is sent to `importResume`, and what the server read (with its warnings) is
 * put in the box for the user to check and correct before starting.
 */
import { ApiError, gql } from './api.js';
import { h } from './dom.js';
import { ImportResumeDocument } from '../../src/client/graphql/graphql.js';

/** importResume's limit (5 MiB decoded). */
const MAX_IMPORT_BYTES = 5 * 1024 * 1024;
const MAX_TEXT_BYTES = 1024 * 1024;

export interface ResumeImportOptions {
  input: HTMLInputElement;
  dropZone: HTMLElement;
  target: HTMLTextAreaElement;
  /** Where what was read, and its warnings, are shown. */
  report: HTMLElement;
  apiKey: () => string;
  showError(message: string): void;
  clearError(): void;
}

const isText = (file: File) => /\.(txt|md|markdown)$/i.test(file.name) || /^text\//.test(file.type);

function readAsDataUrl(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error('the file could not be read'));
    reader.readAsDataURL(file);
  });
}

export function wireResumeImport(options: ResumeImportOptions): void {
  const { input, dropZone, target, report } = options;

  const showReport = (summary: string, warnings: readonly string[]) => {
    report.replaceChildren(h('p', {}, summary), ...(warnings.length ? [h('ul', { class: 'warnings' }, warnings.map((w) => h('li', {}, w)))] : []));
    report.hidden = false;
  };

  async function take(file: File): Promise<void> {
    options.clearError();
    report.hidden = true;
    if (isText(file)) {
      if (file.size > MAX_TEXT_BYTES) return options.showError(`${file.name} is larger than 1 MB.`);
      target.value = await file.text();
      return;
    }
    if (file.size > MAX_IMPORT_BYTES) return options.showError(`${file.name} is larger than 5 MB.`);
    target.setAttribute('aria-busy', 'true');
    showReport(`Reading ${file.name}…`, []);
    try {
      const contentBase64 = await readAsDataUrl(file);
      const { importResume } = await gql(ImportResumeDocument, { file: { filename: file.name, contentBase64, mediaType: file.type || null } }, options.apiKey());
      target.value = importResume.text;
      const pages = importResume.pages === null ? '' : `${importResume.pages} page${importResume.pages === 1 ? '' : 's'}, `;
      showReport(`Read ${file.name} (${pages}${importResume.characters} characters). Check the text in the resume box and correct it where needed.`, importResume.warnings);
      target.focus();
    } catch (error) {
      report.hidden = true;
      const message = error instanceof ApiError ? error.message : 'The file could not be read.';
      options.showError(`${file.name}: ${message}`);
    } finally {
      target.removeAttribute('aria-busy');
    }
  }

  input.addEventListener('change', () => {
    const file = input.files?.[0];
    if (file) void take(file);
    input.value = '';
  });
  dropZone.addEventListener('dragover', (event) => {
    if (!event.dataTransfer?.types.includes('Files')) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
    dropZone.classList.add('dropping');
  });
  dropZone.addEventListener('dragleave', () => dropZone.classList.remove('dropping'));
  dropZone.addEventListener('drop', (event) => {
    const file = event.dataTransfer?.files[0];
    dropZone.classList.remove('dropping');
    if (!file) return;
    event.preventDefault();
    void take(file);
  });
}
