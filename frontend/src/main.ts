import './style.css';
import './share.css';
import './library.css';
import './workshop.css';
import { App } from './app';
import { AttendeeView } from './attendee';
import { byId } from './dom';
import { setupHelpers, syncHttpHost } from './helpers';
import { wireCodeForm } from './join-code';
import { LibraryPanel } from './library-panel';
import { fetchMe, isAttendee, type Me, mustJoin, practicePresets } from './me';
import { personalHelperValues, personalProtocols } from './personal';
import { ParleySocket } from './socket';
import type { ProtocolInfo } from './types';

/**
 * Boots the page: who it belongs to (GET /api/me), then the WebSocket, the protocols list, the
 * helpers. On a laptop that is the playground as it always was; a workshop attendee's page has
 * their own mailbox filled in and the instructor's notices; a visitor of a hosted Parley who has
 * not joined is asked for a workshop code instead of getting a playground whose doors say 401.
 */
async function boot(): Promise<void> {
  const me = await fetchMe();
  if (mustJoin(me)) {
    showGate();
    return;
  }
  let app: App | null = null;
  let attendee: AttendeeView | null = null;
  const socket = new ParleySocket({
    url: ParleySocket.defaultUrl(),
    onEvent: (ev) => {
      attendee?.heard(ev);
      app?.handle(ev);
    },
    onState: (state, detail) => app?.socketState(state, detail),
    final: (_code, reason) => attendee?.closed(reason) ?? null,
  });
  app = new App(socket);
  setupHelpers(app);
  const a = app;
  const library = new LibraryPanel({
    form: a.form,
    get current() {
      return a.current;
    },
    connect: (op) => a.connect(op),
    fillInput: (line) => a.fillInput(line),
    showTab: (id) => a.panels.show(id),
  });
  if (isAttendee(me)) {
    attendee = new AttendeeView(me, {
      input: a.input,
      protocolNow: () => (a.current?.open ? a.current.protocol : a.form.selected),
      remember: (line) => a.line.history.push(line),
    });
    const view = attendee;
    a.workshopEvent = (ev) => (ev.event === 'broadcast' ? view.broadcast(ev) : view.suggest(ev));
    view.showWho();
    a.useOwnMailbox(me.mailbox.username, me.mailbox.password);
    library.useOwnMailbox(me.mailbox.username, me.mailbox.password);
    fillHelpers(personalHelperValues(me.mailbox, me.attendee?.name));
  } else if (me.role === 'instructor' && me.mode === 'hosted') {
    showInstructorLink();
  }
  void library.load();
  app.form.host.addEventListener('change', () => syncHttpHost(a.form.host.value));
  socket.start();
  fetch('/api/protocols', { headers: { Accept: 'application/json' } })
    .then((r) => (r.ok ? r.json() : Promise.reject(new Error(`HTTP ${r.status}`))))
    .then((list: ProtocolInfo[]) => {
      a.setProtocols(forWhom(Array.isArray(list) ? list : [], me));
      library.protocolsLoaded();
      syncHttpHost(a.form.host.value);
    })
    .catch(() => {
      byId('walkthrough').textContent = 'Could not load the walkthroughs and practice servers (GET /api/protocols failed). You can still connect to any host.';
    });
}

/** The protocols as this page shows them: an attendee's with their own mailbox and practice endpoints. */
function forWhom(list: ProtocolInfo[], me: Me): ProtocolInfo[] {
  return isAttendee(me) ? personalProtocols(list, me.mailbox, practicePresets(me.practice), me.workshop?.protocols) : list;
}

function fillHelpers(values: Record<string, string>): void {
  for (const [id, value] of Object.entries(values)) {
    const field = document.getElementById(id) as HTMLInputElement | null;
    if (!field) continue;
    field.value = value;
    field.dispatchEvent(new Event('input'));
  }
}

/** Hosted, not joined: a short form for the workshop code, instead of a playground that cannot work. */
function showGate(): void {
  byId('gate').hidden = false;
  document.querySelector<HTMLElement>('main.layout')!.hidden = true;
  document.querySelector<HTMLElement>('.skip')?.setAttribute('href', '#gate-code');
  wireCodeForm(byId<HTMLFormElement>('gate-form'), byId<HTMLInputElement>('gate-code'), byId('gate-problem'));
  byId<HTMLInputElement>('gate-code').focus();
}

function showInstructorLink(): void {
  const who = byId('who');
  const link = document.createElement('a');
  link.href = '/instructor';
  link.textContent = 'Workshop dashboard';
  who.replaceChildren('You are the instructor · ', link);
  who.hidden = false;
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', () => void boot());
else void boot();
