/**
 * Server text is text. Before it reaches the DOM (always through textContent), control
 * characters are replaced by visible stand-ins so that a NUL, an ANSI escape or a bell shows up
 * as something the learner can see and ask about, rather than vanishing or doing something.
 *
 * In the console a stand-in is a marked badge with the character's short name (NUL, ESC, BEL):
 * those letters render in every font, where the Unicode control pictures (␀ ␛) often do not.
 * In plain text (diagram labels, previews) it is a \xNN escape.
 */

export interface Piece {
  text: string;
  /** true when this piece stands for invisible or dangerous characters. */
  control: boolean;
  /** what the stand-in means, for a tooltip: "U+001B ESCAPE". */
  title?: string;
  /** the stand-in in plain text: "\\x1B". */
  plain?: string;
}

const C0_SHORT = [
  'NUL', 'SOH', 'STX', 'ETX', 'EOT', 'ENQ', 'ACK', 'BEL', 'BS', 'HT', 'LF', 'VT', 'FF', 'CR', 'SO', 'SI',
  'DLE', 'DC1', 'DC2', 'DC3', 'DC4', 'NAK', 'SYN', 'ETB', 'CAN', 'EM', 'SUB', 'ESC', 'FS', 'GS', 'RS', 'US',
];

const C0_NAMES = [
  'NULL', 'START OF HEADING', 'START OF TEXT', 'END OF TEXT', 'END OF TRANSMISSION', 'ENQUIRY',
  'ACKNOWLEDGE', 'BELL', 'BACKSPACE', 'CHARACTER TABULATION', 'LINE FEED', 'LINE TABULATION',
  'FORM FEED', 'CARRIAGE RETURN', 'SHIFT OUT', 'SHIFT IN', 'DATA LINK ESCAPE', 'DEVICE CONTROL ONE',
  'DEVICE CONTROL TWO', 'DEVICE CONTROL THREE', 'DEVICE CONTROL FOUR', 'NEGATIVE ACKNOWLEDGE',
  'SYNCHRONOUS IDLE', 'END OF TRANSMISSION BLOCK', 'CANCEL', 'END OF MEDIUM', 'SUBSTITUTE', 'ESCAPE',
  'FILE SEPARATOR', 'GROUP SEPARATOR', 'RECORD SEPARATOR', 'UNIT SEPARATOR',
];

function hex(cp: number, width: number): string {
  return cp.toString(16).toUpperCase().padStart(width, '0');
}

/** Bidirectional overrides and isolates can reorder what the learner reads (Trojan Source). */
function isBidiControl(cp: number): boolean {
  return (cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069) || cp === 0x200e || cp === 0x200f || cp === 0x061c;
}

/** Zero-width and other invisible format characters. */
function isInvisibleFormat(cp: number): boolean {
  return cp === 0x200b || cp === 0x200c || cp === 0x200d || cp === 0x2060 || cp === 0xfeff || cp === 0x00ad;
}

/** The visible stand-in for one character, or null when it may be shown as is. */
export function standIn(cp: number): Piece | null {
  if (cp === 0x09) return null; // a tab is ordinary text in mail headers; CSS shows it as space
  if (cp < 0x20) {
    const title = `U+${hex(cp, 4)} ${C0_NAMES[cp]}${cp === 0x1b ? ' (starts terminal colour codes)' : ''}`;
    return { text: C0_SHORT[cp], control: true, title, plain: `\\x${hex(cp, 2)}` };
  }
  if (cp === 0x7f) return { text: 'DEL', control: true, title: 'U+007F DELETE', plain: '\\x7F' };
  if (cp >= 0x80 && cp <= 0x9f) return { text: `x${hex(cp, 2)}`, control: true, title: `U+${hex(cp, 4)} C1 control`, plain: `\\x${hex(cp, 2)}` };
  if (isBidiControl(cp) || isInvisibleFormat(cp)) {
    const code = `U+${hex(cp, 4)}`;
    return { text: code, control: true, title: `${code} invisible formatting character`, plain: `\\u${hex(cp, 4)}` };
  }
  if (cp === 0xfffd) return { text: '\uFFFD', control: true, title: 'U+FFFD: bytes that were not valid UTF-8', plain: '\uFFFD' };
  return null;
}

/** Splits text into plain runs and visible stand-ins for control characters. */
export function toPieces(text: string): Piece[] {
  const pieces: Piece[] = [];
  let run = '';
  for (const ch of text) {
    const s = standIn(ch.codePointAt(0)!);
    if (s) {
      if (run) pieces.push({ text: run, control: false });
      run = '';
      pieces.push(s);
    } else {
      run += ch;
    }
  }
  if (run) pieces.push({ text: run, control: false });
  return pieces;
}

/** The text with every control character replaced by a \\xNN escape (SVG labels, plain previews). */
export function visibleText(text: string): string {
  return toPieces(text).map((p) => (p.control ? (p.plain ?? p.text) : p.text)).join('');
}

/**
 * Appends the text to a parent as text nodes and <span class="ctl"> stand-ins. Literal newlines
 * are kept (for multi-line literals shown in a <pre>) when keepNewlines is true.
 */
export function appendVisible(parent: Node, text: string, keepNewlines = false): void {
  const doc = parent.ownerDocument ?? document;
  const parts = keepNewlines ? text.split(/\r?\n/) : [text];
  parts.forEach((part, i) => {
    if (i > 0) parent.appendChild(doc.createTextNode('\n'));
    for (const p of toPieces(part)) {
      if (p.control) {
        const span = doc.createElement('span');
        span.className = 'ctl';
        span.textContent = p.text;
        if (p.title) span.title = p.title;
        parent.appendChild(span);
      } else {
        parent.appendChild(doc.createTextNode(p.text));
      }
    }
  });
}
