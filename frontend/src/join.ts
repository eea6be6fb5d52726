import './style.css';
import './share.css';
import './workshop.css';
import { byId, el } from './dom';
import { normalCode, wireCodeForm } from './join-code';
import { fetchMe } from './me';

/**
 * The join page /w/{code} (CONTRACTS.md §7): a name, and the attendee is in. The server answers
 * 404 (no such code), 410 (ended) or 409 (full) with a sentence; the page says which, plainly, and
 * offers to type another code. On success the identity cookie is set and the playground opens.
 */

/** What each refusal is called on the page, above the server's own sentence. */
export const REFUSALS: Record<number, string> = {
  404: 'There is no workshop with this code',
  409: 'This workshop is full',
  410: 'This workshop has ended',
};

export interface JoinAnswer {
  ok: boolean;
  status: number;
  /** The server's sentence (problem+json detail) when refused. */
  detail?: string;
  /** The field the server named, for a bad name. */
  field?: string;
}

/** POST /api/workshops/{code}/join with the name; the cookie comes back with the answer. */
export async function join(code: string, name: string, fetcher: typeof fetch = (u, i) => fetch(u, i)): Promise<JoinAnswer> {
  const r = await fetcher(`/api/workshops/${encodeURIComponent(code)}/join`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json, application/problem+json' },
    body: JSON.stringify({ name }),
  });
  if (r.ok) return { ok: true, status: r.status };
  const problem = (await r.json().catch(() => ({}))) as { detail?: string; field?: string };
  return { ok: false, status: r.status, detail: typeof problem.detail === 'string' ? problem.detail : undefined, field: problem.field };
}

/** Shows a refusal: a heading that names it and the server's sentence. */
export function showRefusal(box: HTMLElement, answer: JoinAnswer): void {
  const head = REFUSALS[answer.status] ?? 'Could not join';
  box.replaceChildren(el('h3', {}, head), el('p', {}, answer.detail ?? `Parley answered ${answer.status}.`));
}

export async function bootJoin(go: (url: string) => void = (u) => window.location.assign(u), fetcher?: typeof fetch): Promise<void> {
  const root = byId('join');
  const code = normalCode(root.dataset.code ?? '') ?? root.dataset.code ?? '';
  const codeForm = document.getElementById('code-form') as HTMLFormElement | null;
  if (codeForm) wireCodeForm(codeForm, byId<HTMLInputElement>('code-input'), byId('code-problem'), go);
  const form = document.getElementById('join-form') as HTMLFormElement | null;
  if (!form) return;
  const name = byId<HTMLInputElement>('join-name');
  const status = byId('join-status');
  const button = byId<HTMLButtonElement>('join-button');
  const problem = byId('join-problem');

  const me = await fetchMe(fetcher);
  if (me.role === 'attendee' && me.workshop?.code === code) {
    const already = byId('join-already');
    already.replaceChildren(`You are already in this workshop as ${me.attendee?.name ?? 'an attendee'}. `, el('a', { href: '/' }, 'Continue to the playground'), '.');
    already.hidden = false;
    form.hidden = true;
    return;
  }
  name.focus();

  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const typed = name.value.trim();
    if (!typed) {
      status.textContent = 'Type the name the class should see you under.';
      name.setAttribute('aria-invalid', 'true');
      name.focus();
      return;
    }
    button.disabled = true;
    status.textContent = 'Joining…';
    problem.replaceChildren();
    join(code, typed, fetcher)
      .then((answer) => {
        if (answer.ok) {
          status.textContent = 'You are in. Opening the playground…';
          go('/');
          return;
        }
        button.disabled = false;
        if (answer.status === 400) {
          status.textContent = answer.detail ?? 'Parley did not take that name.';
          name.setAttribute('aria-invalid', 'true');
          name.focus();
          return;
        }
        status.textContent = '';
        showRefusal(problem, answer);
        if (answer.status !== 409) form.hidden = true;
      })
      .catch((err: unknown) => {
        button.disabled = false;
        status.textContent = `Could not reach Parley (${err instanceof Error ? err.message : String(err)}). Try again in a moment.`;
      });
  });
}

if (typeof window !== 'undefined' && document.getElementById('join')) {
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', () => void bootJoin());
  else void bootJoin();
}
