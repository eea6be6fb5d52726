import { el } from './dom';
import type { PracticePreset, ProtocolInfo, WalkthroughStep } from './types';
import { appendVisible } from './visible';

/** The lesson's five moves, in its words. */
export const PHASES: readonly { id: string; title: string }[] = [
  { id: 'hello', title: 'Say hello' },
  { id: 'identify', title: 'Identify yourself' },
  { id: 'ask', title: 'Ask for information' },
  { id: 'answers', title: 'Get answers' },
  { id: 'goodbye', title: 'Say goodbye' },
];

export interface WalkthroughActions {
  /** Put the line into the input (the learner presses Enter). */
  use(line: string): void;
  connect(preset: PracticePreset): void;
  /** Put the practice mailboxes back as the lesson starts. */
  reset?(): void;
  /** A workshop attendee's own mailbox login: the reset puts back theirs only. */
  ownMailbox?: string;
}

export function groupSteps(steps: readonly WalkthroughStep[]): { id: string; title: string; steps: WalkthroughStep[] }[] {
  const known = PHASES.map((p) => ({ ...p, steps: steps.filter((s) => s.id === p.id) }));
  const other = steps.filter((s) => !PHASES.some((p) => p.id === s.id));
  if (other.length) known.push({ id: 'more', title: 'More', steps: other });
  return known.filter((g) => g.steps.length > 0);
}

/** How a step's line reads on its button; an empty line must be visible too. */
export function lineLabel(line: string): string {
  return line === '' ? '(empty line)' : line;
}

let stepCounter = 0;

export function renderStep(step: WalkthroughStep, actions: Pick<WalkthroughActions, 'use'>): HTMLElement {
  const id = `step-${++stepCounter}`;
  const li = el('li', { class: 'step' }, el('h4', { id: `${id}-title` }, step.title));
  if (step.explanation) li.append(el('p', { class: 'explain' }, step.explanation));
  if (step.line !== null && step.line !== undefined) {
    const line = step.line;
    const code = el('code', {});
    appendVisible(code, lineLabel(line));
    const button = el('button', { type: 'button', class: 'use-line', 'aria-describedby': `${id}-title` }, el('span', { class: 'sr-only' }, 'Type this line: '), code);
    button.dataset.line = line;
    button.addEventListener('click', () => actions.use(line));
    li.append(button);
  }
  if (step.notice) li.append(el('p', { class: 'notice' }, el('strong', {}, 'Notice: '), step.notice));
  return li;
}

/**
 * Marks the first not-yet-sent step whose line is the line just sent, and returns the next step's
 * element (to bring into view), or null when no step matched. Only a walkthrough of the protocol
 * the line went to is marked: a POP3 step is not "sent" by a line typed to an SMTP server.
 */
export function markSent(box: HTMLElement, line: string, protocol?: string): HTMLElement | null {
  if (protocol && box.dataset.protocol && box.dataset.protocol !== protocol) return null;
  const buttons = Array.from(box.querySelectorAll<HTMLButtonElement>('button.use-line'));
  const i = buttons.findIndex((b) => b.dataset.line === line && !b.closest('.step')!.classList.contains('done'));
  if (i < 0) return null;
  const step = buttons[i].closest<HTMLElement>('.step')!;
  step.classList.add('done');
  buttons[i].append(el('span', { class: 'sent-mark' }, ' (sent)'));
  return buttons[i + 1]?.closest<HTMLElement>('.step') ?? null;
}

export function renderWalkthrough(info: ProtocolInfo, actions: WalkthroughActions): HTMLElement {
  const box = el('div', { class: 'walkthrough' });
  const preset = info.practice.find((p) => p.tls === 'none') ?? info.practice[0];
  if (preset) {
    const b = el('button', { type: 'button', class: 'primary' }, `Connect to the practice ${info.id.toUpperCase()} server (${preset.host}:${preset.port})`);
    b.addEventListener('click', () => actions.connect(preset));
    box.append(el('p', {}, b));
  }
  box.append(
    el('p', { class: 'hint' }, 'Each button puts a line in the input below the console. Read it, change it if you like, and press Enter to send it.'),
  );
  if (actions.reset && (info.id === 'pop3' || info.id === 'imap' || info.id === 'smtp')) {
    const reset = el('button', { type: 'button', class: 'link-like' }, 'Reset practice mail');
    reset.addEventListener('click', () => actions.reset?.());
    box.append(
      actions.ownMailbox
        ? el(
            'p',
            { class: 'hint' },
            `Your mailbox (${actions.ownMailbox}) is yours alone. After DELE and QUIT, `,
            reset,
            ' puts the lesson\'s messages back in it; your classmates\' mailboxes are not touched.',
          )
        : el(
            'p',
            { class: 'hint' },
            'The practice mailboxes are shared. If STAT says +OK 0 0 or RETR 1 fails, someone has read and deleted the mail: ',
            reset,
            ' puts it back as the lesson starts.',
          ),
    );
  }
  const groups = groupSteps(info.steps);
  if (groups.length === 0) box.append(el('p', {}, 'No guided steps for this protocol: type what you like.'));
  for (const g of groups) {
    const list = el('ol', { class: 'steps' }, ...g.steps.map((s) => renderStep(s, actions)));
    box.append(el('section', { class: `phase phase-${g.id}` }, el('h3', {}, g.title), list));
  }
  return box;
}
