import type { Conversation } from './conversation';
import { byId } from './dom';
import { History } from './history';
import type { ClientOp, ProtocolId } from './types';
import { markSent } from './walkthroughs';

export interface Transport {
  send(op: ClientOp): void;
  retryNow?(): void;
}

/** What the command line needs to know about the rest of the page. */
export interface CommandLineContext {
  current(): Conversation | null;
  /** The protocol chosen in the connect form (for the hint before connecting). */
  chosenProtocol(): ProtocolId;
  /** Whether there is a connection to reconnect to. */
  canReconnect(): boolean;
}

/**
 * The input under the console: Enter sends, ↑/↓ walk the history, the IMAP tag switch, and the
 * prompt and hint that follow the conversation's state (from `complete` events only).
 */
export class CommandLine {
  readonly history = new History();
  /** Said when a lesson placeholder such as <password> is refused: which logins to use instead. */
  logins = LESSON_LOGINS;
  readonly input = byId<HTMLInputElement>('input');
  private readonly mode = byId('mode');
  private readonly hint = byId('input-hint');
  private readonly autoTag = byId<HTMLInputElement>('auto-tag');
  private readonly tagSwitch = byId('tag-switch');

  constructor(
    private readonly transport: Transport,
    private readonly context: CommandLineContext,
  ) {
    byId('input-form').addEventListener('submit', (e) => {
      e.preventDefault();
      this.sendLine(this.input.value);
    });
    this.input.addEventListener('keydown', (e) => this.historyKey(e));
    this.input.addEventListener('input', () => {
      if (this.note === null) return;
      this.note = null;
      this.updateMode();
    });
    this.input.addEventListener('paste', (e) => {
      const text = e.clipboardData?.getData('text/plain') ?? '';
      if (this.paste(text)) e.preventDefault();
    });
    this.autoTag.addEventListener('change', () => this.updateMode());
  }

  sendLine(typed: string): void {
    this.note = null;
    const c = this.context.current();
    if (!c?.open) {
      // Keep what the learner typed: it is sent once there is a connection to send it to.
      this.say(
        this.context.canReconnect()
          ? 'Not connected, so nothing was sent: press Reconnect (or Connect), then Enter again. Your line is still here.'
          : 'Not connected, so nothing was sent: choose a server above and press Connect, then Enter again. Your line is still here.',
      );
      this.input.focus();
      return;
    }
    const checked = this.messageMode ? { line: typed } : lessonLine(typed, this.logins);
    if (checked.refuse) {
      this.say(checked.refuse);
      this.input.focus();
      return;
    }
    const line = checked.line;
    if (line !== '') this.history.push(line);
    const next = markSent(byId('walkthrough'), line, c.protocol);
    if (next) scrollWithinPanel(next);
    const op: ClientOp = { op: 'send', line };
    if (c.protocol === 'imap' && !this.autoTag.checked) op.raw = true;
    this.transport.send(op);
    this.input.value = '';
    if (checked.note) this.say(checked.note);
  }

  /** A multi-line paste: message text goes line by line; commands one at a time. */
  paste(text: string): boolean {
    this.note = null;
    const lines = text.replace(/\r\n?/g, '\n').split('\n');
    if (lines.length < 2) return false;
    if (lines[lines.length - 1] === '') lines.pop();
    const c = this.context.current();
    if (this.messageMode && c?.open) {
      for (const line of lines) this.transport.send({ op: 'send', line });
      this.input.value = '';
      const ended = lines.includes('.');
      this.say(
        `Sent ${lines.length} pasted lines as message text${ended ? ', and the line with only "." ended the message' : '. A line with only "." ends the message'}.`,
      );
      return true;
    }
    const commands = lines.map((l) => l.trim()).filter((l) => l !== '' && !/^S:\s/.test(l));
    const first = commands.length ? lessonLine(commands[0], this.logins).line : '';
    this.fill(first);
    this.say(
      commands.length > 1
        ? `One command at a time: the first pasted line is in the input, the other ${commands.length - 1} were not sent. Press Enter to send it, and wait for the answer.`
        : 'The pasted line is in the input: press Enter to send it.',
    );
    return true;
  }

  /** A note about the last thing sent or refused; it stays in the hint until the learner types again. */
  private note: string | null = null;
  /** The state the note was said in: a new state (354, closed...) has its own hint. */
  private noteState = '';

  private state(): string {
    const c = this.context.current();
    return `${c?.id ?? 0}:${!!c?.open}:${this.messageMode}:${!!c?.waiting}`;
  }

  private say(text: string): void {
    this.note = text;
    this.noteState = this.state();
    this.hint.textContent = text;
    this.hint.dataset.kind = 'note';
  }

  sendPayload(text: string): void {
    this.transport.send({ op: 'payload', text });
  }

  fill(line: string): void {
    this.input.value = line;
    this.focus();
    this.input.setSelectionRange(line.length, line.length);
  }

  /**
   * Focuses the input and, where the page scrolls (a phone), brings it to the bottom of the
   * screen with the console above it: the browser's own focus scrolling would put the input at
   * the top and the server's replies out of sight.
   */
  focus(): void {
    this.input.focus({ preventScroll: true });
    const r = this.input.getBoundingClientRect();
    const h = window.innerHeight || 0;
    if (h > 0 && (r.bottom > h || r.top < h / 2)) this.input.scrollIntoView?.({ block: 'end' });
  }

  private historyKey(e: KeyboardEvent): void {
    if (e.key !== 'ArrowUp' && e.key !== 'ArrowDown') return;
    const next = e.key === 'ArrowUp' ? this.history.up(this.input.value) : this.history.down();
    if (next === null) return;
    e.preventDefault();
    this.input.value = next;
    this.input.setSelectionRange(next.length, next.length);
  }

  get messageMode(): boolean {
    const c = this.context.current();
    return !!c?.open && c.messageMode;
  }

  /** Prompt, placeholder and hint for the conversation's state. */
  updateMode(): void {
    const c = this.context.current();
    const open = !!c?.open;
    const imap = (c && open ? c.protocol : this.context.chosenProtocol()) === 'imap';
    const message = this.messageMode;
    this.tagSwitch.hidden = !imap;
    this.input.classList.toggle('message-mode', message);
    this.mode.textContent = message ? 'message' : 'C:';
    let hint: string;
    if (message) {
      hint = 'Message mode (after 354): every line you send is part of the message. A line with only "." ends it; Parley dot-stuffs lines that start with ".".';
      this.input.placeholder = 'Message text; a line with only . ends it';
    } else if (open && c?.waiting) {
      hint = 'The server is waiting for more from you (a continuation). Send the next line.';
      this.input.placeholder = 'The server waits for your next line';
    } else if (open) {
      hint = imap
        ? this.autoTag.checked
          ? 'Enter sends the line; Parley adds the IMAP tag (A0001…). ↑ and ↓ bring back what you sent.'
          : 'Tags are off: type your own tag before the command (e.g. "a1 NOOP").'
        : 'Enter sends the line with CRLF. ↑ and ↓ bring back what you sent. An empty line is sent too.';
      this.input.placeholder = 'Type a command, press Enter';
    } else {
      hint = this.context.canReconnect() ? 'Not connected: press Reconnect, or choose a server above and press Connect.' : 'Not connected: choose a server above and press Connect.';
      this.input.placeholder = 'Connect first';
    }
    if (this.note !== null && this.noteState === this.state()) return;
    this.note = null;
    this.hint.textContent = hint;
    delete this.hint.dataset.kind;
  }
}

/** A line copied from the lesson, as it may be sent: its `C: ` prefix removed, placeholders refused. */
export interface LessonLine {
  line: string;
  /** Why the line is not sent (it stays in the input). */
  refuse?: string;
  /** Said after sending: what Parley changed. */
  note?: string;
}

/** The practice users of the lesson, as the placeholder refusal names them. */
export const LESSON_LOGINS = 'the practice users are bob / redqueen, frobozz / xyzzy and demo / demo';

const PLACEHOLDER = /<(password|pass|username|user|secret|your[ -][^>]*|[a-z]+ name)>/i;

/**
 * The lesson writes `C: ` before what the client sends and `S: ` before what the server says, and
 * `<…>` for things to fill in or stage directions. A learner who pastes those gets a plain answer
 * instead of the server's 500.
 */
export function lessonLine(typed: string, logins: string = LESSON_LOGINS): LessonLine {
  let line = typed;
  let note: string | undefined;
  const prefix = /^\s*C:\s?/.exec(line);
  if (prefix) {
    line = line.slice(prefix[0].length);
    note = 'Parley left out the lesson\'s "C: ": it marks what the client sends and is not part of the line.';
  }
  if (/^\s*S:\s/.test(line)) {
    return { line: typed, refuse: 'Lines starting with "S: " are what the server says in the lesson: type only the lines after "C: ".' };
  }
  if (/^\s*<[^<>]*>\s*$/.test(line)) {
    return { line: typed, refuse: `${line.trim()} is a stage direction in the lesson, not a line to send: use the connect form above, or the next C: line.` };
  }
  const hole = PLACEHOLDER.exec(line);
  if (hole) {
    return { line: typed, refuse: `Replace ${hole[0]} with the real value first (${logins}).` };
  }
  return { line, note };
}

/**
 * Brings the next walkthrough step into view inside its panel, never by scrolling the page: on a
 * phone the panel is below the console, and moving the page would hide the server's reply.
 */
function scrollWithinPanel(step: HTMLElement): void {
  const panel = step.closest<HTMLElement>('[role="tabpanel"]');
  if (!panel || panel.scrollHeight <= panel.clientHeight + 1) return;
  const top = step.getBoundingClientRect().top - panel.getBoundingClientRect().top + panel.scrollTop;
  const bottom = top + step.offsetHeight;
  if (top < panel.scrollTop) panel.scrollTop = top;
  else if (bottom > panel.scrollTop + panel.clientHeight) panel.scrollTop = bottom - panel.clientHeight;
}
