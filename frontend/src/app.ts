import { renderCompare } from './compare';
import { ConnectForm, type ConnectOp } from './connect-form';
import { Conversation } from './conversation';
import { byId, download, el } from './dom';
import { renderEntry, renderSystemRow, updateTiming } from './events';
import { History } from './history';
import { ladderSvgText, layoutLadder, renderLadder } from './ladder';
import type { SocketState } from './socket';
import { setupTabs } from './tabs';
import { exportName, toJson, toText } from './transcript';
import type { ClientOp, EventOf, ProtocolId, ProtocolInfo, ServerEvent } from './types';
import { appendVisible } from './visible';
import { markSent, renderWalkthrough } from './walkthroughs';

export interface Transport {
  send(op: ClientOp): void;
  retryNow?(): void;
}

const ERROR_HELP: Record<string, string> = {
  CONNECT_FAILED: 'Could not connect',
  TARGET_DENIED: 'Parley may not connect there',
  TLS_FAILED: 'The TLS handshake failed',
  NOT_CONNECTED: 'Not connected',
  LIMIT: 'A limit was reached',
  BAD_REQUEST: 'Parley did not understand the request',
  INTERNAL: 'Something went wrong inside Parley',
};

const CLOSED_BY: Record<string, string> = {
  server: 'The server closed the connection',
  client: 'You closed the connection',
  limit: 'Parley closed the connection: a limit was reached',
  error: 'The connection broke',
};

/**
 * The playground page: routes WebSocket events into the conversation model and its views.
 * It renders what the events say; it never parses the protocols.
 */
export class App {
  readonly conversations: Conversation[] = [];
  current: Conversation | null = null;
  readonly form: ConnectForm;
  readonly history = new History();
  private readonly rows = new Map<string, HTMLElement>();
  private lastConnect: ConnectOp | null = null;
  private connecting = false;
  private visiblePanel = 'panel-walk';
  private refreshTimer: ReturnType<typeof setTimeout> | null = null;

  readonly console = byId<HTMLOListElement>('console');
  readonly input = byId<HTMLInputElement>('input');
  private readonly targetState = byId('target-state');
  private readonly wsState = byId('ws-state');
  private readonly padlock = byId<HTMLButtonElement>('padlock');
  private readonly reconnectButton = byId<HTMLButtonElement>('reconnect');
  private readonly mode = byId('mode');
  private readonly hint = byId('input-hint');
  private readonly autoTag = byId<HTMLInputElement>('auto-tag');
  private readonly tagSwitch = byId('tag-switch');

  constructor(private readonly transport: Transport) {
    this.form = new ConnectForm((id) => this.protocolChosen(id));
    this.form.form.addEventListener('submit', (e) => {
      e.preventDefault();
      this.connect();
    });
    byId('disconnect').addEventListener('click', () => this.transport.send({ op: 'disconnect' }));
    this.reconnectButton.addEventListener('click', () => this.reconnect());
    this.padlock.addEventListener('click', () => this.showTls());
    byId('input-form').addEventListener('submit', (e) => {
      e.preventDefault();
      this.sendLine(this.input.value);
    });
    this.input.addEventListener('keydown', (e) => this.historyKey(e));
    byId<HTMLInputElement>('show-crlf').addEventListener('change', (e) =>
      this.console.classList.toggle('show-crlf', (e.target as HTMLInputElement).checked),
    );
    byId('clear').addEventListener('click', () => this.clear());
    setupTabs(document.querySelector<HTMLElement>('[role="tablist"]')!, (panel) => {
      this.visiblePanel = panel;
      this.refreshPanels();
    });
    for (const id of ['compare', 'ladder']) byId(id).addEventListener('click', (e) => this.followRowLink(e));
    byId('download-svg').addEventListener('click', () => this.downloadSvg());
    byId('download-txt').addEventListener('click', () => this.exportAs('txt'));
    byId('download-json').addEventListener('click', () => this.exportAs('json'));
    this.autoTag.addEventListener('change', () => this.updateMode());
    this.protocolChosen(this.form.selected);
  }

  setProtocols(infos: ProtocolInfo[]): void {
    this.form.setProtocols(infos);
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
    if (this.lastConnect) this.connect(this.lastConnect);
    else this.connect();
    this.input.focus();
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
    this.updateMode();
    this.input.focus();
    this.scheduleRefresh();
  }

  private closed(ev: EventOf<'closed'>): void {
    this.current?.apply(ev);
    this.connecting = false;
    const why = CLOSED_BY[ev.by ?? ''] ?? 'The connection is closed';
    const reason = ev.reason?.trim();
    // The server's reason is usually a whole sentence already ("The server closed the connection.").
    const text = !reason ? `${why}.` : /\bclosed?\b/i.test(reason) ? reason : `${why}: ${reason}`;
    const normal = ev.by === 'client' || ev.by === 'server';
    this.append(renderSystemRow(normal ? 'closed' : 'error', text, this.rowReconnect()));
    this.setTarget(ev.by === 'client' || ev.by === 'server' ? 'idle' : 'error', text);
    this.reconnectButton.hidden = !this.lastConnect;
    this.updateMode();
    this.scheduleRefresh();
  }

  private error(ev: EventOf<'error'>): void {
    const head = ERROR_HELP[ev.code ?? ''] ?? 'Error';
    const text = `${head}: ${ev.message ?? 'no details given'}${ev.code ? ` (${ev.code})` : ''}`;
    const offerReconnect = ['CONNECT_FAILED', 'TLS_FAILED', 'NOT_CONNECTED', 'LIMIT'].includes(ev.code ?? '');
    this.append(renderSystemRow('error', text, offerReconnect ? this.rowReconnect() : undefined));
    if (this.connecting || ev.code === 'NOT_CONNECTED' || ev.code === 'LIMIT') {
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
    this.padlock.querySelector('span')!.textContent = `${t.protocol ?? 'TLS'}${t.verified === false ? ' (not verified)' : ''}: certificate`;
    this.setTarget('ok', `${this.targetState.textContent?.replace(/ \(TLS.*\)$/, '')} (TLS${t.upgraded ? ' after STARTTLS' : ''})`);
  }

  private showTls(): void {
    const t = this.current?.tls;
    const dl = byId('tls-facts');
    dl.replaceChildren();
    const facts: [string, string | undefined][] = [
      ['Protocol', t?.protocol],
      ['Cipher suite', t?.cipher],
      ['Certificate subject', t?.peer?.subject],
      ['Issued by', t?.peer?.issuer],
      ['Valid until', t?.peer?.notAfter],
      ['Verified', t?.verified ? `Yes. ${t.trust ?? 'The certificate chains to a trusted authority and names this host.'}` : `No: accepted without checking (you chose "Accept any certificate"). Fine for a test, never for real mail.${t?.trust ? ` ${t.trust}` : ''}`],
      ['How', t?.upgraded ? `Upgraded in place by STARTTLS after line ${t.afterSeq ?? '?'}: the lines before were plain text.` : 'Implicit TLS: the handshake came before the first protocol line.'],
    ];
    for (const [k, v] of facts) dl.append(el('dt', {}, k), el('dd', {}, v ?? '(not given)'));
    const dialog = byId<HTMLDialogElement>('tls-dialog');
    if (typeof dialog.showModal === 'function') dialog.showModal();
    else dialog.setAttribute('open', '');
  }

  // ---- console ----

  private append(row: HTMLElement): void {
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

  private followRowLink(e: Event): void {
    const target = (e.target as Element).closest('[data-row]');
    if (!target) return;
    e.preventDefault();
    this.scrollToRow(target.getAttribute('data-row')!);
  }

  // ---- typing ----

  sendLine(line: string): void {
    if (line !== '') this.history.push(line);
    markSent(byId('walkthrough'), line)?.scrollIntoView?.({ block: 'nearest' });
    const op: ClientOp = { op: 'send', line };
    if (this.current?.protocol === 'imap' && !this.autoTag.checked) op.raw = true;
    this.transport.send(op);
    this.input.value = '';
  }

  sendPayload(text: string): void {
    this.transport.send({ op: 'payload', text });
  }

  fillInput(line: string): void {
    this.input.value = line;
    this.input.focus();
    this.input.setSelectionRange(line.length, line.length);
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
    return !!this.current?.open && this.current.messageMode;
  }

  /** Input prompt and hint follow the conversation's state (from `complete` events only). */
  updateMode(): void {
    const c = this.current;
    const open = !!c?.open;
    const imap = (c && open ? c.protocol : this.form.selected) === 'imap';
    this.tagSwitch.hidden = !imap;
    this.input.classList.toggle('message-mode', this.messageMode);
    this.mode.textContent = this.messageMode ? 'message' : 'C:';
    let hint: string;
    if (this.messageMode) {
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
      hint = this.lastConnect ? 'Not connected: press Reconnect, or choose a server above and press Connect.' : 'Not connected: choose a server above and press Connect.';
      this.input.placeholder = 'Connect first';
    }
    this.hint.textContent = hint;
  }

  // ---- panels ----

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

  scheduleRefresh(): void {
    if (this.refreshTimer) return;
    this.refreshTimer = setTimeout(() => {
      this.refreshTimer = null;
      this.refreshPanels();
    }, 100);
  }

  /** Stops pending work (for tests and page teardown). */
  dispose(): void {
    if (this.refreshTimer) clearTimeout(this.refreshTimer);
    this.refreshTimer = null;
  }

  refreshPanels(): void {
    if (this.visiblePanel === 'panel-compare') byId('compare').replaceChildren(renderCompare(this.conversations));
    if (this.visiblePanel === 'panel-diagram') {
      const box = byId('ladder');
      const c = this.current;
      box.replaceChildren(c && c.entries.length ? renderLadder(layoutLadder(c.entries, c.target)) : el('p', {}, 'Nothing to draw yet: connect and send a line.'));
    }
    if (this.visiblePanel === 'panel-export') {
      const pre = byId('export-preview');
      pre.replaceChildren();
      appendVisible(pre, this.current ? toText(this.current) : 'Nothing to export yet.', true);
    }
  }

  private downloadSvg(): void {
    const c = this.current;
    if (!c) return;
    download(exportName(c, 'svg'), ladderSvgText(renderLadder(layoutLadder(c.entries, c.target))), 'image/svg+xml');
  }

  private exportAs(kind: 'txt' | 'json'): void {
    const c = this.current;
    if (!c) return;
    if (kind === 'txt') download(exportName(c, 'txt'), toText(c), 'text/plain;charset=utf-8');
    else download(exportName(c, 'json'), toJson(c), 'application/json');
  }
}
