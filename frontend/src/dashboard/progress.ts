import type { RosterRow } from './api';

/**
 * What the progress grid shows of each attendee, worked out from the roster alone: which of the
 * lesson's five moves they did per protocol, where they are now, and who looks stuck. Pure, so it
 * is tested without a page.
 */

/** The lesson's five moves, in order, with the short labels the grid's column heads use. */
export const MOVES: readonly { id: string; short: string; title: string }[] = [
  { id: 'hello', short: '1', title: 'say hello' },
  { id: 'identify', short: '2', title: 'identify yourself' },
  { id: 'ask', short: '3', title: 'ask for information' },
  { id: 'answers', short: '4', title: 'get answers' },
  { id: 'goodbye', short: '5', title: 'say goodbye' },
];

/** No line for this long, in the middle of a walkthrough, while online: the grid says "stuck?". */
export const STUCK_AFTER_MS = 3 * 60_000;

export type CellState = 'done' | 'now' | 'todo';

/** done: the move was accepted by the server; now: the next move of the protocol they are on; todo: not yet. */
export function cellState(row: RosterRow, protocol: string, move: string): CellState {
  const done = row.steps[protocol] ?? [];
  if (done.includes(move)) return 'done';
  return row.protocol === protocol && nextMove(row, protocol) === move ? 'now' : 'todo';
}

/** The first of the five moves not yet done in a protocol; null when all are. */
export function nextMove(row: RosterRow, protocol: string): string | null {
  const done = row.steps[protocol] ?? [];
  return MOVES.find((m) => !done.includes(m.id))?.id ?? null;
}

/** Moves done out of all moves of the workshop's protocols. */
export function doneCount(row: RosterRow, protocols: readonly string[]): number {
  return protocols.reduce((n, p) => n + MOVES.filter((m) => (row.steps[p] ?? []).includes(m.id)).length, 0);
}

/** Why the attendee may need help, in a few words; null when nothing suggests it. */
export function stuck(row: RosterRow, now: number): string | null {
  if (!row.online || !row.protocol) return null;
  const next = nextMove(row, row.protocol);
  if (next === null) return null;
  const at = row.lastAt ? Date.parse(row.lastAt) : NaN;
  if (Number.isNaN(at) || now - at < STUCK_AFTER_MS) return null;
  const move = MOVES.find((m) => m.id === next)!;
  return `no line for ${ago(row.lastAt, now).replace(/ ago$/, '')}, before “${move.title}” in ${row.protocol.toUpperCase()}`;
}

/** "just now", "40 s ago", "3 min ago", "2 h ago"; empty for no time. */
export function ago(iso: string | null | undefined, now: number): string {
  if (!iso) return '';
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return '';
  const s = Math.max(0, Math.round((now - t) / 1000));
  if (s < 5) return 'just now';
  if (s < 60) return `${s} s ago`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min ago`;
  return `${Math.floor(m / 60)} h ago`;
}

export type SortOrder = 'joined' | 'name' | 'help' | 'behind';

/** The rows in the order the instructor chose; joined order is the server's. */
export function sortRows(rows: readonly RosterRow[], order: SortOrder, protocols: readonly string[], now: number): RosterRow[] {
  const joined = new Map(rows.map((r, i) => [r.id, i]));
  const byJoined = (a: RosterRow, b: RosterRow) => joined.get(a.id)! - joined.get(b.id)!;
  const copy = [...rows];
  switch (order) {
    case 'joined':
      return copy;
    case 'name':
      return copy.sort((a, b) => a.name.localeCompare(b.name) || byJoined(a, b));
    case 'help': {
      const need = (r: RosterRow) => (stuck(r, now) ? 0 : r.lastError && r.online ? 1 : r.online ? 2 : 3);
      return copy.sort((a, b) => need(a) - need(b) || byJoined(a, b));
    }
    case 'behind':
      return copy.sort((a, b) => doneCount(a, protocols) - doneCount(b, protocols) || byJoined(a, b));
  }
}

/** How many attendees did each move of each protocol: the grid's footer, the room at a glance. */
export function moveCounts(rows: readonly RosterRow[], protocols: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const p of protocols) for (const m of MOVES) counts.set(`${p}:${m.id}`, rows.filter((r) => (r.steps[p] ?? []).includes(m.id)).length);
  return counts;
}

/** One line about the room: attendees, online, who may need help. */
export function roomSummary(rows: readonly RosterRow[], capacity: number | undefined, now: number): string {
  const online = rows.filter((r) => r.online).length;
  const help = rows.filter((r) => stuck(r, now)).length;
  const seats = capacity ? ` of ${capacity} seats` : '';
  const people = `${rows.length} attendee${rows.length === 1 ? '' : 's'}${seats}`;
  return `${people}, ${online} online${help ? `, ${help} may be stuck` : ''}.`;
}
