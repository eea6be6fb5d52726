/**
 * Workshop join codes as people type them off a projector: six characters from an alphabet
 * without look-alikes (the server's JoinCodes), in any case, with spaces or a dash.
 */
export const ALPHABET = 'ACDEFGHJKMNPQRTUVWXY34679';
export const LENGTH = 6;

/** The code in its canonical form, or null when what was typed cannot be one. */
export function normalCode(typed: string): string | null {
  const code = typed.trim().toUpperCase().replace(/[\s-]/g, '');
  return code.length === LENGTH && [...code].every((c) => ALPHABET.includes(c)) ? code : null;
}

/** What to say about a code that cannot be one: which characters are wrong, or how long it should be. */
export function codeProblem(typed: string): string {
  const code = typed.trim().toUpperCase().replace(/[\s-]/g, '');
  if (code === '') return 'Type the workshop code your instructor shows: six letters and digits.';
  const odd = [...new Set([...code].filter((c) => !ALPHABET.includes(c)))];
  if (odd.length) {
    const hint = odd.some((c) => '0O1IL5S2Z8B'.includes(c)) ? ' Codes never use 0, O, 1, I, L, 5, S, 2, Z, 8 or B, which look alike.' : '';
    return `A workshop code has no ${odd.map((c) => `“${c}”`).join(', ')}.${hint} Check it with your instructor.`;
  }
  return `A workshop code is ${LENGTH} characters; that was ${code.length}. Check it with your instructor.`;
}

/** Wires a "type the code" form: a valid code goes to its join page, /w/CODE. */
export function wireCodeForm(form: HTMLFormElement, input: HTMLInputElement, problem: HTMLElement, go: (url: string) => void = (u) => window.location.assign(u)): void {
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const code = normalCode(input.value);
    if (!code) {
      problem.textContent = codeProblem(input.value);
      input.setAttribute('aria-invalid', 'true');
      input.focus();
      return;
    }
    input.removeAttribute('aria-invalid');
    problem.textContent = '';
    go(`/w/${code}`);
  });
}
