import { renderSystemRow } from './events';

/**
 * Console rows the page keeps in the DOM. Older rows are removed (in batches of TRIM_BATCH, so a
 * flood costs O(1) per line) and one row says how many; the conversation model, the export and
 * the stored transcript keep every line.
 */
export const MAX_ROWS = 1500;
const TRIM_BATCH = 250;

/** Within this many pixels of the bottom, the console follows new lines. */
const FOLLOW_SLACK = 48;

/**
 * The console's rows in the DOM: at most MAX_ROWS of them, and the scrolling that follows the
 * newest line until the learner scrolls up to read (and again once they are back at the bottom).
 */
export class ConsoleView {
  private readonly rows = new Map<string, HTMLElement>();
  /** The console follows new lines until the learner scrolls up; it follows again at the bottom. */
  private following = true;
  /** Rows removed from the DOM (see MAX_ROWS). */
  private trimmed = 0;
  private trimmedRow: HTMLLIElement | null = null;
  /** The scrollTop the page last set when following, and whether a scroll is already scheduled. */
  private pinnedTop = 0;
  private scrollScheduled = false;

  /** @param consoleBox the scrolling box around the rows (role="log") */
  constructor(
    readonly console: HTMLOListElement,
    readonly consoleBox: HTMLElement,
  ) {
    consoleBox.addEventListener('scroll', () => {
      // Only the learner scrolling up stops the following; the page's own scrolling (and rows
      // arriving between it and this event) must not.
      if (this.nearBottom()) this.following = true;
      else if (consoleBox.scrollTop < this.pinnedTop - 2) this.following = false;
    });
    // The console's height changes with the page (the message-mode hint is longer, a phone's
    // keyboard opens): a learner who was following stays at the newest line.
    if (typeof ResizeObserver !== 'undefined') {
      new ResizeObserver(() => {
        if (this.following) this.toBottom();
      }).observe(consoleBox);
    }
  }

  /** The row of an entry still in the DOM (its timing is updated when the answer completes). */
  row(rowId: string): HTMLElement | undefined {
    return this.rows.get(rowId);
  }

  /**
   * Adds a row; the console follows it unless the learner scrolled up to read. The scrolling is
   * done once per frame, not per row, so a flood of lines costs no layout per line.
   */
  append(row: HTMLElement, rowId?: string): void {
    if (rowId) this.rows.set(rowId, row);
    this.console.append(row);
    this.trim();
    if (this.following) this.scheduleToBottom();
  }

  private scheduleToBottom(): void {
    if (this.scrollScheduled) return;
    this.scrollScheduled = true;
    const run = () => {
      this.scrollScheduled = false;
      if (this.following) this.toBottom();
    };
    if (typeof requestAnimationFrame === 'function' && document.visibilityState !== 'hidden') requestAnimationFrame(run);
    else setTimeout(run, 0);
  }

  private nearBottom(): boolean {
    const box = this.consoleBox;
    return box.scrollHeight - box.scrollTop - box.clientHeight < FOLLOW_SLACK;
  }

  private toBottom(): void {
    this.consoleBox.scrollTop = this.consoleBox.scrollHeight;
    this.pinnedTop = this.consoleBox.scrollTop;
  }

  /** Keeps at most MAX_ROWS rows (plus the one that counts the others) in the DOM. */
  private trim(): void {
    const marker = this.trimmedRow ? 1 : 0;
    const excess = this.console.childElementCount - marker - MAX_ROWS;
    if (excess < TRIM_BATCH) return;
    let first = this.trimmedRow ? this.trimmedRow.nextElementSibling : this.console.firstElementChild;
    for (let i = 0; i < excess && first; i++) {
      const next = first.nextElementSibling;
      if (first.id) this.rows.delete(first.id);
      first.remove();
      first = next;
    }
    this.trimmed += excess;
    // The browser keeps what is on screen in place as rows above go (scroll anchoring), which
    // lowers scrollTop: that is not the learner scrolling up.
    if (this.following) this.pinnedTop = 0;
    const text = `${this.trimmed.toLocaleString('en')} earlier lines are not shown here: the console keeps the last ${MAX_ROWS.toLocaleString('en')}. The export and the share link have every line.`;
    const row = renderSystemRow('info', text);
    row.classList.add('system-trimmed');
    if (this.trimmedRow) this.trimmedRow.replaceWith(row);
    else this.console.prepend(row);
    this.trimmedRow = row;
  }

  clear(): void {
    this.console.replaceChildren();
    this.rows.clear();
    this.trimmed = 0;
    this.trimmedRow = null;
    this.following = true;
  }
}
