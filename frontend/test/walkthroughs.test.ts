import { describe, expect, it, vi } from 'vitest';
import type { ProtocolInfo } from '../src/types';
import { groupSteps, lineLabel, renderWalkthrough } from '../src/walkthroughs';

const smtp: ProtocolInfo = {
  id: 'smtp',
  defaultPort: 25,
  defaultTlsPort: 465,
  practice: [
    { host: 'localhost', port: 3465, tls: 'implicit' },
    { host: 'localhost', port: 3025, tls: 'none' },
  ],
  steps: [
    { id: 'goodbye', title: 'Say goodbye', line: 'QUIT', explanation: 'Ends the session.', notice: '221' },
    { id: 'hello', title: 'Greet', line: 'EHLO parley.local', explanation: 'Say who you are.', notice: 'The 250- lines continue the reply.' },
    { id: 'ask', title: 'Blank', line: '' },
    { id: 'answers', title: 'Read', line: null, explanation: 'Just look.' },
  ],
};

describe('walkthroughs', () => {
  it('orders steps by the lesson\'s five moves', () => {
    expect(groupSteps(smtp.steps).map((g) => g.id)).toEqual(['hello', 'ask', 'answers', 'goodbye']);
  });

  it('puts a step\'s line into the input when its button is pressed', () => {
    const use = vi.fn();
    const box = renderWalkthrough(smtp, { use, connect: vi.fn() });
    const buttons = Array.from(box.querySelectorAll<HTMLButtonElement>('button.use-line'));
    expect(buttons.map((b) => b.querySelector('code')!.textContent)).toEqual(['EHLO parley.local', '(empty line)', 'QUIT']);
    buttons[0].click();
    expect(use).toHaveBeenCalledWith('EHLO parley.local');
    buttons[1].click();
    expect(use).toHaveBeenLastCalledWith('');
    expect(box.textContent).toContain('The 250- lines continue the reply.');
    expect(box.textContent).toContain('Just look.');
  });

  it('offers the plain-text practice server first', () => {
    const connect = vi.fn();
    const box = renderWalkthrough(smtp, { use: vi.fn(), connect });
    box.querySelector<HTMLButtonElement>('button.primary')!.click();
    expect(connect).toHaveBeenCalledWith({ host: 'localhost', port: 3025, tls: 'none' });
  });

  it('labels the empty line', () => {
    expect(lineLabel('')).toBe('(empty line)');
    expect(lineLabel('QUIT')).toBe('QUIT');
  });
});

describe('walkthrough progress', () => {
  it('marks the step whose line was sent, once, and points at the next', async () => {
    const { markSent } = await import('../src/walkthroughs');
    const box = renderWalkthrough(smtp, { use: vi.fn(), connect: vi.fn() });
    const next = markSent(box, 'EHLO parley.local');
    expect(box.querySelectorAll('.step.done')).toHaveLength(1);
    expect(box.querySelector('.step.done button')!.textContent).toContain('(sent)');
    expect(next!.textContent).toContain('(empty line)');
    expect(markSent(box, 'NOOP')).toBeNull();
    expect(markSent(box, 'EHLO parley.local')).toBeNull();
  });
});
