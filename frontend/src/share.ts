import './style.css';
import './share.css';
import type { Conversation } from './conversation';
import { byId, clock, el } from './dom';
import { renderEntry, renderSystemRow, updateTiming } from './events';
import { layoutLadder, renderLadder } from './ladder';
import { type PlaybackView, Player, SPEEDS } from './player';
import { conversationFor, pause, type StoredMeanings, type StoredTranscript, storedEvents } from './share-data';
import { closedNormally, closedText } from './status-text';
import type { ServerEvent } from './types';
import { appendVisible } from './visible';

/**
 * The share page /t/{id}: a stored transcript played back, read-only, with the playground's own
 * console rows and ladder diagram. Keyboard: Space or K plays and pauses, → steps, ← steps
 * back, Home restarts, End shows everything (as well as the buttons themselves).
 */

const ORIGIN: Record<string, string> = {
  live: 'typed live in the playground',
  replay: 'a replay of a transcript',
  library: 'a library call',
  import: 'imported from a transcript file',
};

/** Draws the first n events into the console and the diagram. */
export class ShareView implements PlaybackView {
  private conversation: Conversation;
  private readonly console = byId<HTMLOListElement>('console');
  private readonly ladder = byId('ladder');
  private readonly position = byId('position');
  private readonly playButton = byId<HTMLButtonElement>('play');

  constructor(
    private readonly transcript: StoredTranscript,
    private readonly events: readonly ServerEvent[],
  ) {
    this.conversation = conversationFor(transcript);
  }

  show(index: number): void {
    const c = this.conversation;
    const prev = c.entries[c.entries.length - 1];
    const ev = this.events[index];
    const entry = c.apply(ev);
    if (entry) this.console.append(renderEntry(entry, prev));
    if (ev.event === 'complete') {
      // The outcome colours the answered rows, as in the live console (a 550 in red).
      for (const e of c.touched) {
        const row = document.getElementById(e.rowId);
        if (row) updateTiming(row, e);
      }
    }
    if (index === this.events.length - 1) this.closing();
    this.console.lastElementChild?.scrollIntoView?.({ block: 'nearest' });
  }

  reset(): void {
    this.conversation = conversationFor(this.transcript);
    this.console.replaceChildren();
  }

  changed(player: Player): void {
    const lines = this.conversation.entries.length;
    const c = this.conversation;
    this.ladder.replaceChildren(c.entries.length ? renderLadder({ ...layoutLadder(c.entries, c.target), clientName: 'Client' }) : el('p', { class: 'hint' }, 'Press Play or Step to begin.'));
    this.position.textContent = `${player.position} of ${player.total} events (${lines} lines)${player.playing ? ', playing' : player.atEnd ? ', the end' : ''}`;
    this.playButton.textContent = player.playing ? 'Pause' : player.atEnd && player.total > 0 ? 'Play again' : 'Play';
    this.playButton.setAttribute('aria-pressed', String(player.playing));
    byId<HTMLButtonElement>('step').disabled = player.atEnd;
    byId<HTMLButtonElement>('step-back').disabled = player.position === 0;
  }

  /** How the conversation ended, after its last line. */
  private closing(): void {
    const closed = this.transcript.closed;
    if (!closed?.by) return;
    const ev = { event: 'closed' as const, by: closed.by ?? undefined, reason: closed.reason ?? undefined };
    const row = renderSystemRow(closedNormally(ev) ? 'closed' : 'error', closedText(ev));
    row.querySelector('time')!.textContent = clock(this.transcript.ended ?? undefined);
    this.console.append(row);
  }
}

function describe(t: StoredTranscript): void {
  const meta = byId('share-meta');
  meta.replaceChildren();
  const parts = [
    `${(t.protocol ?? '?').toUpperCase()} with ${t.target ?? 'a server'}${t.remote ? ` (${t.remote})` : ''}`,
    ORIGIN[t.origin ?? ''] ?? (t.origin ? `origin: ${t.origin}` : ''),
    t.started ? `started ${new Date(t.started).toLocaleString()}` : '',
    t.tls?.protocol ? `${t.tls.mode === 'starttls' ? 'upgraded by STARTTLS to' : 'over'} ${t.tls.protocol}` : '',
  ].filter(Boolean);
  appendVisible(meta, `${parts.join(' · ')}.`);
}

function wire(player: Player): void {
  byId('play').addEventListener('click', () => player.toggle());
  byId('step').addEventListener('click', () => {
    player.pause();
    player.step();
  });
  byId('step-back').addEventListener('click', () => player.back());
  byId('restart').addEventListener('click', () => player.restart());
  byId('show-all').addEventListener('click', () => player.showAll());
  const speed = byId<HTMLSelectElement>('speed');
  speed.replaceChildren(...SPEEDS.map((s) => new Option(`${s}×`, String(s), s === 1, s === 1)));
  speed.addEventListener('change', () => (player.speed = Number(speed.value)));
  byId<HTMLInputElement>('show-crlf').addEventListener('change', (e) =>
    byId('console').classList.toggle('show-crlf', (e.target as HTMLInputElement).checked),
  );
  byId('ladder').addEventListener('click', (e) => {
    const row = (e.target as Element).closest('[data-row]')?.getAttribute('data-row');
    const li = row ? document.getElementById(row) : null;
    li?.scrollIntoView?.({ block: 'center' });
    li?.focus({ preventScroll: true });
  });
  document.addEventListener('keydown', (e) => {
    const t = e.target;
    if (e.altKey || e.ctrlKey || e.metaKey || (t instanceof Element && t.closest('input, select, textarea, button, a, summary'))) return;
    const action = { ' ': () => player.toggle(), k: () => player.toggle(), ArrowRight: () => player.step(), ArrowLeft: () => player.back(), Home: () => player.restart(), End: () => player.showAll() }[e.key];
    if (!action) return;
    e.preventDefault();
    action();
  });
}

/** Loads the transcript named by the page and sets up playback. */
export async function bootShare(fetcher: typeof fetch = (u, i) => fetch(u, i)): Promise<Player | null> {
  const root = byId('share');
  const id = root.dataset.transcript ?? '';
  const status = byId('load-state');
  try {
    const r = await fetcher(`/t/${encodeURIComponent(id)}/transcript.json`, { headers: { Accept: 'application/json' } });
    if (!r.ok) throw new Error(r.status === 404 ? 'This transcript does not exist (any more).' : `The server answered ${r.status}.`);
    const t = (await r.json()) as StoredTranscript;
    const meanings = await fetcher(`/t/${encodeURIComponent(id)}/meanings`, { headers: { Accept: 'application/json' } })
      .then((m) => (m.ok ? (m.json() as Promise<StoredMeanings>) : {}))
      .catch(() => ({}));
    const events = storedEvents(Array.isArray(t.lines) ? t.lines : [], meanings);
    const view = new ShareView(t, events);
    const player = new Player(events, view, (i) => (events[i]?.event === 'complete' ? 0 : pause(atOf(events[i - 1]), atOf(events[i]))));
    describe(t);
    wire(player);
    // Open showing the whole conversation, as the playground showed it; Play watches it again.
    player.showAll();
    view.changed(player);
    status.textContent = `The whole conversation is shown (${player.total} events). Press Play to watch it again line by line, or Restart and Step to go one line at a time.`;
    return player;
  } catch (e) {
    status.textContent = `Could not load the transcript: ${e instanceof Error ? e.message : String(e)}`;
    status.dataset.state = 'error';
    return null;
  }
}

function atOf(ev: ServerEvent | undefined): string | undefined {
  return ev && 'at' in ev ? ev.at : undefined;
}

if (typeof window !== 'undefined' && document.getElementById('share')) {
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', () => void bootShare());
  else void bootShare();
}
