import qrcode from 'qrcode-generator';

const SVG = 'http://www.w3.org/2000/svg';

/** Modules of light margin around the code, as the QR specification asks (ISO/IEC 18004 §6.3.8). */
export const QUIET_ZONE = 4;

/**
 * A QR code of `text` as an SVG element built node by node (the page's CSP allows no inline
 * styles, and nothing here is markup from a string): one path for the dark modules on a white
 * square, scaled by CSS. Error correction M: readable from the back of a room off a projector.
 */
export function qrSvg(text: string, label: string): SVGSVGElement {
  const qr = qrcode(0, 'M');
  qr.addData(text, 'Byte');
  qr.make();
  const n = qr.getModuleCount();
  const size = n + 2 * QUIET_ZONE;
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', `0 0 ${size} ${size}`);
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', label);
  svg.setAttribute('shape-rendering', 'crispEdges');
  svg.setAttribute('class', 'qr-code');
  const title = document.createElementNS(SVG, 'title');
  title.textContent = label;
  const back = document.createElementNS(SVG, 'rect');
  for (const [k, v] of Object.entries({ width: String(size), height: String(size), fill: '#ffffff' })) back.setAttribute(k, v);
  const dark = document.createElementNS(SVG, 'path');
  dark.setAttribute('d', modulesPath(n, (r, c) => qr.isDark(r, c)));
  dark.setAttribute('fill', '#000000');
  svg.append(title, back, dark);
  svg.dataset.modules = String(n);
  return svg;
}

/** One sub-path per run of dark modules in a row: short, and exact at any scale. */
export function modulesPath(n: number, isDark: (row: number, col: number) => boolean): string {
  const parts: string[] = [];
  for (let r = 0; r < n; r++) {
    let c = 0;
    while (c < n) {
      if (!isDark(r, c)) {
        c++;
        continue;
      }
      const start = c;
      while (c < n && isDark(r, c)) c++;
      parts.push(`M${start + QUIET_ZONE} ${r + QUIET_ZONE}h${c - start}v1h${start - c}z`);
    }
  }
  return parts.join('');
}
