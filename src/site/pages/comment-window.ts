/**
 * Where a day stands in a comment window (公示期), for the script of
 * src/components/CommentPeriod.astro, which passes the reader's own date. No imports: the
 * browser bundle carries only this. Pure: "today" is an argument.
 */

export type WindowState = { state: 'upcoming'; days: number } | { state: 'open'; days: number } | { state: 'last-day' } | { state: 'closed' };

const dayNumber = (iso: string) => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / 86_400_000;

/** Where `today` (YYYY-MM-DD) stands in the window: days until it opens, or days left counting today. */
export function commentWindowState(from: string, to: string, today: string): WindowState {
  const d = dayNumber(today);
  if (d < dayNumber(from)) return { state: 'upcoming', days: dayNumber(from) - d };
  if (d > dayNumber(to)) return { state: 'closed' };
  if (d === dayNumber(to)) return { state: 'last-day' };
  return { state: 'open', days: dayNumber(to) - d + 1 };
}

/** The sentence for a state, from the page's message templates ({n}: days). */
export function windowMessage(s: WindowState, messages: { open: string; lastDay: string; upcoming: string; closed: string }): string {
  switch (s.state) {
    case 'upcoming':
      return messages.upcoming.replace('{n}', String(s.days));
    case 'open':
      return messages.open.replace('{n}', String(s.days));
    case 'last-day':
      return messages.lastDay;
    case 'closed':
      return messages.closed;
  }
}

/** A date as the reader's own clock has it, YYYY-MM-DD. */
export function localDay(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}
