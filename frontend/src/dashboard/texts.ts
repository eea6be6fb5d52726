/** The small texts the dashboard shows: times, time left, and whether a join link names loopback. */

/** A join link the room cannot use: it names this machine's loopback (the dashboard was opened as localhost). */
export function loopbackLink(url: string): boolean {
  try {
    const host = new URL(url).hostname;
    return host === 'localhost' || host.endsWith('.localhost') || host === '[::1]' || /^127\./.test(host);
  } catch {
    return false;
  }
}

export function time(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? '' : d.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
}

/** "in 3 h 20 min" */
export function left(ms: number): string {
  if (ms <= 0) return 'time is up';
  const min = Math.round(ms / 60_000);
  if (min < 60) return `${min} min left`;
  const h = Math.floor(min / 60);
  return `${h} h${min % 60 ? ` ${min % 60} min` : ''} left`;
}
