/**
 * The instructor's REST calls (CONTRACTS.md §7), from the dashboard page: the browser's login
 * session (Spring Security's form login) authenticates them, and the page's own origin passes
 * Parley's cross-site guard. Every answer is read defensively.
 */

export interface Workshop {
  code: string;
  title: string;
  joinUrl: string;
  expiresAt?: string;
  capacity?: number;
  protocols: string[];
  targets: string[];
  endedAt?: string | null;
  running?: boolean;
}

export interface RosterRow {
  id: string;
  name: string;
  online: boolean;
  protocol?: string | null;
  target?: string | null;
  lastLine?: string | null;
  lastAt?: string | null;
  steps: Record<string, string[]>;
  lastError?: string | null;
}

export interface NewWorkshop {
  title: string;
  capacity?: number;
  durationMinutes?: number;
  protocols?: string[];
  targets?: string[];
}

/** A refusal with the server's sentence (problem+json detail) and, for a bad field, its name. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }

  /** The login expired (or the instructor logged out in another tab). */
  get loginNeeded(): boolean {
    return this.status === 401;
  }
}

export type Fetcher = (url: string, init?: RequestInit) => Promise<Response>;

export class InstructorApi {
  constructor(private readonly fetcher: Fetcher = (u, i) => fetch(u, i)) {}

  workshops(): Promise<Workshop[]> {
    return this.call<unknown>('GET', '/api/workshops').then((list) => (Array.isArray(list) ? list.map(workshop).filter((w): w is Workshop => !!w) : []));
  }

  create(w: NewWorkshop): Promise<Workshop> {
    return this.call<unknown>('POST', '/api/workshops', w).then((x) => {
      const made = workshop(x);
      if (!made) throw new ApiError(500, 'Parley made the workshop but its answer was unreadable: reload the page.');
      return made;
    });
  }

  roster(code: string): Promise<RosterRow[]> {
    return this.call<unknown>('GET', `/api/workshops/${enc(code)}/attendees`).then((list) => (Array.isArray(list) ? list.map(rosterRow).filter((r): r is RosterRow => !!r) : []));
  }

  broadcast(code: string, text: string): Promise<void> {
    return this.call('POST', `/api/workshops/${enc(code)}/broadcast`, { text }).then(() => undefined);
  }

  suggest(code: string, line: string, protocol: string | null): Promise<void> {
    return this.call('POST', `/api/workshops/${enc(code)}/suggest`, protocol ? { line, protocol } : { line }).then(() => undefined);
  }

  remove(code: string, attendee: string): Promise<void> {
    return this.call('DELETE', `/api/workshops/${enc(code)}/attendees/${enc(attendee)}`).then(() => undefined);
  }

  end(code: string): Promise<void> {
    return this.call('DELETE', `/api/workshops/${enc(code)}`).then(() => undefined);
  }

  private async call<T>(method: string, url: string, body?: unknown): Promise<T> {
    const init: RequestInit = { method, headers: { Accept: 'application/json, application/problem+json' }, credentials: 'same-origin' };
    if (body !== undefined) {
      init.headers = { ...init.headers, 'Content-Type': 'application/json' };
      init.body = JSON.stringify(body);
    }
    let r: Response;
    try {
      r = await this.fetcher(url, init);
    } catch (e) {
      throw new ApiError(0, `Parley could not be reached (${e instanceof Error ? e.message : String(e)}).`);
    }
    if (r.status === 401 || r.redirected) throw new ApiError(401, 'Your instructor login has expired: log in again.');
    const text = await r.text();
    let json: unknown = null;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      json = null;
    }
    if (!r.ok) {
      const p = (json ?? {}) as { detail?: unknown; field?: unknown };
      const detail = typeof p.detail === 'string' ? p.detail : `Parley answered ${r.status}.`;
      throw new ApiError(r.status, detail, typeof p.field === 'string' ? p.field : undefined);
    }
    return json as T;
  }
}

function enc(s: string): string {
  return encodeURIComponent(s);
}

function strings(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

function workshop(x: unknown): Workshop | null {
  if (typeof x !== 'object' || x === null) return null;
  const w = x as Record<string, unknown>;
  if (typeof w.code !== 'string' || typeof w.title !== 'string') return null;
  return {
    code: w.code,
    title: w.title,
    joinUrl: typeof w.joinUrl === 'string' ? w.joinUrl : `${location.origin}/w/${w.code}`,
    expiresAt: typeof w.expiresAt === 'string' ? w.expiresAt : undefined,
    capacity: typeof w.capacity === 'number' ? w.capacity : undefined,
    protocols: strings(w.protocols),
    targets: strings(w.targets),
    endedAt: typeof w.endedAt === 'string' ? w.endedAt : null,
    running: typeof w.running === 'boolean' ? w.running : !w.endedAt,
  };
}

function rosterRow(x: unknown): RosterRow | null {
  if (typeof x !== 'object' || x === null) return null;
  const r = x as Record<string, unknown>;
  if (typeof r.id !== 'string') return null;
  const steps: Record<string, string[]> = {};
  if (typeof r.steps === 'object' && r.steps !== null) {
    for (const [k, v] of Object.entries(r.steps as Record<string, unknown>)) steps[k] = strings(v);
  }
  const s = (v: unknown) => (typeof v === 'string' ? v : null);
  return {
    id: r.id,
    name: typeof r.name === 'string' ? r.name : '?',
    online: r.online === true,
    protocol: s(r.protocol),
    target: s(r.target),
    lastLine: s(r.lastLine),
    lastAt: s(r.lastAt),
    steps,
    lastError: s(r.lastError),
  };
}
