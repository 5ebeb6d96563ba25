/**
 * The page: a form that starts an enhancement, one progress bar per stage fed live by the
 * graphql-ws subscription (resuming with `after` when the socket drops), then the result.
 * The id of the enhancement being shown is kept in the URL's hash, so a reload picks it up again.
 */
import { ApiError, follow, followPreview, gql, type ProgressEvent } from './api.js';
import { byId, formatMs, h } from './dom.js';
import {
  CancelEnhancementDocument,
  EnhancementResultDocument,
  StartEnhancementDocument,
  type Creativity,
  type PipelineStage,
} from '../../src/client/graphql/graphql.js';
import { renderDownloads } from './downloads.js';
import { renderResult } from './render.js';
import { wireResumeImport } from './resume-import.js';
import { STAGES, stageName } from './stages.js';

const MAX_FILE_BYTES = 1024 * 1024;

const form = byId<HTMLFormElement>('enhance-form');
const resume = byId<HTMLTextAreaElement>('resume');
const jobAd = byId<HTMLTextAreaElement>('job-ad');
const apiKey = byId<HTMLInputElement>('api-key');
const startButton = byId<HTMLButtonElement>('start');
const cancelButton = byId<HTMLButtonElement>('cancel');
const formError = byId<HTMLParagraphElement>('form-error');
const progressSection = byId('progress');
const statusLine = byId('status-line');
const overallBar = byId<HTMLProgressElement>('overall-bar');
const overallText = byId('overall-text');
const stageBars = byId<HTMLOListElement>('stage-bars');
const previewBox = byId('preview');
const previewStage = byId('preview-stage');
const previewText = byId('preview-text');
const resultSection = byId('result');
const resultBody = byId('result-body');

// --- the form -----------------------------------------------------------------------------------

const stageChecks = byId('stage-checks');
for (const { stage, name, produces } of STAGES) {
  const id = `stage-${stage.toLowerCase()}`;
  stageChecks.append(
    h(
      'label',
      { for: id, class: 'check' },
      h('input', { type: 'checkbox', id, name: 'stages', value: stage, checked: stage !== 'COVER_LETTER' }),
      h('span', {}, h('strong', {}, name), h('span', { class: 'muted' }, ` — ${produces}`)),
    ),
  );
}

function wireUpload(inputId: string, target: HTMLTextAreaElement): void {
  const input = byId<HTMLInputElement>(inputId);
  input.addEventListener('change', async () => {
    const file = input.files?.[0];
    if (!file) return;
    if (!/\.(txt|md|markdown)$/i.test(file.name) && !/^text\//.test(file.type)) {
      showError(`${file.name} is not a .txt or .md file.`);
      return;
    }
    if (file.size > MAX_FILE_BYTES) {
      showError(`${file.name} is larger than 1 MB.`);
      return;
    }
    target.value = await file.text();
    clearError();
  });
}
wireResumeImport({
  input: byId<HTMLInputElement>('resume-file'),
  dropZone: resume.parentElement!,
  target: resume,
  report: byId('resume-import'),
  apiKey: () => apiKey.value.trim(),
  showError: (message) => showError(message),
  clearError: () => clearError(),
});
wireUpload('job-file', jobAd);

function showError(message: string, focus?: HTMLElement): void {
  formError.textContent = message;
  formError.hidden = false;
  focus?.focus();
}
function clearError(): void {
  formError.hidden = true;
  formError.textContent = '';
}

function setBusy(busy: boolean): void {
  for (const element of form.querySelectorAll<HTMLInputElement | HTMLTextAreaElement | HTMLButtonElement>('input, textarea, button')) {
    if (element !== cancelButton) element.disabled = busy;
  }
  startButton.textContent = busy ? 'Running…' : 'Start enhancement';
  cancelButton.hidden = !busy;
  cancelButton.disabled = false;
}

// --- progress -----------------------------------------------------------------------------------

type StageState = 'pending' | 'running' | 'done' | 'failed' | 'skipped' | 'cancelled';
interface StageRow {
  row: HTMLLIElement;
  bar: HTMLProgressElement;
  state: HTMLElement;
  startedAt?: number;
}
let rows = new Map<PipelineStage, StageRow>();

function buildBars(stages: readonly PipelineStage[]): void {
  rows = new Map();
  stageBars.replaceChildren();
  for (const stage of stages) {
    const labelId = `bar-label-${stage.toLowerCase()}`;
    const bar = h('progress', { max: 1, value: 0, 'aria-labelledby': labelId, 'aria-describedby': `${labelId}-state` });
    const state = h('span', { class: 'state', id: `${labelId}-state` }, 'Pending');
    const row = h('li', { class: 'bar', 'data-stage': stage, 'data-state': 'pending' }, h('span', { class: 'name', id: labelId }, stageName(stage)), bar, state);
    rows.set(stage, { row, bar, state });
    stageBars.append(row);
  }
  overallBar.value = 0;
  overallText.textContent = '0%';
}

function setStage(stage: PipelineStage, state: StageState, text: string): void {
  const entry = rows.get(stage);
  if (!entry) return;
  entry.row.dataset.state = state;
  entry.state.textContent = text;
  if (state === 'running') entry.bar.removeAttribute('value'); // indeterminate while the model works
  else entry.bar.value = state === 'pending' ? 0 : 1;
}

function onEvent(event: ProgressEvent): void {
  const at = Date.parse(event.at);
  overallBar.value = event.progress;
  overallText.textContent = `${Math.round(event.progress * 100)}%`;
  const stage = event.stage ?? undefined;
  switch (event.type) {
    case 'QUEUED':
      statusLine.textContent = 'Queued: waiting for a worker.';
      break;
    case 'STAGE_STARTED':
      if (stage) {
        const entry = rows.get(stage);
        if (entry) entry.startedAt = at;
        setStage(stage, 'running', 'Running…');
        statusLine.textContent = `Running ${stageName(stage)}.`;
      }
      break;
    case 'STAGE_RETRY':
      if (stage) setStage(stage, 'running', `Retrying: ${event.message}`);
      break;
    case 'STAGE_COMPLETED':
      if (stage) {
        const started = rows.get(stage)?.startedAt;
        setStage(stage, 'done', started === undefined ? 'Done' : `Done in ${formatMs(at - started)}`);
      }
      break;
    case 'STAGE_FAILED':
      if (stage) setStage(stage, 'failed', `Failed: ${event.message}`);
      break;
    case 'COMPLETED':
      statusLine.textContent = 'Completed. Loading the result…';
      break;
    case 'FAILED':
    case 'CANCELLED':
      for (const [name, entry] of rows) {
        const state = entry.row.dataset.state;
        if (state === 'pending') setStage(name, event.type === 'FAILED' ? 'skipped' : 'cancelled', event.type === 'FAILED' ? 'Skipped' : 'Cancelled');
        if (state === 'running') setStage(name, 'cancelled', 'Cancelled');
      }
      statusLine.textContent = event.type === 'FAILED' ? `Failed: ${event.message}` : 'Cancelled.';
      break;
  }
}

// --- one enhancement, start to result ------------------------------------------------------------

let stopFollowing = (): void => undefined;
let stopPreview = (): void => undefined;

/** The text being written, under the progress bars; hidden once the enhancement ends. */
function startPreview(id: string, key: string): void {
  stopPreview();
  previewBox.hidden = true;
  stopPreview = followPreview(id, key, (preview) => {
    previewStage.textContent = stageName(preview.stage);
    previewText.textContent = preview.text;
    previewBox.hidden = !preview.text;
    previewText.scrollTop = previewText.scrollHeight;
  });
}

function endPreview(): void {
  stopPreview();
  stopPreview = () => undefined;
  previewBox.hidden = true;
}
let currentId: string | undefined;

async function showResult(id: string, key: string): Promise<void> {
  try {
    const { enhancement } = await gql(EnhancementResultDocument, { id }, key);
    resultBody.replaceChildren(renderResult(enhancement));
    resultBody.append(await renderDownloads(enhancement, key));
    resultSection.hidden = false;
    statusLine.textContent = `${enhancement.status === 'COMPLETED' ? 'Completed' : enhancement.status.toLowerCase()} — result below.`;
    resultSection.focus();
  } catch (error) {
    showError(error instanceof ApiError ? `Could not load the result: ${error.message}` : String(error));
  } finally {
    setBusy(false);
  }
}

function watch(id: string, stages: readonly PipelineStage[], key: string): void {
  currentId = id;
  buildBars(stages);
  progressSection.hidden = false;
  resultSection.hidden = true;
  resultBody.replaceChildren();
  setBusy(true);
  statusLine.textContent = 'Connecting…';
  // On a phone the bars are below the form: bring them into view.
  progressSection.scrollIntoView({ block: 'start', behavior: matchMedia('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth' });
  stopFollowing = follow(id, key, {
    event: onEvent,
    reconnecting: (attempt, delayMs) => {
      statusLine.textContent = `Connection lost; reconnecting in ${formatMs(delayMs)} (attempt ${attempt})…`;
    },
    done: () => {
      endPreview();
      void showResult(id, key);
    },
    failed: (error) => {
      endPreview();
      setBusy(false);
      statusLine.textContent = '';
      showError(`${error.message} (${error.code})`);
    },
  });
  startPreview(id, key);
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  clearError();
  const resumeText = resume.value.trim();
  const jobAdText = jobAd.value.trim();
  if (!resumeText) return showError('Paste a resume or upload one.', resume);
  if (!jobAdText) return showError('Paste a job ad or upload one.', jobAd);
  const stages = [...form.querySelectorAll<HTMLInputElement>('input[name="stages"]:checked')].map((input) => input.value as PipelineStage);
  if (!stages.length) return showError('Pick at least one stage.', form.querySelector<HTMLInputElement>('input[name="stages"]') ?? undefined);
  const creativity = (form.querySelector<HTMLInputElement>('input[name="creativity"]:checked')?.value ?? 'BALANCED') as Creativity;
  const key = apiKey.value.trim();

  stopFollowing();
  setBusy(true);
  startButton.textContent = 'Starting…';
  try {
    const { startEnhancement } = await gql(
      StartEnhancementDocument,
      {
        input: {
          resumeText,
          jobAd: jobAdText,
          creativity,
          // Every stage but COVER_LETTER is the API's default.
          stages: stages.length === STAGES.length - 1 && !stages.includes('COVER_LETTER') ? undefined : stages,
        },
      },
      key,
    );
    history.replaceState(null, '', `#${encodeURIComponent(startEnhancement.id)}`);
    watch(startEnhancement.id, startEnhancement.requestedStages, key);
  } catch (error) {
    setBusy(false);
    showError(error instanceof ApiError ? `${error.message} (${error.code})` : String(error));
  }
});

cancelButton.addEventListener('click', async () => {
  if (!currentId) return;
  cancelButton.disabled = true;
  try {
    await gql(CancelEnhancementDocument, { id: currentId }, apiKey.value.trim());
  } catch (error) {
    cancelButton.disabled = false;
    showError(error instanceof ApiError ? `Could not cancel: ${error.message}` : String(error));
  }
});

// A reload (or a shared link) with #<id> follows that enhancement again from its first event.
const fromHash = decodeURIComponent(location.hash.slice(1));
if (/^[\w-]{4,100}$/.test(fromHash)) {
  gql(EnhancementResultDocument, { id: fromHash }, '').then(
    ({ enhancement }) => watch(enhancement.id, enhancement.requestedStages, ''),
    () => history.replaceState(null, '', location.pathname),
  );
}
