import type { Entry } from './conversation';
import { octets } from './dom';
import { visibleText } from './visible';

/**
 * The conversation as a sequence diagram ("ladder"): a client and a server lifeline, one arrow
 * per line, runs of payload or data lines folded into one arrow, the TLS part shaded. Layout is a
 * pure function (testable); rendering builds SVG with createElementNS and textContent, and uses
 * presentation attributes only, so the downloaded file looks the same and the page's CSP holds.
 */

export interface Arrow {
  dir: 'C' | 'S';
  y: number;
  label: string;
  /** Full text for the tooltip. */
  title: string;
  rowId: string;
  kind: 'line' | 'fold' | 'literal' | 'body';
  status?: string;
  secure: boolean;
}

export interface LadderLayout {
  width: number;
  height: number;
  clientX: number;
  serverX: number;
  top: number;
  arrows: Arrow[];
  /** y where TLS begins (shaded from there down); null when the connection never became TLS. */
  tlsFrom: number | null;
  tlsLabel: string;
  serverName: string;
  /** "Client (you)" on the learner's own page; "Client" on a shared one. */
  clientName?: string;
}

export const STEP = 34;
export const FOLD_MIN = 3;
const MAX_LABEL = 46;

function clip(s: string): string {
  const v = visibleText(s);
  return v.length > MAX_LABEL ? `${v.slice(0, MAX_LABEL - 1)}…` : v;
}

function foldable(e: Entry): boolean {
  const k = e.annotation?.kind;
  return e.kind === 'line' && (k === 'payload' || k === 'data');
}

export function layoutLadder(entries: readonly Entry[], serverName: string, width = 560): LadderLayout {
  const top = 64;
  const arrows: Arrow[] = [];
  let y = top + 20;
  let tlsFrom: number | null = null;
  let tlsLabel = '';
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i];
    if (e.kind === 'notice') continue;
    if (e.kind === 'tls') {
      if (tlsFrom === null) {
        tlsFrom = y - STEP / 2 + 4;
        tlsLabel = e.tls?.upgraded ? 'TLS (after STARTTLS)' : 'TLS';
      }
      continue;
    }
    const dir = e.dir ?? 'S';
    // Fold a run of payload/data lines in one direction.
    let j = i;
    while (j + 1 < entries.length && foldable(entries[j + 1]) && entries[j + 1].dir === dir && foldable(e)) j++;
    const run = j - i + 1;
    if (foldable(e) && run >= FOLD_MIN) {
      const what = e.annotation?.kind === 'payload' ? 'message text' : 'data';
      arrows.push({
        dir,
        y,
        label: `${what}: ${run} lines`,
        title: entries.slice(i, j + 1).map((x) => visibleText(x.text)).join('\n'),
        rowId: e.rowId,
        kind: 'fold',
        status: entries[j].status,
        secure: !!e.secure || tlsFrom !== null,
      });
      i = j;
    } else if (e.kind === 'literal') {
      arrows.push({ dir, y, label: `{${e.octets ?? 0}} literal, ${octets(e.octets)}`, title: visibleText(e.text), rowId: e.rowId, kind: 'literal', status: e.status, secure: !!e.secure || tlsFrom !== null });
    } else if (e.kind === 'body') {
      arrows.push({ dir: 'S', y, label: clip(`body: ${e.contentType ?? ''} ${octets(e.octets)}`), title: visibleText(e.text), rowId: e.rowId, kind: 'body', status: e.status, secure: tlsFrom !== null });
    } else {
      arrows.push({ dir, y, label: e.text === '' ? '(empty line)' : clip(e.text), title: visibleText(e.text), rowId: e.rowId, kind: 'line', status: e.status, secure: !!e.secure || tlsFrom !== null });
    }
    y += STEP;
  }
  return { width, height: y + 10, clientX: 90, serverX: width - 90, top, arrows, tlsFrom, tlsLabel, serverName: visibleText(serverName) };
}

const NS = 'http://www.w3.org/2000/svg';

function svgEl(doc: Document, tag: string, attrs: Record<string, string | number>, text?: string): SVGElement {
  const e = doc.createElementNS(NS, tag) as SVGElement;
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  if (text !== undefined) e.textContent = text;
  return e;
}

const COLOR = { C: '#1d4ed8', S: '#047857', error: '#b91c1c' };

export function renderLadder(layout: LadderLayout, doc: Document = document): SVGSVGElement {
  const { width, height, clientX, serverX } = layout;
  const svg = svgEl(doc, 'svg', { width, height, viewBox: `0 0 ${width} ${height}`, role: 'img', 'font-family': 'ui-monospace, Menlo, Consolas, monospace', 'font-size': 12 }) as SVGSVGElement;
  svg.append(svgEl(doc, 'title', {}, `Sequence diagram: client and ${layout.serverName}, ${layout.arrows.length} arrows`));
  svg.append(svgEl(doc, 'rect', { x: 0, y: 0, width, height, fill: '#ffffff' }));
  if (layout.tlsFrom !== null) {
    svg.append(svgEl(doc, 'rect', { x: 10, y: layout.tlsFrom, width: width - 20, height: height - layout.tlsFrom - 4, fill: '#fef3c7', stroke: '#d97706', 'stroke-dasharray': '4 3', rx: 6 }));
    svg.append(svgEl(doc, 'text', { x: width - 16, y: layout.tlsFrom + 14, 'text-anchor': 'end', fill: '#92400e', 'font-size': 11 }, `🔒 ${layout.tlsLabel}`));
  }
  for (const [x, name] of [[clientX, layout.clientName ?? 'Client (you)'], [serverX, layout.serverName]] as const) {
    svg.append(svgEl(doc, 'rect', { x: x - 80, y: 10, width: 160, height: 30, rx: 6, fill: '#f1f5f9', stroke: '#334155' }));
    const label = name.length > 22 ? `${name.slice(0, 21)}…` : name;
    svg.append(svgEl(doc, 'text', { x, y: 30, 'text-anchor': 'middle', fill: '#0f172a' }, label));
    svg.append(svgEl(doc, 'line', { x1: x, y1: 40, x2: x, y2: height - 6, stroke: '#64748b', 'stroke-dasharray': '5 4' }));
  }
  const defs = svgEl(doc, 'defs', {});
  for (const [id, color] of Object.entries(COLOR)) {
    const marker = svgEl(doc, 'marker', { id: `head-${id}`, viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 7, markerHeight: 7, orient: 'auto-start-reverse' });
    marker.append(svgEl(doc, 'path', { d: 'M 0 0 L 10 5 L 0 10 z', fill: color }));
    defs.append(marker);
  }
  svg.append(defs);
  for (const a of layout.arrows) {
    const color = a.status === 'error' ? 'error' : a.dir;
    const [x1, x2] = a.dir === 'C' ? [clientX, serverX] : [serverX, clientX];
    const g = svgEl(doc, 'g', { 'data-row': a.rowId, class: `arrow arrow-${a.dir.toLowerCase()}` });
    g.append(svgEl(doc, 'title', {}, a.title));
    g.append(svgEl(doc, 'line', { x1, y1: a.y, x2, y2: a.y + 8, stroke: COLOR[color], 'stroke-width': a.kind === 'line' ? 1.5 : 3, 'marker-end': `url(#head-${color})` }));
    g.append(svgEl(doc, 'text', { x: (clientX + serverX) / 2, y: a.y - 4, 'text-anchor': 'middle', fill: COLOR[color], 'font-style': a.kind === 'line' ? 'normal' : 'italic' }, a.label));
    svg.append(g);
  }
  return svg;
}

/** The SVG as a standalone file. */
export function ladderSvgText(svg: SVGSVGElement): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(svg)}\n`;
}
