import { el } from '../dom';
import type { RosterRow } from './api';
import { ago, type CellState, cellState, MOVES, moveCounts, stuck } from './progress';

/** What the roster's buttons do. */
export interface RosterActions {
  follow(row: RosterRow): void;
  remove(row: RosterRow): void;
}

const MARK: Record<CellState, string> = { done: '✓', now: '▸', todo: '·' };
const SAID: Record<CellState, string> = { done: 'done', now: 'working on it', todo: 'not yet' };

/**
 * The roster and progress grid: one row per attendee, five cells per protocol (the lesson's
 * moves), each cell coloured AND marked (✓ done, ▸ the move they are on, · not yet) and spoken as
 * words. Refreshed in place every poll: rows are keyed by attendee and only changed cells are
 * redrawn, so a button the instructor is on keeps its focus.
 */
export class RosterView {
  private protocols: string[] = [];
  private readonly rows = new Map<string, { tr: HTMLTableRowElement; sig: string; follow: HTMLButtonElement }>();
  private readonly body: HTMLTableSectionElement;
  private readonly foot: HTMLTableSectionElement;
  private readonly head: HTMLTableSectionElement;

  constructor(
    private readonly table: HTMLTableElement,
    private readonly actions: RosterActions,
  ) {
    this.head = table.createTHead();
    this.body = table.tBodies[0] ?? table.createTBody();
    this.foot = table.createTFoot();
  }

  /** Draws the rows (in the given order) for a workshop's protocols; `following` is the attendee followed. */
  render(rows: readonly RosterRow[], protocols: readonly string[], now: number, following: string | null): void {
    if (protocols.join() !== this.protocols.join()) {
      this.protocols = [...protocols];
      this.drawHead();
      this.body.replaceChildren();
      this.rows.clear();
    }
    const seen = new Set<string>();
    let before: Element | null = this.body.firstElementChild;
    for (const row of rows) {
      seen.add(row.id);
      const sig = JSON.stringify([row, ago(row.lastAt, now), stuck(row, now)]);
      let held = this.rows.get(row.id);
      if (!held) {
        // The name is the follow button: an instructor clicks a person to watch them.
        const follow = el('button', { type: 'button', class: 'name-button', title: `Follow ${row.name}'s console` }, el('span', { class: 'sr-only' }, 'Follow '), row.name);
        follow.addEventListener('click', () => this.actions.follow(this.current(row.id) ?? row));
        const remove = el('button', { type: 'button', class: 'remove-button' }, 'Remove', el('span', { class: 'sr-only' }, ` ${row.name}`));
        remove.addEventListener('click', () => this.actions.remove(this.current(row.id) ?? row));
        const tr = el('tr', { 'data-id': row.id });
        tr.append(el('th', { scope: 'row', class: 'who-cell' }, follow, el('span', { class: 'who-state' })), el('td', { class: 'actions' }, remove));
        held = { tr, sig: '', follow };
        this.rows.set(row.id, held);
      }
      if (held.sig !== sig) {
        this.fill(held.tr, row, now);
        held.sig = sig;
        held.tr.dataset.row = JSON.stringify(row);
      }
      held.follow.setAttribute('aria-pressed', String(following === row.id));
      held.tr.classList.toggle('followed', following === row.id);
      // Move only rows out of place: moving the row that holds the focus would drop it.
      if (held.tr !== before) this.body.insertBefore(held.tr, before);
      before = held.tr.nextElementSibling;
    }
    for (const [id, held] of this.rows) {
      if (!seen.has(id)) {
        held.tr.remove();
        this.rows.delete(id);
      }
    }
    this.drawFoot(rows);
    this.table.classList.toggle('no-rows', rows.length === 0);
  }

  private current(id: string): RosterRow | null {
    const data = this.rows.get(id)?.tr.dataset.row;
    return data ? (JSON.parse(data) as RosterRow) : null;
  }

  private drawHead(): void {
    const top = el('tr', {}, el('th', { scope: 'col', rowspan: '2', class: 'who-col' }, 'Attendee'));
    const moves = el('tr', { class: 'moves' });
    for (const p of this.protocols) {
      top.append(el('th', { scope: 'colgroup', colspan: String(MOVES.length), class: 'protocol-col' }, p.toUpperCase()));
      MOVES.forEach((m, i) =>
        moves.append(
          el('th', { scope: 'col', class: `move${i === 0 ? ' first' : ''}`, title: `${p.toUpperCase()}: ${m.title}` }, el('span', { 'aria-hidden': 'true' }, m.short), el('span', { class: 'sr-only' }, `${p.toUpperCase()}: ${m.title}`)),
        ),
      );
    }
    top.append(el('th', { scope: 'col', rowspan: '2', class: 'activity-col' }, 'Now'), el('th', { scope: 'col', rowspan: '2', class: 'actions-col' }, el('span', { class: 'sr-only' }, 'Remove')));
    this.head.replaceChildren(top, moves);
  }

  private drawFoot(rows: readonly RosterRow[]): void {
    const counts = moveCounts(rows, this.protocols);
    const tr = el('tr', {}, el('th', { scope: 'row' }, `Done by (of ${rows.length})`));
    for (const p of this.protocols) {
      MOVES.forEach((m, i) => {
        const n = counts.get(`${p}:${m.id}`) ?? 0;
        tr.append(el('td', { class: `count${i === 0 ? ' first' : ''}`, title: `${n} of ${rows.length} did ${p.toUpperCase()}: ${m.title}` }, String(n)));
      });
    }
    tr.append(el('td', { class: 'activity' }), el('td', { class: 'actions' }));
    this.foot.replaceChildren(tr);
  }

  /**
   * Redraws a row's cells but the name button and the remove button, which stay put (with the
   * focus, if the instructor is on one of them).
   */
  private fill(tr: HTMLTableRowElement, row: RosterRow, now: number): void {
    const who = tr.querySelector('th.who-cell')!;
    const actions = tr.querySelector('td.actions')!;
    const help = stuck(row, now);
    who.querySelector('.who-state')!.replaceChildren(
      el('span', { class: `presence ${row.online ? 'online' : 'offline'}` }, row.online ? '● online' : '○ offline'),
      help ? el('span', { class: 'flag', title: help }, '⚠ stuck?', el('span', { class: 'sr-only' }, ` (${help})`)) : '',
    );
    const cells: HTMLElement[] = [];
    for (const p of this.protocols) {
      MOVES.forEach((m, i) => {
        const state = cellState(row, p, m.id);
        cells.push(
          el(
            'td',
            { class: `cell cell-${state}${i === 0 ? ' first' : ''}`, title: `${p.toUpperCase()}: ${m.title} — ${SAID[state]}` },
            el('span', { 'aria-hidden': 'true' }, MARK[state]),
            el('span', { class: 'sr-only' }, SAID[state]),
          ),
        );
      });
    }
    const activity = el('td', { class: 'activity' });
    const when = ago(row.lastAt, now);
    const where = [row.protocol?.toUpperCase(), row.target, when].filter(Boolean).join(' · ');
    const line = el('span', { class: 'now-line' });
    if (where) line.append(el('span', { class: 'where' }, where));
    if (row.lastLine) line.append(' ', el('code', { class: 'last-line', title: row.lastLine }, row.lastLine));
    if (!where && !row.lastLine) line.append(el('span', { class: 'where' }, 'nothing yet'));
    activity.append(line);
    if (row.lastError) activity.append(el('span', { class: 'last-error', title: row.lastError }, '⚠ ', row.lastError));
    // Everything between the name and the actions goes; those two cells (and a focused button) stay put.
    while (who.nextElementSibling && who.nextElementSibling !== actions) who.nextElementSibling.remove();
    actions.before(...cells, activity);
    tr.classList.toggle('offline', !row.online);
    tr.classList.toggle('needs-help', !!help);
  }
}
