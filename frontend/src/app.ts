import { CommandLine, type Transport } from './command-line';
import { ConnectForm, type ConnectOp } from './connect-form';
import { Conversation } from './conversation';
import { byId, el } from './dom';
import { renderEntry, renderSystemRow, updateTiming } from './events';
import type { PracticePorts } from './compare';
import { ConsoleView } from './console-view';
import { Panels } from './panels';
import { ShareLink, type Fetcher } from './share-link';
import type { SocketState } from './socket';
import { closedNormally, closedText, endsConnection, errorText, offersReconnect } from './status-text';
import { padlockLabel, showTlsDialog } from './tls-dialog';
import type { EventOf, ProtocolId, ProtocolInfo, ServerEvent } from './types';
import { renderWalkthrough } from './walkthroughs';

export type { Transport } from './command-line';
export { MAX_ROWS } from './console-view';

/** What POST /api/practice/reset answers. */
interface ResetAnswer {
  message?: string;
  detail?: string;
}

export type ResetFetcher = (url: string, init: RequestInit) => Promise<Response>;

/**
 * The playground page: routes WebSocket events into the conversation model and its views (the
 * console here; the command line, the tool panels and the share link in their own modules).
 * It renders what the events say; it never parses the protocols.
 */
export class App {
  readonly conversations: Conversation[] = [];
  current: Conversation | null = null;
  readonly form: ConnectForm;
  readonly line: CommandLine;
  readonly panels: Panels;
  readonly share: ShareLink;
  private lastConnect: ConnectOp | null = null;
  private connecting = false;
  /** Connect pressed while connected: the old connection is being closed first. */
  private switching = false;
  /** A workshop attendee's own mailbox login (their walkthroughs and reset are theirs); null on a laptop. */
  private ownMailbox: string | null = null;
  /** Where a hosted workshop's events go (broadcast, suggest); the laptop page has none. */
  workshopEvent: ((ev: EventOf<'broadcast'> | EventOf<'suggest'>) => void) | null = null;

  /** The console's rows, and its following of the newest line. */
  readonly view = new ConsoleView(byId<HTMLOListElement>('console'), byId('console-box'));
  private readonly targetState = byId('target-state');
  private readonly wsState = byId('ws-state');
  private readonly padlock = byId<HTMLButtonElement>('padlock');
  private readonly reconnectButton = byId<HTMLButtonElement>('reconnect');

  constructor(
    private readonly transport: Transport,
    fetcher?: Fetcher,
    private readonly resetFetcher: ResetFetcher = (u, i) => fetch(u, i),
  ) {
    this.form = new ConnectForm((id) => this.protocolChosen(id));
    this.line = new CommandLine(transport, {
      current: () => this.current,
      chosenProtocol: () => this.form.selected,
      canReconnect: () => !!this.lastConnect,
    });
    this.panels = new Panels(this);
    this.share = new ShareLink(fetcher);
    this.form.form.addEventListener('submit', (e) => {
      e.preventDefault();
      this.connect();
    });
    byId('disconnect').addEventListener('click', () => this.transport.send({ op: 'disconnect' }));
    this.reconnectButton.addEventListener('click', () => this.reconnect());
    this.padlock.addEventListener('click', () => showTlsDialog(this.current?.tls));
    byId<HTMLInputElement>('show-crlf').addEventListener('change', (e) =>
      this.view.console.classList.toggle('show-crlf', (e.target as HTMLInputElement).checked),
    );
    byId('clear').addEventListener('click', () => this.clear());
    byId('reset-mail').addEventListener('click', () => void this.resetPracticeMail());
    this.protocolChosen(this.form.selected);
  }

  get input(): HTMLInputElement {
    return this.line.input;
  }

  get messageMode(): boolean {
    return this.line.messageMode;
  }

  /** A workshop attendee's page: their own login, in the walkthroughs' words and the command line's hints. */
  useOwnMailbox(username: string, password: string): void {
    this.ownMailbox = username;
    this.line.logins = `your practice login is ${username} / ${password}`;
    this.showWalkthrough((byId('walkthrough').dataset.protocol as ProtocolId | undefined) ?? this.form.selected);
  }

  setProtocols(infos: ProtocolInfo[]): void {
    this.form.setProtocols(infos);
    this.panels.refresh();
  }

  /** The practice servers the connect form offers, per protocol (for the Compare tab). */
  get practice(): PracticePorts {
    return Object.fromEntries(this.form.protocols.map((p) => [p.id, p.practice]));
  }

  sendLine(line: string): void {
    this.line.sendLine(line);
  }

  sendPayload(text: string): void {
    this.line.sendPayload(text);
  }

  fillInput(line: string): void {
    this.line.fill(line);
  }

  updateMode(): void {
    this.line.updateMode();
  }

  scheduleRefresh(): void {
    this.panels.scheduleRefresh();
  }

  /** Stops pending work (for tests and page teardown). */
  dispose(): void {
    this.panels.dispose();
  }

  // ---- connection ----

  connect(op?: ConnectOp): void {
    const read = op ?? this.form.read();
    if (typeof read === 'string') {
      this.setTarget('error', read);
      return;
    }
    this.lastConnect = read;
    this.connecting = true;
    if (this.current?.open) {
      // Connect while connected means "talk to this server instead": close the old connection
      // first (the session allows one at a time), as the learner expects from the button.
      this.switching = true;
      this.transport.send({ op: 'disconnect' });
    }
    this.transport.send(read);
    this.setTarget('busy', `Connecting to ${read.host}:${read.port}${read.tls === 'implicit' ? ' with TLS' : ''}…`);
    this.reconnectButton.hidden = true;
  }

  reconnect(): void {
    this.connect(this.lastConnect ?? undefined);
    this.line.focus();
  }

  // ---- events ----

  handle(ev: ServerEvent): void {
    if (ev.event === 'notice' && !this.current) {
      // A notice before any conversation (a workshop's "the instructor removed you") is about the page, not a server.
      this.append(renderSystemRow('info', String(ev.text ?? '')));
      return;
    }
    switch (ev.event) {
      case 'connected':
        return this.connected(ev);
      case 'complete': {
        const c = this.conversation();
        c.apply(ev);
        for (const e of c.touched) {
          const row = this.view.row(e.rowId);
          if (row) updateTiming(row, e);
        }
        this.updateMode();
        break;
      }
      case 'closed':
        return this.closed(ev);
      case 'error':
        return this.error(ev);
      case 'pong':
        return;
      case 'broadcast':
      case 'suggest':
        this.workshopEvent?.(ev);
        return;
      default: {
        const c = this.conversation();
        const prev = c.entries[c.entries.length - 1];
        const entry = c.apply(ev);
        if (!entry) return;
        const row = renderEntry(entry, prev);
        this.view.append(row, entry.rowId);
        if (ev.event === 'tls') this.tlsDone();
      }
    }
    this.scheduleRefresh();
  }

  /** The conversation events belong to; one is made up if traffic arrives before `connected`. */
  private conversation(): Conversation {
    if (!this.current) {
      const op = this.lastConnect ?? { protocol: this.form.selected, host: '?', port: 0, tls: 'none' as const };
      this.current = new Conversation(op.protocol, op.host, op.port, op.tls);
      this.conversations.push(this.current);
    }
    return this.current;
  }

  private connected(ev: EventOf<'connected'>): void {
    const op = this.lastConnect;
    const protocol = (ev.protocol as ProtocolId) ?? op?.protocol ?? this.form.selected;
    const host = ev.host ?? op?.host ?? '?';
    const port = op?.port ?? Number(ev.remote?.split(':').pop() ?? 0);
    const tls = ev.tls === 'implicit' || op?.tls === 'implicit' ? 'implicit' : 'none';
    this.current = new Conversation(protocol, host, port, tls);
    this.current.apply(ev);
    this.conversations.push(this.current);
    this.connecting = false;
    this.switching = false;
    this.padlock.hidden = true;
    this.reconnectButton.hidden = true;
    // The walkthrough follows the connection (a by-hand list for this protocol stays).
    if (byId('walkthrough').dataset.protocol !== protocol) this.showWalkthrough(protocol);
    const where = `${host}:${port}${ev.remote && ev.remote !== `${host}:${port}` ? ` (${ev.remote})` : ''}`;
    this.append(renderSystemRow('connected', `Connected to ${where}, speaking ${protocol.toUpperCase()}.`));
    this.setTarget('ok', `Connected: ${protocol.toUpperCase()} to ${where}`);
    void this.share.connected(this.current);
    this.updateMode();
    this.line.focus();
    this.scheduleRefresh();
  }

  private closed(ev: EventOf<'closed'>): void {
    this.current?.apply(ev);
    const text = closedText(ev);
    const normal = closedNormally(ev);
    if (this.switching && ev.by === 'client') {
      this.switching = false;
      this.append(renderSystemRow('closed', `${text} Connecting to the new server…`));
      this.updateMode();
      this.scheduleRefresh();
      return;
    }
    this.connecting = false;
    this.append(renderSystemRow(normal ? 'closed' : 'error', text, this.rowReconnect()));
    this.setTarget(normal ? 'idle' : 'error', text);
    this.reconnectButton.hidden = !this.lastConnect;
    this.updateMode();
    this.scheduleRefresh();
  }

  private error(ev: EventOf<'error'>): void {
    const text = errorText(ev);
    this.switching = false;
    this.append(renderSystemRow('error', text, offersReconnect(ev) ? this.rowReconnect() : undefined));
    if (this.connecting || endsConnection(ev)) {
      this.connecting = false;
      this.setTarget('error', text);
      this.reconnectButton.hidden = !this.lastConnect;
    }
    this.updateMode();
  }

  /** The WebSocket to Parley itself. */
  socketState(state: SocketState, detail: string): void {
    this.wsState.textContent = detail;
    this.wsState.dataset.state = state;
    if (state === 'closed' && this.current?.open) {
      this.current.open = false;
      this.append(renderSystemRow('error', 'The link to Parley dropped, and the server connection with it. Reconnect once Parley is back.', this.rowReconnect()));
      this.setTarget('error', 'Disconnected: the link to Parley dropped.');
      this.reconnectButton.hidden = !this.lastConnect;
      this.updateMode();
    }
  }

  private rowReconnect(): HTMLButtonElement | undefined {
    if (!this.lastConnect) return undefined;
    const b = el('button', { type: 'button', class: 'row-action' }, 'Reconnect');
    b.addEventListener('click', () => this.reconnect());
    return b;
  }

  private setTarget(kind: 'idle' | 'busy' | 'ok' | 'error', text: string): void {
    this.targetState.textContent = text;
    this.targetState.dataset.state = kind;
  }

  private tlsDone(): void {
    const t = this.current?.tls;
    if (!t) return;
    this.padlock.hidden = false;
    this.padlock.querySelector('span')!.textContent = padlockLabel(t);
    this.setTarget('ok', `${this.targetState.textContent?.replace(/ \(TLS.*\)$/, '')} (TLS${t.upgraded ? ' after STARTTLS' : ''})`);
  }

  // ---- console ----

  /** Adds a row to the console (which follows it unless the learner scrolled up to read). */
  append(row: HTMLElement): void {
    this.view.append(row);
  }

  clear(): void {
    this.view.clear();
    this.conversations.length = 0;
    if (this.current) {
      this.current.clearEntries();
      this.conversations.push(this.current);
    }
    this.scheduleRefresh();
  }

  /** The "Reset practice mail" button: POST /api/practice/reset, and say what the mailboxes hold. */
  async resetPracticeMail(): Promise<void> {
    const button = byId<HTMLButtonElement>('reset-mail');
    button.disabled = true;
    try {
      const r = await this.resetFetcher('/api/practice/reset', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: '{}',
      });
      const answer = (await r.json().catch(() => ({}))) as ResetAnswer;
      if (!r.ok) throw new Error(answer.detail ?? `the server answered ${r.status}`);
      const open = this.current?.open && this.current.protocol !== 'smtp' && this.current.protocol !== 'http';
      this.append(renderSystemRow('info', `${answer.message ?? 'The practice mail was reset.'}${open ? ' A mailbox you are logged in to shows the change after you log in again.' : ''}`));
    } catch (e) {
      this.append(renderSystemRow('error', `Could not reset the practice mail: ${e instanceof Error ? e.message : String(e)}`));
    } finally {
      button.disabled = false;
    }
  }

  scrollToRow(rowId: string): void {
    const row = document.getElementById(rowId);
    if (!row) return;
    row.scrollIntoView?.({ block: 'center' });
    row.focus({ preventScroll: true });
    row.classList.add('highlight');
    setTimeout(() => row.classList.remove('highlight'), 2000);
  }

  // ---- the walkthrough panel ----

  /**
   * The protocol select changed. While connected, the walkthrough keeps the connected protocol's
   * steps (their lines go to that server) and says how to switch; otherwise it shows the new one.
   */
  private protocolChosen(id: ProtocolId): void {
    const c = this.current;
    if (c?.open && c.protocol !== id) {
      this.showWalkthrough(c.protocol);
      const go = el('button', { type: 'button', class: 'primary' }, `Connect with ${id.toUpperCase()} instead`);
      go.addEventListener('click', () => this.connect());
      byId('walkthrough').prepend(
        el(
          'p',
          { class: 'switch-note', role: 'status' },
          `You are still connected to ${c.target} with ${c.protocol.toUpperCase()}: these steps stay ${c.protocol.toUpperCase()}'s, and what you type goes to that server. `,
          go,
        ),
      );
    } else {
      this.showWalkthrough(id);
    }
    this.updateMode();
  }

  private showWalkthrough(id: ProtocolId): void {
    const box = byId('walkthrough');
    const info = this.form.info(id);
    box.dataset.protocol = id;
    byId('walk-title').textContent = `Walkthrough: ${id.toUpperCase()}`;
    if (!info) {
      box.replaceChildren(el('p', {}, id === 'raw' ? 'Raw mode has no guided steps: every line is sent as typed.' : 'Loading the walkthroughs…'));
    } else {
      box.replaceChildren(
        renderWalkthrough(info, {
          use: (line) => this.fillInput(line),
          connect: (preset) => {
            this.form.usePreset(preset);
            this.connect();
          },
          reset: () => void this.resetPracticeMail(),
          ownMailbox: this.ownMailbox ?? undefined,
        }),
      );
    }
  }
}
