import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { bootJoin } from '../src/join';
import { codeProblem, normalCode } from '../src/join-code';

const template = readFileSync(resolve(__dirname, '../../src/main/resources/templates/join.html'), 'utf8');

/** The join page as Thymeleaf renders it for a running workshop (no problem: the form is there). */
function page(code: string): void {
  const body = /<body>([\s\S]*)<\/body>/.exec(template)![1]
    .replace(/<form id="code-form"[\s\S]*?<\/form>/, '')
    .replace('th:attr="data-code=${code}"', `data-code="${code}"`);
  document.body.innerHTML = body;
}

const answer = (status: number, body: unknown) => async () => new Response(JSON.stringify(body), { status });

describe('workshop codes as people type them', () => {
  it('accepts any case, spaces and a dash; refuses look-alikes with a reason', () => {
    expect(normalCode(' k7m-4qx ')).toBe('K7M4QX');
    expect(normalCode('K7M 4QX')).toBe('K7M4QX');
    expect(normalCode('K7M4Q')).toBeNull();
    expect(normalCode('K0M4QX')).toBeNull();
    expect(codeProblem('K0M4QX')).toContain('“0”');
    expect(codeProblem('K0M4QX')).toContain('never use 0');
    expect(codeProblem('K7M4')).toBe('A workshop code is 6 characters; that was 4. Check it with your instructor.');
    expect(codeProblem('')).toContain('six letters and digits');
  });
});

describe('the join page', () => {
  let went: string[];
  beforeEach(() => {
    page('K7M4QX');
    went = [];
  });

  async function submit(name: string, fetcher: typeof fetch): Promise<void> {
    await bootJoin((u) => went.push(u), fetcher);
    (document.getElementById('join-name') as HTMLInputElement).value = name;
    (document.getElementById('join-form') as HTMLFormElement).requestSubmit();
    await new Promise((r) => setTimeout(r, 0));
    await new Promise((r) => setTimeout(r, 0));
  }

  const anonymous = { role: 'anonymous', mode: 'hosted' };
  const fetcher = (join: () => Promise<Response>): typeof fetch =>
    (async (url: string) => (String(url) === '/api/me' ? new Response(JSON.stringify(anonymous)) : join())) as typeof fetch;

  it('joins and opens the playground', async () => {
    await submit('Ada', fetcher(answer(200, { attendee: { id: 'a-1', name: 'Ada' } })));
    expect(went).toEqual(['/']);
    expect(document.getElementById('join-status')!.textContent).toContain('You are in');
  });

  it('says plainly that the workshop is full, and keeps the form to try again', async () => {
    await submit('Ada', fetcher(answer(409, { detail: 'This workshop is full: every seat is taken.' })));
    expect(went).toEqual([]);
    expect(document.querySelector('#join-problem h3')!.textContent).toBe('This workshop is full');
    expect(document.getElementById('join-problem')!.textContent).toContain('every seat is taken');
    expect(document.getElementById('join-form')!.hidden).toBe(false);
  });

  it('says that the workshop has ended, or does not exist', async () => {
    await submit('Ada', fetcher(answer(410, { detail: 'This workshop has ended.' })));
    expect(document.querySelector('#join-problem h3')!.textContent).toBe('This workshop has ended');
    expect(document.getElementById('join-form')!.hidden).toBe(true);
    page('K7M4QX');
    await submit('Ada', fetcher(answer(404, { detail: 'No workshop has the code' })));
    expect(document.querySelector('#join-problem h3')!.textContent).toBe('There is no workshop with this code');
  });

  it('asks for a name before asking the server', async () => {
    let asked = 0;
    await submit('   ', fetcher(async () => {
      asked++;
      return new Response('{}');
    }));
    expect(asked).toBe(0);
    expect(document.getElementById('join-name')!.getAttribute('aria-invalid')).toBe('true');
  });

  it('tells an attendee who already joined this workshop to go on', async () => {
    const me = { role: 'attendee', mode: 'hosted', attendee: { name: 'Ada' }, workshop: { code: 'K7M4QX' }, mailbox: { address: 'a@localhost', username: 'a', password: 'p' } };
    await bootJoin((u) => went.push(u), (async () => new Response(JSON.stringify(me))) as typeof fetch);
    expect(document.getElementById('join-already')!.textContent).toContain('already in this workshop as Ada');
    expect(document.getElementById('join-form')!.hidden).toBe(true);
  });
});
