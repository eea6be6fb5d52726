import { el, octets } from './dom';
import { appendVisible } from './visible';

/**
 * A parsed message (the library's MimeTree) as a nested, collapsible tree: the lesson's
 * email.message_from_string step. Every value is text from a server: it goes in as text only.
 */

export interface MimeHeader {
  name?: string;
  value?: string;
  decoded?: string | null;
}

export interface MimeNode {
  path?: string;
  contentType?: string;
  charset?: string | null;
  transferEncoding?: string | null;
  disposition?: string | null;
  filename?: string | null;
  size?: number | null;
  decodedSize?: number | null;
  text?: string | null;
  textCut?: boolean | null;
  headers?: MimeHeader[] | null;
  parts?: MimeNode[] | null;
}

export interface MimeMessage {
  headers?: MimeHeader[];
  subject?: string;
  from?: string;
  to?: string;
  date?: string;
  tree?: MimeNode;
}

function visible(tag: 'code' | 'span' | 'pre' | 'dd' | 'dt', text: string, attrs: Record<string, string> = {}): HTMLElement {
  const e = el(tag, attrs);
  appendVisible(e, text, tag === 'pre');
  return e;
}

function headerList(headers: readonly MimeHeader[]): HTMLElement {
  const dl = el('dl', { class: 'mime-headers' });
  for (const h of headers) {
    dl.append(visible('dt', `${h.name ?? '?'}:`));
    const value = visible('dd', h.value ?? '');
    if (h.decoded && h.decoded !== h.value) value.append(el('span', { class: 'mime-decoded' }, ' → '), visible('span', h.decoded));
    dl.append(value);
  }
  return dl;
}

/** One-line summary of a part: what a learner wants to see before opening it. */
export function partSummary(n: MimeNode): string {
  const bits = [n.contentType ?? 'unknown type'];
  if (n.charset) bits.push(`charset ${n.charset}`);
  if (n.transferEncoding) bits.push(`${n.transferEncoding} encoded`);
  if (n.filename) bits.push(`file “${n.filename}”`);
  else if (n.disposition) bits.push(n.disposition);
  if (typeof n.size === 'number') bits.push(octets(n.size));
  if (typeof n.decodedSize === 'number' && n.decodedSize !== n.size) bits.push(`${octets(n.decodedSize)} decoded`);
  if (n.parts?.length) bits.push(`${n.parts.length} part${n.parts.length === 1 ? '' : 's'}`);
  return bits.join(', ');
}

export function renderMimeNode(n: MimeNode, depth = 0): HTMLElement {
  const summary = el('summary', {}, el('span', { class: 'badge' }, n.path ?? ''), ' ');
  appendVisible(summary, partSummary(n));
  const body = el('div', { class: 'mime-body' });
  if (n.headers?.length) body.append(el('details', { class: 'mime-part-headers' }, el('summary', {}, `Part headers (${n.headers.length})`), headerList(n.headers)));
  if (typeof n.text === 'string') {
    body.append(visible('pre', n.text, { class: 'mime-text' }));
    if (n.textCut) body.append(el('p', { class: 'hint' }, 'The text is cut here: the rest was too long to show.'));
  }
  if (n.parts?.length) body.append(el('ul', { class: 'mime-children' }, ...n.parts.map((p) => el('li', {}, renderMimeNode(p, depth + 1)))));
  return el('details', { class: 'mime-node', open: depth < 2 }, summary, body);
}

export function renderMimeMessage(m: MimeMessage): HTMLElement {
  const box = el('div', { class: 'mime' });
  const facts = el('dl', { class: 'mime-facts' });
  for (const [k, v] of [['Subject', m.subject], ['From', m.from], ['To', m.to], ['Date', m.date]] as const) {
    if (v) facts.append(el('dt', {}, k), visible('dd', v));
  }
  box.append(facts);
  if (m.headers?.length) box.append(el('details', { class: 'mime-all-headers' }, el('summary', {}, `All ${m.headers.length} header lines`), headerList(m.headers)));
  if (m.tree) box.append(el('div', { class: 'mime-tree', role: 'group', 'aria-label': 'MIME structure' }, renderMimeNode(m.tree)));
  return box;
}
