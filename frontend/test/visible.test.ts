import { describe, expect, it } from 'vitest';
import { appendVisible, toPieces, visibleText } from '../src/visible';

describe('visible text', () => {
  it('names NUL, ESC and BEL in badges, and escapes them in plain text', () => {
    expect(toPieces('a\u0000b\u001b[31mc\u0007').map((p) => p.text)).toEqual(['a', 'NUL', 'b', 'ESC', '[31mc', 'BEL']);
    expect(visibleText('a\u0000b\u001b[31mc\u0007')).toBe('a\\x00b\\x1B[31mc\\x07');
  });

  it('shows DEL, C1 controls and bidi overrides by name or code', () => {
    expect(toPieces('\u007f')[0].text).toBe('DEL');
    expect(visibleText('\u007f')).toBe('\\x7F');
    expect(visibleText('x\u0085y')).toBe('x\\x85y');
    expect(toPieces('abc\u202Edef')[1]).toMatchObject({ text: 'U+202E', control: true });
    expect(visibleText('abc\u202Edef')).toBe('abc\\u202Edef');
    expect(visibleText('zero\u200Bwidth')).toBe('zero\\u200Bwidth');
  });

  it('leaves ordinary text, tabs and non-ASCII letters alone', () => {
    expect(toPieces('Grüße\tüber 日本')).toEqual([{ text: 'Grüße\tüber 日本', control: false }]);
  });

  it('marks each stand-in with what it stands for', () => {
    const pieces = toPieces('\u0000');
    expect(pieces[0]).toMatchObject({ text: 'NUL', control: true, title: 'U+0000 NULL' });
    expect(toPieces('\u001b')[0].title).toContain('terminal colour codes');
  });

  it('appends markup-looking text as text, never as elements', () => {
    const p = document.createElement('p');
    appendVisible(p, '<script>window.pwned=1</script><img src=x onerror=alert(1)>\u0000');
    expect(p.querySelector('script, img')).toBeNull();
    expect(p.textContent).toBe('<script>window.pwned=1</script><img src=x onerror=alert(1)>NUL');
    expect(p.querySelectorAll('span.ctl')).toHaveLength(1);
  });

  it('keeps line breaks of multi-line text when asked', () => {
    const pre = document.createElement('pre');
    appendVisible(pre, 'one\r\ntwo\nthree', true);
    expect(pre.textContent).toBe('one\ntwo\nthree');
  });

  it('shows a CR inside a line visibly', () => {
    expect(visibleText('a\rb')).toBe('a\\x0Db');
  });
});
