import { CommandLine, type Transport } from './command-line';
import { ConnectForm, type ConnectOp } from './connect-form';
import { Conversation } from './conversation';
import { byId, el } from './dom';
import { renderEntry, renderSystemRow, updateTiming } from './events';
import { Panels } from './panels';
import { ShareLink, type Fetcher } from './share-link';
import type { SocketState } from './socket';
import { closedNormally, closedText, endsConnection, errorText, offersReconnect } from './status-text';
import { padlockLabel, showTlsDialog } from './tls-dialog';
import type { EventOf, ProtocolId, ProtocolInfo, ServerEvent } from './types';
import { renderWalkthrough } from './walkthroughs';

export type { Transport } from './command-line';

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
  private readonly rows = new Map<string, HTMLElement>();
  private lastConnect: ConnectOp | null = null;
  private connecting = false;

  readonly console = byId<HTMLOListElement>('console');
  private readonly targetState = byId('target-state');
  private readonly wsState = byId('ws-state');
  private readonly padlock = byId<HTMLButtonElement>('padlock');
  private readonly reconnectButton = byId<HTMLButtonElement>('reconnect');

  constructor(
    private readonly transport: Transport,
    fetcher?: Fetcher,
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
      this.console.classList.toggle('show-crlf', (e.target as HTMLInputElement).checked),
    );
    byId('clear').addEventListener('click', () => this.clear());
    this.protocolChosen(this.form.selected);
  }

  get input(): HTMLInputElement {
    return this.line.input;
  }

  get messageMode(): boolean {
    return this.line.messageMode;
  }

  setProtocols(infos: ProtocolInfo[]): void {
    this.form.setProtocols(infos);
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
    switch (ev.event) {
      case 'connected':
        return this.connected(ev);
      case 'complete': {
        const c = this.conversation();
        c.apply(ev);
        for (const e of c.touched) {
          const row = this.rows.get(e.rowId);
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
      default: {
        const c = this.conversation();
        const prev = c.entries[c.entries.length - 1];
        const entry = c.apply(ev);
        if (!entry) return;
        const row = renderEntry(entry, prev);
        this.rows.set(entry.rowId, row);
        this.append(row);
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
    this.padlock.hidden = true;
    this.reconnectButton.hidden = true;
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
    this.connecting = false;
    const text = closedText(ev);
    const normal = closedNormally(ev);
    this.append(renderSystemRow(normal ? 'closed' : 'error', text, this.rowReconnect()));
    this.setTarget(normal ? 'idle' : 'error', text);
    this.reconnectButton.hidden = !this.lastConnect;
    this.updateMode();
    this.scheduleRefresh();
  }

  private error(ev: EventOf<'error'>): void {
    const text = errorText(ev);
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

  /** Adds a row, following the bottom when the learner was reading there. */
  append(row: HTMLElement): void {
    const atBottom = this.console.scrollHeight - this.console.scrollTop - this.console.clientHeight < 40;
    this.console.append(row);
    if (atBottom) this.console.scrollTop = this.console.scrollHeight;
  }

  clear(): void {
    this.console.replaceChildren();
    this.rows.clear();
    this.conversations.length = 0;
    if (this.current) {
      this.current.entries.length = 0;
      this.conversations.push(this.current);
    }
    this.scheduleRefresh();
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

  private protocolChosen(id: ProtocolId): void {
    const box = byId('walkthrough');
    const info = this.form.info(id);
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
        }),
      );
    }
    this.updateMode();
  }
}
