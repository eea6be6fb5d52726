import { byId, clock, el } from './dom';
import type { Me } from './me';
import type { EventOf, ProtocolId } from './types';
import { appendVisible } from './visible';

/** Instructor's notices kept on the page at once; older ones go as new ones come. */
export const MAX_BANNERS = 3;

/** The close reason Parley gives an attendee's WebSocket when they leave a workshop (removed, or it ended). */
export const LEFT_REASON = 'left the workshop';

/** What the attendee's page needs of the playground. */
export interface AttendeeHost {
  readonly input: HTMLInputElement;
  /** The protocol the input's lines go to now (the open connection's, else the one chosen). */
  protocolNow(): ProtocolId;
  /** Keeps a line in the input history (↑ brings it back). */
  remember(line: string): void;
}

/**
 * A workshop attendee's page (hosted mode, CONTRACTS.md §7): who they are and their mailbox in the
 * header, the instructor's notices as banners a screen reader announces, the instructor's
 * suggested line in the input (never sent by the page), and a clear word when they leave.
 */
export class AttendeeView {
  private readonly banners = byId('broadcasts');
  private readonly suggestion = byId('suggestion');
  /** A polite live region: the banners and the suggestion are shown where they belong, and said here. */
  private readonly announcer = byId('announcer');
  private suggested: string | null = null;
  /** The last notice the server sent: a removal or the end says why in one before the WebSocket closes. */
  private lastNotice: string | null = null;
  private gone = false;

  constructor(
    private readonly me: Me,
    private readonly host: AttendeeHost,
  ) {
    host.input.addEventListener('input', () => this.checkSuggestion());
    byId('input-form').addEventListener('submit', () => setTimeout(() => this.checkSuggestion(), 0));
  }

  /** The header: the workshop, the attendee's name and their practice mailbox. */
  showWho(): void {
    const who = byId('who');
    const box = this.me.mailbox;
    const title = this.me.workshop?.title ?? 'Workshop';
    const name = this.me.attendee?.name ?? '';
    who.replaceChildren(
      el('span', { class: 'who-workshop' }, el('span', { class: 'sr-only' }, 'Workshop: '), el('strong', {}, title)),
      el('span', { class: 'who-name' }, 'You are ', el('strong', {}, name)),
    );
    if (box) {
      who.append(
        el(
          'span',
          { class: 'who-mailbox' },
          'Your mailbox ',
          el('code', {}, box.address),
          ' · login ',
          el('code', { id: 'my-login' }, box.username),
          ' · password ',
          el('code', { id: 'my-password' }, box.password),
        ),
      );
    }
    const until = this.me.workshop?.expiresAt ? new Date(this.me.workshop.expiresAt) : null;
    if (until && !Number.isNaN(until.getTime())) {
      who.append(el('span', { class: 'who-until' }, `until ${until.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })}`));
    }
    who.hidden = false;
    document.body.classList.add('workshop-page');
    document.title = `${title} · Parley`;
    const reset = document.getElementById('reset-mail');
    if (reset && box) reset.title = `Put your own mailbox (${box.username}) back as the lesson starts; your classmates' mailboxes are not touched`;
  }

  /** Every event of the WebSocket passes here first (to remember the last notice). */
  heard(ev: { event: string; text?: string }): void {
    if (ev.event === 'notice' && typeof ev.text === 'string') this.lastNotice = ev.text;
  }

  /** The instructor's notice: a banner at the top of the work column, announced politely, dismissable. */
  broadcast(ev: EventOf<'broadcast'>): void {
    const text = String(ev.text ?? '').trim();
    if (!text) return;
    const body = el('p', { class: 'broadcast-text' });
    appendVisible(body, text);
    const dismiss = el('button', { type: 'button', class: 'dismiss' }, 'Dismiss', el('span', { class: 'sr-only' }, ' this notice'));
    const at = clock(ev.at ?? new Date().toISOString()).slice(0, 5);
    const banner = el(
      'div',
      { class: 'broadcast' },
      el('p', { class: 'broadcast-head' }, el('strong', {}, 'From the instructor'), at ? el('span', { class: 'broadcast-at' }, ` at ${at}`) : null),
      body,
      dismiss,
    );
    dismiss.addEventListener('click', () => {
      banner.remove();
      this.host.input.focus({ preventScroll: true });
    });
    this.banners.append(banner);
    this.say(`Notice from the instructor: ${text}`);
    while (this.banners.childElementCount > MAX_BANNERS) this.banners.firstElementChild?.remove();
  }

  /**
   * The instructor's suggested line, put in the input and never sent: the attendee reads it and
   * presses Enter (or changes it). A line they were typing goes to the history, not away.
   */
  suggest(ev: EventOf<'suggest'>): void {
    const line = typeof ev.line === 'string' ? ev.line.replace(/[\r\n]/g, '') : '';
    if (!line || this.gone) return;
    const input = this.host.input;
    const draft = input.value;
    const keptDraft = draft.trim() !== '' && draft !== line && draft !== this.suggested;
    if (keptDraft) this.host.remember(draft);
    input.value = line;
    this.suggested = line;
    input.classList.add('suggested');
    const protocol = typeof ev.protocol === 'string' && ev.protocol ? ev.protocol.toLowerCase() : null;
    const parts: (string | Node)[] = [el('strong', {}, 'Suggested by the instructor'), protocol ? ` (a ${protocol.toUpperCase()} line)` : '', ': it is in the input, not sent. Press Enter to send it, or change it first.'];
    if (protocol && protocol !== this.host.protocolNow()) parts.push(` Connect to the practice ${protocol.toUpperCase()} server first.`);
    if (keptDraft) parts.push(' What you were typing is in the history: press ↑ to get it back.');
    this.suggestion.replaceChildren(...parts);
    this.say(`The instructor suggests a line: ${line}. It is in the input, not sent.`);
  }

  private say(text: string): void {
    // A live region announces a change: clear it first so the same words twice are said twice.
    this.announcer.textContent = '';
    setTimeout(() => (this.announcer.textContent = text), 50);
  }

  private checkSuggestion(): void {
    if (this.suggested !== null && this.host.input.value !== this.suggested) {
      this.suggested = null;
      this.host.input.classList.remove('suggested');
      this.suggestion.replaceChildren();
    }
  }

  /**
   * The WebSocket closed. When Parley closed it because the attendee left the workshop (removed,
   * or the workshop ended), the page says so and stops: there is no session to come back to.
   * Returns the sentence for the connection state, or null for an ordinary drop.
   */
  closed(reason: string): string | null {
    if (reason !== LEFT_REASON) return null;
    this.gone = true;
    const why = this.lastNotice ?? 'You are no longer in this workshop.';
    const box = byId('left');
    box.replaceChildren(
      el('h2', {}, why),
      el('p', {}, 'Your sessions here are closed, and your practice mailbox with them. To join another workshop, open the link your instructor gives you.'),
      el('p', {}, el('a', { href: '/' }, 'Back to the start page')),
    );
    box.hidden = false;
    for (const control of Array.from(document.querySelectorAll<HTMLInputElement | HTMLButtonElement | HTMLSelectElement>('#connect-form :is(input, select, button), #input-form :is(input, button), #reset-mail, #lib-run'))) {
      control.disabled = true;
    }
    this.checkSuggestion();
    this.suggestion.replaceChildren();
    return 'You have left the workshop.';
  }
}
