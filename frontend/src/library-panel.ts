import type { ConnectForm, ConnectOp } from './connect-form';
import type { Conversation } from './conversation';
import { byId, el } from './dom';
import { diff, fetchCalls, type LibraryCall, type LibraryRequest, type LibraryResult, learnerLines, runCall } from './library-api';
import { renderDiff, renderLibraryResult } from './library-view';
import type { Fetcher } from './share-link';
import type { PracticePreset, ProtocolId } from './types';
import { renderStep } from './walkthroughs';

/** What the Library tab uses of the rest of the page. */
export interface LibraryHost {
  readonly form: ConnectForm;
  readonly current: Conversation | null;
  connect(op?: ConnectOp): void;
  fillInput(line: string): void;
  showTab(tabId: string): void;
}

/** The lesson's logins: demo/demo reads the message from cris over IMAP, bob/redqueen has the POP3 maildrop. */
const LOGINS: Partial<Record<ProtocolId, [string, string]>> = { imap: ['demo', 'demo'], pop3: ['bob', 'redqueen'], smtp: ['', ''] };
const FORM_SERVER = 'form';

/**
 * Library mode: choose one of the lesson's calls, run it through Jakarta Mail (or
 * java.net.http) on the server, and see the code, the trace and the result; then do the same
 * conversation by hand in the console and compare the two.
 */
export class LibraryPanel {
  private calls: LibraryCall[] = [];
  private last: { call: LibraryCall; target: PracticePreset; result: LibraryResult } | null = null;
  private readonly callSelect = byId<HTMLSelectElement>('lib-call');
  private readonly server = byId<HTMLSelectElement>('lib-server');
  private readonly user = byId<HTMLInputElement>('lib-user');
  private readonly pass = byId<HTMLInputElement>('lib-pass');
  private readonly login = byId('lib-login');
  private readonly args = byId('lib-args');
  private readonly help = byId('lib-call-help');
  private readonly out = byId('lib-out');
  private readonly runButton = byId<HTMLButtonElement>('lib-run');
  private shownProtocol: ProtocolId | null = null;
  private logins = LOGINS;

  constructor(
    private readonly host: LibraryHost,
    private readonly fetcher: Fetcher = (u, i) => fetch(u, i),
  ) {
    this.callSelect.addEventListener('change', () => this.callChosen());
    byId<HTMLFormElement>('library-form').addEventListener('submit', (e) => {
      e.preventDefault();
      void this.run();
    });
  }

  /** Loads the calls; the tab says so if it cannot. */
  async load(): Promise<void> {
    try {
      this.setCalls(await fetchCalls(this.fetcher));
    } catch {
      this.out.replaceChildren(el('p', { class: 'warn-box' }, 'Library mode is not available on this server (GET /api/library/calls failed).'));
      this.runButton.disabled = true;
    }
  }

  setCalls(calls: LibraryCall[]): void {
    this.calls = calls;
    this.callSelect.replaceChildren();
    const groups = new Map<string, HTMLOptGroupElement>();
    for (const c of calls) {
      let g = groups.get(c.protocol);
      if (!g) {
        g = el('optgroup', { label: c.protocol.toUpperCase() });
        groups.set(c.protocol, g);
        this.callSelect.append(g);
      }
      g.append(new Option(`${c.name}: ${c.title}`, c.name));
    }
    this.callChosen();
  }

  get call(): LibraryCall | undefined {
    return this.calls.find((c) => c.name === this.callSelect.value);
  }

  /** A workshop attendee logs in to their own mailbox for every mail call. */
  useOwnMailbox(user: string, password: string): void {
    this.logins = { imap: [user, password], pop3: [user, password], smtp: ['', ''] };
    this.shownProtocol = null;
    this.callChosen();
  }

  /** The practice presets arrived (GET /api/protocols): offer them as servers. */
  protocolsLoaded(): void {
    this.shownProtocol = null;
    this.callChosen();
  }

  private callChosen(): void {
    const call = this.call;
    if (!call) return;
    this.help.textContent = call.description ?? '';
    if (call.protocol !== this.shownProtocol) {
      this.shownProtocol = call.protocol;
      const presets = this.host.form.info(call.protocol)?.practice ?? [];
      this.server.replaceChildren(
        ...presets.map((p, i) => new Option(`Practice ${call.protocol.toUpperCase()}${p.tls === 'implicit' ? ' over TLS' : ''} (${p.host}:${p.port})`, String(i))),
        new Option('The server in the connect form above', FORM_SERVER),
      );
      const login = this.logins[call.protocol];
      this.login.hidden = !login;
      [this.user.value, this.pass.value] = login ?? ['', ''];
    }
    this.args.replaceChildren();
    for (const a of call.args ?? []) {
      const id = `lib-arg-${a.name.replace(/[^a-z0-9]/gi, '')}`;
      let field: HTMLInputElement | HTMLSelectElement;
      if (a.choices?.length) {
        field = el('select', { id, name: a.name });
        for (const c of a.choices) field.append(new Option(c, c, c === a.defaultValue, c === a.defaultValue));
      } else {
        field = el('input', { id, name: a.name, spellcheck: 'false', value: a.defaultValue ?? '' });
        field.value = a.defaultValue ?? '';
      }
      field.dataset.arg = a.name;
      const hint = el('p', { class: 'hint', id: `${id}-hint` }, a.description ?? '');
      field.setAttribute('aria-describedby', hint.id);
      this.args.append(el('label', { for: id }, a.name), field, hint);
    }
  }

  private target(protocol: ProtocolId): PracticePreset | string {
    if (this.server.value === FORM_SERVER) {
      const op = this.host.form.read();
      if (typeof op === 'string') return op;
      return { host: op.host, port: op.port, tls: op.tls };
    }
    const preset = this.host.form.info(protocol)?.practice?.[Number(this.server.value)];
    return preset ?? 'Choose a server.';
  }

  async run(): Promise<LibraryResult | null> {
    const call = this.call;
    if (!call) return null;
    const target = this.target(call.protocol);
    if (typeof target === 'string') {
      this.out.replaceChildren(el('p', { class: 'warn-box' }, target));
      return null;
    }
    const args: Record<string, string> = {};
    for (const f of Array.from(this.args.querySelectorAll<HTMLInputElement | HTMLSelectElement>('[data-arg]'))) args[f.dataset.arg!] = f.value;
    const request: LibraryRequest = { target: { protocol: call.protocol, host: target.host, port: target.port, tls: target.tls }, call: call.name, args };
    if (!this.login.hidden) {
      request.username = this.user.value;
      request.password = this.pass.value;
    }
    this.runButton.disabled = true;
    this.out.replaceChildren(el('p', { class: 'hint' }, `Running ${call.name} against ${target.host}:${target.port}…`));
    try {
      const result = await runCall(this.fetcher, request);
      this.last = { call, target, result };
      this.out.replaceChildren(renderLibraryResult(result, call.protocol, { byHand: () => this.byHand(), compare: (box) => void this.compare(box) }));
      this.out.scrollIntoView?.({ block: 'nearest' });
      return result;
    } catch (e) {
      this.out.replaceChildren(el('p', { class: 'warn-box' }, `The call could not be made: ${e instanceof Error ? e.message : String(e)}`));
      return null;
    } finally {
      this.runButton.disabled = false;
    }
  }

  /** Turns the library's lines into step buttons in the Walkthrough tab, for the learner to type. */
  byHand(): void {
    const last = this.last;
    if (!last?.result.byHand?.length) return;
    const { call, target, result } = last;
    this.host.form.selectProtocol(call.protocol); // re-renders the walkthrough box: fill it after
    const box = byId('walkthrough');
    box.dataset.protocol = call.protocol;
    byId('walk-title').textContent = `By hand: ${call.name}`;
    const connect = el('button', { type: 'button', class: 'primary' }, `Connect to ${target.host}:${target.port}`);
    connect.addEventListener('click', () => {
      this.host.form.usePreset(target);
      this.host.connect();
    });
    const steps = el('ol', { class: 'steps' }, ...result.byHand!.map((s, i) => renderStep({ id: 'byhand', title: `Line ${i + 1}`, line: s.line, explanation: s.note ?? undefined }, { use: (line) => this.host.fillInput(line) })));
    const diffBox = el('div', { class: 'lib-diff', 'aria-live': 'polite' });
    const compare = el('button', { type: 'button', id: 'byhand-compare' }, 'Compare with the library’s conversation');
    compare.addEventListener('click', () => void this.compare(diffBox));
    const back = el('button', { type: 'button' }, `Back to the ${call.protocol.toUpperCase()} walkthrough`);
    back.addEventListener('click', () => this.host.form.selectProtocol(call.protocol));
    box.replaceChildren(
      el(
        'div',
        { class: 'walkthrough by-hand' },
        el('p', {}, connect),
        el('p', { class: 'hint' }, 'The same conversation the library had, for you to type. Each button puts a line in the input; replace <password> with the password, press Enter, and watch the reply.'),
        steps,
        el('p', { class: 'buttons' }, compare, back),
        diffBox,
      ),
    );
    this.host.showTab('tab-walk');
  }

  /** The learner's conversation against the library's, aligned and explained by the server. */
  async compare(box: HTMLElement): Promise<void> {
    const trace = this.last?.result.trace ?? [];
    const mine = learnerLines(this.host.current);
    if (mine.length === 0) {
      box.replaceChildren(el('p', { class: 'hint' }, 'Nothing to compare yet: connect and send the lines first.'));
      return;
    }
    box.replaceChildren(el('p', { class: 'hint' }, 'Comparing…'));
    try {
      box.replaceChildren(renderDiff(await diff(this.fetcher, trace, mine)));
      box.scrollIntoView?.({ block: 'nearest' });
    } catch (e) {
      box.replaceChildren(el('p', { class: 'warn-box' }, `Could not compare: ${e instanceof Error ? e.message : String(e)}`));
    }
  }
}
