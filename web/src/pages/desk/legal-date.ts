/** Legal dates are Asia/Shanghai calendar dates (DOMAIN §4), whatever zone the desk computer is set to. */
const LEGAL_TIME_ZONE = 'Asia/Shanghai';

// en-CA writes dates as YYYY-MM-DD, the API's legal-date format.
const LEGAL_DATE = new Intl.DateTimeFormat('en-CA', { timeZone: LEGAL_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });

export function legalDateOf(instant: Date): string {
  return LEGAL_DATE.format(instant);
}

/** `date` + `days` calendar days, both YYYY-MM-DD; counted in UTC so that no daylight-saving shift can skip a day. */
export function addDays(date: string, days: number): string {
  const day = new Date(`${date}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + days);
  return day.toISOString().slice(0, 10);
}
