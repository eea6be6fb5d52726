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
    this.autoTag.addEventListener('change', () => this.updateMode());
  }

  sendLine(line: string): void {
    if (line !== '') this.history.push(line);
    markSent(byId('walkthrough'), line)?.scrollIntoView?.({ block: 'nearest' });
    const op: ClientOp = { op: 'send', line };
    if (this.context.current()?.protocol === 'imap' && !this.autoTag.checked) op.raw = true;
    this.transport.send(op);
    this.input.value = '';
  }

  sendPayload(text: string): void {
    this.transport.send({ op: 'payload', text });
  }

  fill(line: string): void {
    this.input.value = line;
    this.input.focus();
    this.input.setSelectionRange(line.length, line.length);
  }

  focus(): void {
    this.input.focus();
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
    this.hint.textContent = hint;
  }
}
