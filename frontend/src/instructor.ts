import './style.css';
import './share.css';
import './dashboard.css';
import { ApiError, InstructorApi, type RosterRow, type Workshop } from './dashboard/api';
import { ConsoleFeed, Follow, type FollowState } from './dashboard/follow';
import { roomSummary, type SortOrder, sortRows } from './dashboard/progress';
import { qrSvg } from './dashboard/qr';
import { confirmDialog } from './dashboard/confirm';
import { RosterView } from './dashboard/roster';
import { left, loopbackLink, time } from './dashboard/texts';
import { CreateWorkshopDialog } from './dashboard/workshop-form';
import { byId, el } from './dom';

/** The roster is asked for this often (the issue: live, without reloading). */
export const POLL_MS = 2000;
/** The list of workshops (which ended, which expired) is asked for this often. */
const LIST_MS = 30_000;

/**
 * The instructor's dashboard /instructor (CONTRACTS.md §7): create and pick a workshop, show its
 * code, link and QR code to the room, watch the room's progress live, follow one attendee's
 * console, broadcast a notice, suggest a line, remove someone, end the workshop, export.
 */
export class Dashboard {
  private workshops: Workshop[] = [];
  private selected: Workshop | null = null;
  private rows: RosterRow[] = [];
  private pollTimer: ReturnType<typeof setTimeout> | null = null;
  private listTimer: ReturnType<typeof setInterval> | null = null;
  private follow: Follow | null = null;
  private followed: RosterRow | null = null;
  private loggedOut = false;
  private readonly roster: RosterView;
  private readonly feed = new ConsoleFeed(byId<HTMLOListElement>('follow-console'), byId('follow-box'));
  private readonly select = byId<HTMLSelectElement>('workshop-select');
  private readonly status = byId('dash-status');

  constructor(
    private readonly api = new InstructorApi(),
    private readonly now: () => number = () => Date.now(),
  ) {
    this.roster = new RosterView(byId<HTMLTableElement>('roster'), {
      follow: (row) => this.toggleFollow(row),
      remove: (row) => void this.remove(row),
    });
    this.select.addEventListener('change', () => this.choose(this.select.value));
    new CreateWorkshopDialog(api, {
      created: async (made) => {
        await this.loadList(made.code);
        this.setStatus(`Workshop “${made.title}” is open: code ${made.code}.`);
        byId('copy-link').focus();
      },
      loginNeeded: (e) => this.failed(e, 'Could not create the workshop'),
    });
    byId<HTMLFormElement>('broadcast-form').addEventListener('submit', (e) => {
      e.preventDefault();
      void this.broadcast();
    });
    byId<HTMLFormElement>('suggest-form').addEventListener('submit', (e) => {
      e.preventDefault();
      void this.suggest();
    });
    byId('end-workshop').addEventListener('click', () => void this.end());
    byId('copy-link').addEventListener('click', () => void this.copyLink());
    byId('project').addEventListener('click', () => this.project());
    byId('fold-card').addEventListener('click', () => this.fold());
    byId('follow-stop').addEventListener('click', () => this.stopFollowing());
    byId('roster-sort').addEventListener('change', () => this.draw());
    window.addEventListener('hashchange', () => {
      const code = location.hash.slice(1).toUpperCase();
      if (code && code !== this.selected?.code) this.choose(code);
    });
  }

  async start(): Promise<void> {
    try {
      if (localStorage.getItem('parley.dashboard.folded') === 'true') this.fold();
    } catch {
      // no storage: unfolded
    }
    await this.loadList(location.hash.slice(1).toUpperCase() || null);
    this.listTimer = setInterval(() => void this.loadList(this.selected?.code ?? null, true), LIST_MS);
  }

  /** Stops the timers and the follow (tests, page teardown). */
  dispose(): void {
    if (this.pollTimer) clearTimeout(this.pollTimer);
    if (this.listTimer) clearInterval(this.listTimer);
    this.follow?.stop();
  }

  // ---- the list of workshops ----

  private async loadList(prefer: string | null, quiet = false): Promise<void> {
    try {
      this.workshops = await this.api.workshops();
    } catch (e) {
      this.failed(e, 'Could not load the workshops');
      return;
    }
    this.select.replaceChildren(
      ...this.workshops.map((w) => new Option(`${w.title} (${w.code})${w.running === false ? ' — ended' : ''}`, w.code)),
    );
    const empty = this.workshops.length === 0;
    byId('empty').hidden = !empty;
    this.select.disabled = empty;
    if (empty) {
      this.select.append(new Option('none yet', ''));
      this.show(null);
      return;
    }
    const pick =
      this.workshops.find((w) => w.code === prefer) ?? this.workshops.find((w) => w.running !== false) ?? this.workshops[0];
    if (quiet && pick.code === this.selected?.code) {
      this.selected = pick;
      this.select.value = pick.code;
      this.describe(pick);
      return;
    }
    this.choose(pick.code);
  }

  private choose(code: string): void {
    const w = this.workshops.find((x) => x.code === code) ?? null;
    if (w && w.code !== this.selected?.code) this.stopFollowing();
    this.show(w);
  }

  private show(w: Workshop | null): void {
    this.selected = w;
    byId('workshop').hidden = !w;
    if (this.pollTimer) clearTimeout(this.pollTimer);
    this.pollTimer = null;
    if (!w) return;
    this.select.value = w.code;
    if (location.hash.slice(1) !== w.code) history.replaceState(null, '', `#${w.code}`);
    byId('ws-title').textContent = w.title;
    byId('ws-code').textContent = w.code;
    const link = byId<HTMLAnchorElement>('ws-link');
    link.href = w.joinUrl;
    link.textContent = w.joinUrl;
    byId('ws-qr').replaceChildren(qrSvg(w.joinUrl, `QR code of the join link ${w.joinUrl}`));
    byId('ws-warning').hidden = !loopbackLink(w.joinUrl);
    byId<HTMLAnchorElement>('export-zip').href = `/api/workshops/${encodeURIComponent(w.code)}/export.zip`;
    byId<HTMLAnchorElement>('export-csv').href = `/api/workshops/${encodeURIComponent(w.code)}/progress.csv`;
    this.describe(w);
    this.rows = [];
    this.roster.render([], w.protocols, this.now(), null);
    void this.poll();
  }

  /** The facts line and what an ended workshop no longer offers. */
  private describe(w: Workshop): void {
    const ended = w.running === false;
    const until = w.expiresAt ? new Date(w.expiresAt) : null;
    const state = byId('ws-state');
    state.textContent = ended
      ? `Ended${w.endedAt ? ` at ${time(w.endedAt)}` : ''}: nobody can join, and attendees' sessions are closed.`
      : `Running${until ? ` until ${time(w.expiresAt!)} (${left(until.getTime() - this.now())})` : ''}.`;
    state.dataset.state = ended ? 'ended' : 'running';
    byId('ws-meta').textContent = `${w.protocols.map((p) => p.toUpperCase()).join(', ')}${w.targets.length ? ` · also reaches ${w.targets.join(', ')}` : ''}`;
    for (const id of ['broadcast-form', 'suggest-form']) {
      for (const c of Array.from(byId(id).querySelectorAll<HTMLInputElement | HTMLButtonElement | HTMLSelectElement>('input, button, select'))) c.disabled = ended;
    }
    byId<HTMLButtonElement>('end-workshop').hidden = ended;
    byId<HTMLButtonElement>('project').disabled = ended;
    byId('workshop').classList.toggle('ended', ended);
  }

  // ---- the roster, live ----

  private async poll(): Promise<void> {
    const w = this.selected;
    if (!w || this.loggedOut) return;
    try {
      const rows = await this.api.roster(w.code);
      if (this.selected?.code !== w.code) return;
      this.rows = rows;
      this.draw();
      if (this.status.dataset.kind === 'poll') this.setStatus('');
    } catch (e) {
      this.failed(e, 'Could not refresh the room', 'poll');
      if (this.loggedOut) return;
    }
    if (this.selected?.code === w.code) {
      // A hidden tab needs no fresh roster every two seconds.
      const wait = document.visibilityState === 'hidden' ? POLL_MS * 5 : POLL_MS;
      this.pollTimer = setTimeout(() => void this.poll(), wait);
    }
  }

  private draw(): void {
    const w = this.selected;
    if (!w) return;
    const now = this.now();
    const order = byId<HTMLSelectElement>('roster-sort').value as SortOrder;
    this.roster.render(sortRows(this.rows, order, w.protocols, now), w.protocols, now, this.followed?.id ?? null);
    byId('roster-summary').textContent = roomSummary(this.rows, w.capacity, now);
    byId('roster-empty').hidden = this.rows.length > 0;
  }

  // ---- follow ----

  private toggleFollow(row: RosterRow): void {
    if (this.followed?.id === row.id) {
      this.stopFollowing();
      return;
    }
    this.stopFollowing();
    const w = this.selected;
    if (!w) return;
    this.followed = row;
    byId('follow').hidden = false;
    byId('workshop').classList.add('following');
    byId('follow-title').textContent = `Following ${row.name}`;
    const state = byId('follow-state');
    this.follow = new Follow(w.code, row.id, row.name, this.feed, {
      onState: (s: FollowState, text: string) => {
        state.textContent = text;
        state.dataset.state = s;
      },
    });
    this.follow.start();
    this.draw();
    byId('follow-box').focus({ preventScroll: true });
  }

  private stopFollowing(): void {
    const was = this.follow;
    this.follow = null;
    this.followed = null;
    was?.stop();
    byId('follow').hidden = true;
    byId('workshop').classList.remove('following');
    this.feed.clear();
    this.draw();
  }

  // ---- the instructor's actions ----

  private async broadcast(): Promise<void> {
    const w = this.selected;
    const input = byId<HTMLInputElement>('broadcast-text');
    const out = byId('broadcast-status');
    const text = input.value.trim();
    if (!w) return;
    if (!text) {
      out.textContent = 'Type the notice first.';
      input.focus();
      return;
    }
    try {
      await this.api.broadcast(w.code, text);
      const online = this.rows.filter((r) => r.online).length;
      out.textContent = `Sent at ${time(new Date(this.now()).toISOString())} to every attendee page (${online} online now).`;
      input.value = '';
    } catch (e) {
      out.textContent = `Not sent: ${e instanceof Error ? e.message : String(e)}`;
    }
  }

  private async suggest(): Promise<void> {
    const w = this.selected;
    const input = byId<HTMLInputElement>('suggest-line');
    const protocol = byId<HTMLSelectElement>('suggest-protocol').value || null;
    const out = byId('suggest-status');
    if (!w) return;
    if (!input.value.trim()) {
      out.textContent = 'Type the line to suggest first.';
      input.focus();
      return;
    }
    try {
      await this.api.suggest(w.code, input.value, protocol);
      out.textContent = `“${input.value}” is now in every attendee's input${protocol ? ` (for ${protocol.toUpperCase()})` : ''}, unsent.`;
    } catch (e) {
      out.textContent = `Not suggested: ${e instanceof Error ? e.message : String(e)}`;
    }
  }

  private async remove(row: RosterRow): Promise<void> {
    const w = this.selected;
    if (!w) return;
    const yes = await confirmDialog(
      `Remove ${row.name}?`,
      `Their sessions close at once and their practice mailbox is deleted; their page says they were removed. Their transcripts stay in the export. They can join again with the link, as a new attendee.`,
      `Remove ${row.name}`,
    );
    if (!yes) return;
    try {
      await this.api.remove(w.code, row.id);
      if (this.followed?.id === row.id) this.stopFollowing();
      this.setStatus(`${row.name} was removed.`);
      this.rows = this.rows.filter((r) => r.id !== row.id);
      this.draw();
      byId('roster-sort').focus();
    } catch (e) {
      this.failed(e, `Could not remove ${row.name}`);
    }
  }

  private async end(): Promise<void> {
    const w = this.selected;
    if (!w) return;
    const yes = await confirmDialog(
      `End “${w.title}”?`,
      `Every attendee's session closes and their page says the workshop has ended; their practice mailboxes are deleted and nobody can join any more. Transcripts and progress stay available to export. This cannot be undone.`,
      'End the workshop',
    );
    if (!yes) return;
    try {
      await this.api.end(w.code);
      this.stopFollowing();
      await this.loadList(w.code, true);
      this.setStatus(`“${w.title}” has ended.`);
    } catch (e) {
      this.failed(e, 'Could not end the workshop');
    }
  }

  private async copyLink(): Promise<void> {
    const w = this.selected;
    if (!w) return;
    try {
      await navigator.clipboard.writeText(w.joinUrl);
      this.setStatus('The join link is copied.');
    } catch {
      // The clipboard API needs HTTPS (or localhost): select the link for the instructor to copy.
      const range = document.createRange();
      range.selectNodeContents(byId('ws-link'));
      const selection = window.getSelection();
      selection?.removeAllRanges();
      selection?.addRange(range);
      this.setStatus('The link is selected: press Ctrl+C (⌘C) to copy it.');
    }
  }

  /** The code, the link and a big QR code, full screen, for the projector. */
  private project(): void {
    const w = this.selected;
    if (!w) return;
    byId('projector-title').textContent = w.title;
    byId('projector-code').textContent = w.code;
    byId('projector-link').textContent = w.joinUrl;
    byId('projector-qr').replaceChildren(qrSvg(w.joinUrl, `QR code of the join link ${w.joinUrl}`));
    const dialog = byId<HTMLDialogElement>('projector');
    dialog.showModal();
    byId('projector-close').focus();
  }

  /** Folds the join card to one line (more room for the roster once the room has joined), or unfolds it. */
  private fold(): void {
    const card = byId('ws-card');
    const folded = card.classList.toggle('folded');
    const button = byId('fold-card');
    button.textContent = folded ? 'Unfold the card' : 'Fold the card';
    button.setAttribute('aria-expanded', String(!folded));
    try {
      localStorage.setItem('parley.dashboard.folded', String(folded));
    } catch {
      // storage may be off: the card just unfolds on the next visit
    }
  }

  // ---- words ----

  private setStatus(text: string, kind = ''): void {
    this.status.textContent = text;
    if (kind) this.status.dataset.kind = kind;
    else delete this.status.dataset.kind;
  }

  private failed(e: unknown, what: string, kind = ''): void {
    if (e instanceof ApiError && e.loginNeeded) {
      this.loggedOut = true;
      this.status.replaceChildren(`${e.message} `, el('a', { href: '/instructor/login' }, 'Log in'));
      this.status.dataset.kind = 'login';
      return;
    }
    this.setStatus(`${what}: ${e instanceof Error ? e.message : String(e)}${kind === 'poll' ? ' Trying again…' : ''}`, kind || 'error');
  }
}

if (typeof window !== 'undefined' && document.getElementById('dashboard')) {
  const start = () => void new Dashboard().start();
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
}
