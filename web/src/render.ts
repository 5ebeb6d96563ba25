/** The result of an enhancement, as DOM. Markdown is rendered by marked and sanitized by DOMPurify. */
import DOMPurify from 'dompurify';
import { marked } from 'marked';
import { formatMs, formatUsd, h } from './dom.js';
import type { EnhancementResultQuery } from '../../src/client/graphql/graphql.js';
import { stageName } from './stages.js';

type Enhancement = EnhancementResultQuery['enhancement'];

export function renderMarkdown(markdown: string): string {
  const html = marked.parse(markdown, { async: false, gfm: true });
  return DOMPurify.sanitize(html, { USE_PROFILES: { html: true }, FORBID_TAGS: ['style', 'form', 'input'], FORBID_ATTR: ['style'] });
}

function card(title: string, id: string, ...body: Array<Node | null>): HTMLElement {
  return h('section', { class: 'card', 'aria-labelledby': id }, h('h3', { id }, title), ...body);
}

function chips(words: readonly string[], kind: 'matched' | 'missing'): HTMLElement {
  if (!words.length) return h('p', { class: 'muted' }, kind === 'matched' ? 'None matched.' : 'Nothing missing.');
  return h('ul', { class: `chips ${kind}`, 'data-testid': `${kind}-keywords` }, words.map((word) => h('li', {}, word)));
}

export function renderResult(result: Enhancement): DocumentFragment {
  const fragment = document.createDocumentFragment();
  const gap = result.gapAnalysis;

  // Summary: status, match score, totals.
  const summary = h(
    'div',
    { class: 'summary' },
    h('div', { class: `badge status-${result.status.toLowerCase()}`, 'data-testid': 'result-status' }, result.status.toLowerCase()),
    gap
      ? h(
          'div',
          { class: 'score' },
          h('span', { class: 'score-number', 'data-testid': 'match-score' }, String(Math.round(gap.matchScore))),
          h('span', { class: 'score-label', id: 'score-label' }, 'match score / 100'),
          h('meter', { min: 0, max: 100, low: 50, high: 75, optimum: 100, value: gap.matchScore, 'aria-labelledby': 'score-label' }),
        )
      : null,
    h(
      'dl',
      { class: 'totals' },
      h('dt', {}, 'Time'),
      h('dd', { 'data-testid': 'total-time' }, formatMs(result.usage.durationMs)),
      h('dt', {}, 'Cost'),
      h('dd', { 'data-testid': 'total-cost' }, formatUsd(result.usage.costUsd)),
      h('dt', {}, 'Model calls'),
      h('dd', {}, result.usage.llmCalls, result.usage.cacheHits ? ` (${result.usage.cacheHits} cached)` : ''),
    ),
  );
  fragment.append(summary);

  if (result.error) {
    fragment.append(
      h(
        'p',
        { class: 'error', role: 'alert' },
        `${result.error.stage ? `${stageName(result.error.stage)} failed` : 'Failed'}: ${result.error.message} (${result.error.code})`,
      ),
    );
  }

  if (gap) {
    fragment.append(
      card(
        'Keywords',
        'kw-title',
        h('p', { class: 'gap-summary' }, gap.summary),
        h('h4', {}, 'Matched'),
        chips(gap.matchedKeywords, 'matched'),
        h('h4', {}, 'Missing'),
        chips(gap.missingKeywords, 'missing'),
      ),
    );
  }

  if (result.suggestions?.length) {
    const sorted = [...result.suggestions].sort((a, b) => a.priority - b.priority);
    fragment.append(
      card(
        'Suggestions',
        'sg-title',
        h(
          'ol',
          { class: 'suggestions', 'data-testid': 'suggestions' },
          sorted.map((s) =>
            h(
              'li',
              {},
              h('span', { class: 'tag' }, s.kind.toLowerCase()),
              ' ',
              h('strong', {}, s.title),
              h('p', {}, s.detail),
              s.addressesGaps.length ? h('p', { class: 'muted' }, `Addresses: ${s.addressesGaps.join(', ')}`) : null,
            ),
          ),
        ),
      ),
    );
  }

  if (result.finalResumeMarkdown) {
    const article = h('article', { class: 'resume', 'data-testid': 'final-resume', 'aria-labelledby': 'resume-title' });
    article.innerHTML = renderMarkdown(result.finalResumeMarkdown);
    const download = h('a', { class: 'button secondary', download: `resume-${result.id}.md`, href: '#' }, 'Download markdown');
    download.addEventListener('click', () => {
      const url = URL.createObjectURL(new Blob([result.finalResumeMarkdown ?? ''], { type: 'text/markdown' }));
      download.href = url;
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    });
    fragment.append(
      h(
        'section',
        { class: 'card', 'aria-labelledby': 'resume-title' },
        h('div', { class: 'card-head' }, h('h3', { id: 'resume-title' }, 'Final resume'), download),
        article,
      ),
    );
  }

  if (result.editorialNotes) {
    fragment.append(
      card(
        'Editorial notes',
        'notes-title',
        result.editorialNotes.length
          ? h('ul', { class: 'notes', 'data-testid': 'editorial-notes' }, result.editorialNotes.map((note) => h('li', {}, note)))
          : h('p', { class: 'muted' }, 'No notes.'),
      ),
    );
  }

  fragment.append(
    card(
      'Stages',
      'stages-title',
      h(
        'div',
        { class: 'table-wrap', tabindex: 0, role: 'region', 'aria-labelledby': 'stages-title' },
        h(
          'table',
          { 'data-testid': 'stage-table' },
          h(
            'thead',
            {},
            h('tr', {}, ['Stage', 'Status', 'Model', 'Time', 'Cost', 'Tokens'].map((title) => h('th', { scope: 'col' }, title))),
          ),
          h(
            'tbody',
            {},
            result.stages.map((run) =>
              h(
                'tr',
                { 'data-stage': run.stage },
                h('th', { scope: 'row' }, stageName(run.stage)),
                h('td', { 'data-label': 'Status' }, run.status.toLowerCase(), run.cached ? ' (cached)' : '', run.attempts > 1 ? ` · ${run.attempts} attempts` : ''),
                h('td', { 'data-label': 'Model' }, run.model ? `${run.provider ?? ''}/${run.model}`.replace(/^\//, '') : '—'),
                h('td', { class: 'num', 'data-label': 'Time' }, formatMs(run.durationMs)),
                h('td', { class: 'num', 'data-label': 'Cost' }, formatUsd(run.costUsd)),
                h(
                  'td',
                  { class: 'num', 'data-label': 'Tokens' },
                  run.promptTokens === null && run.completionTokens === null ? '—' : (run.promptTokens ?? 0) + (run.completionTokens ?? 0),
                ),
              ),
            ),
          ),
        ),
      ),
    ),
  );
  return fragment;
}
