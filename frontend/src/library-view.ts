import { el } from './dom';
import { renderEntry } from './events';
import type { DiffResult, LibraryResult } from './library-api';
import { traceConversation } from './library-api';
import { renderMimeMessage, type MimeMessage } from './mime-tree';
import { shareUrls } from './share-link';
import type { ProtocolId } from './types';
import { appendVisible } from './visible';

/**
 * What a library call did, side by side: the Java it ran, the same in the lesson's Python, the
 * wire trace as console rows, and the result (a parsed message as its MIME tree).
 */

export interface ResultActions {
  byHand(): void;
  compare(box: HTMLElement): void;
}

function codeBlock(title: string, code: string | undefined, id: string): HTMLElement {
  const pre = el('pre', { class: 'code', id, tabindex: '0', 'aria-labelledby': `${id}-title` });
  appendVisible(pre, code ?? '(not given)', true);
  return el('figure', { class: 'code-figure' }, el('figcaption', { id: `${id}-title` }, title), pre);
}

function resultView(result: unknown): HTMLElement {
  const box = el('div', { class: 'lib-result-value' });
  const mime = (result as { mime?: MimeMessage } | null)?.mime;
  if (mime && typeof mime === 'object') box.append(renderMimeMessage(mime));
  const json = el('pre', { class: 'preview' });
  appendVisible(json, JSON.stringify(result, (k, v) => (k === 'mime' ? undefined : v), 2) ?? 'null', true);
  box.append(mime ? el('details', {}, el('summary', {}, 'The rest of the result, as JSON'), json) : json);
  return box;
}

export function renderTrace(trace: readonly string[], protocol: ProtocolId): HTMLElement {
  const c = traceConversation(trace, protocol, 'server', 0);
  // Scrollable, so focusable: a keyboard user can scroll it too (axe: scrollable-region-focusable).
  const list = el('ol', { class: 'console trace', 'aria-label': 'The wire trace the library produced', tabindex: '0' });
  c.entries.forEach((e, i) => list.append(renderEntry(e, c.entries[i - 1])));
  return list;
}

export function renderLibraryResult(r: LibraryResult, protocol: ProtocolId, actions: ResultActions): HTMLElement {
  const box = el('div', { class: 'lib-run' });
  const head = el('p', { class: r.detail ? 'warn-box' : 'hint' });
  appendVisible(head, r.detail ? `${r.title ? `${r.title}: ` : ''}${r.detail}` : `${r.call ?? 'The call'} ran.`);
  if (r.transcriptId) {
    head.append(' ', el('a', { href: shareUrls(r.transcriptId).page, target: '_blank', rel: 'noopener', class: 'lib-transcript' }, 'Its stored transcript'));
  }
  box.append(head);
  if (r.java || r.python) {
    box.append(el('div', { class: 'code-pair' }, codeBlock('Java (what Parley ran)', r.java, 'lib-java'), codeBlock('Python (the lesson’s library)', r.python, 'lib-python')));
  }
  const trace = r.trace ?? [];
  box.append(el('h3', {}, `Wire trace (${trace.length} lines)${r.detail ? ', up to the failure' : ''}`));
  if (r.traceNote) box.append(el('p', { class: 'hint' }, r.traceNote));
  box.append(trace.length ? renderTrace(trace, protocol) : el('p', { class: 'hint' }, 'No traffic: the call ended before the library said anything.'));
  if (r.result !== undefined && r.result !== null) box.append(el('h3', {}, 'Result'), resultView(r.result));
  const diffBox = el('div', { class: 'lib-diff', 'aria-live': 'polite' });
  if (r.byHand?.length) {
    const byHand = el('button', { type: 'button', id: 'lib-by-hand', class: 'primary' }, 'Do it by hand');
    byHand.addEventListener('click', () => actions.byHand());
    const compare = el('button', { type: 'button', id: 'lib-compare' }, 'Compare with my conversation');
    compare.addEventListener('click', () => actions.compare(diffBox));
    box.append(
      el('h3', {}, 'Now by hand'),
      el('p', { class: 'hint' }, `“Do it by hand” puts the ${r.byHand.length} lines the library sent into step buttons in the Walkthrough tab; connect, send them, then compare.`),
      el('p', { class: 'buttons' }, byHand, compare),
      diffBox,
    );
  }
  return box;
}

const KIND_LABEL: Record<string, string> = { same: 'same', differs: 'differs', libraryOnly: 'library only', byHandOnly: 'yours only' };

/** The two conversations aligned, each difference with its explanation. */
export function renderDiff(d: DiffResult): HTMLElement {
  const table = el('table', { class: 'diff' });
  table.append(
    el('caption', {}, d.differences === 0 ? 'The two conversations match.' : `${d.differences} difference${d.differences === 1 ? '' : 's'} between the library’s conversation and yours.`),
    el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'Library'), el('th', { scope: 'col' }, 'You'), el('th', { scope: 'col' }, 'Why'))),
  );
  const body = el('tbody');
  let above: readonly string[] = [];
  for (const p of d.pairs ?? []) {
    const cell = (text: string | null | undefined) => {
      const td = el('td', {}, text ? el('code', {}) : el('span', { class: 'hint' }, '—'));
      if (text) appendVisible(td.firstChild!, text);
      return td;
    };
    const why = el('td', {}, el('span', { class: 'badge' }, KIND_LABEL[p.kind] ?? p.kind));
    for (const x of p.explanations ?? []) {
      // A reason repeated on the very next row is pointed back to; anywhere else it is said again,
      // so no row sends the learner looking for a reason that is not beside it.
      const again = above.includes(x);
      const s = el('span', { class: again ? 'why again' : 'why' });
      appendVisible(s, again ? ' As on the row above.' : ` ${x}`);
      why.append(s);
    }
    above = p.explanations ?? [];
    body.append(el('tr', { class: `diff-${p.kind.replace(/[^a-z]/gi, '')}` }, cell(p.library), cell(p.byHand), why));
  }
  table.append(body);
  const wrap = el('div', { class: 'table-wrap' });
  if (d.note) {
    const note = el('p', { class: 'hint diff-note' });
    appendVisible(note, d.note);
    wrap.append(note);
  }
  wrap.append(table);
  return wrap;
}
