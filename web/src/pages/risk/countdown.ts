export type Urgency = 'overdue' | 'soon' | 'later';

export interface TimeLeft {
  readonly urgency: Urgency;
  readonly days: number;
  readonly hours: number;
  readonly minutes: number;
}

const MINUTE_MS = 60_000;
/** A RED alert is due in 2 hours and an ORANGE one in 24 (DOMAIN §5): under a day left is what needs doing now. */
const SOON_MS = 24 * 60 * MINUTE_MS;

/** How long until `dueBy` (or how long past it), in whole minutes, rounded away from now so that 0 never shows early. */
export function timeLeft(dueBy: string, now: Date): TimeLeft {
  const delta = Date.parse(dueBy) - now.getTime();
  const totalMinutes = Math.ceil(Math.abs(delta) / MINUTE_MS);
  const urgency: Urgency = delta <= 0 ? 'overdue' : delta < SOON_MS ? 'soon' : 'later';
  return { urgency, days: Math.floor(totalMinutes / 1440), hours: Math.floor((totalMinutes % 1440) / 60), minutes: totalMinutes % 60 };
}
