import dayjs, { type Dayjs } from 'dayjs';

// The event forms keep their values in the shape of the event's payload — dates as YYYY-MM-DD strings, instants as
// ISO 8601 with offset — so that the service's field problems (`terms.schedule[1].amount`) land under the field that
// holds that value, and what is sent is what the form holds.

const SHANGHAI_DATE = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' });

/** Today's legal date (Asia/Shanghai, DOMAIN §4), whatever time zone the desk's computer is set to. */
export function legalToday(now: Date = new Date()): string {
  return SHANGHAI_DATE.format(now);
}

/** Form.Item props for a DatePicker whose form value is a YYYY-MM-DD string. */
export const dateValueProps = {
  getValueProps: (value?: string) => ({ value: value ? dayjs(value) : undefined }),
  normalize: (value?: Dayjs | null) => (value ? value.format('YYYY-MM-DD') : undefined),
};

/** Form.Item props for a DatePicker with time whose form value is an ISO 8601 instant with the local offset. */
export const instantValueProps = {
  getValueProps: (value?: string) => ({ value: value ? dayjs(value) : undefined }),
  normalize: (value?: Dayjs | null) => (value ? value.second(0).millisecond(0).format() : undefined),
};

/** Strings trimmed; empty strings, undefined and null left out: the service refuses an empty optional note. */
export function cleanPayload(values: Record<string, unknown>): Record<string, unknown> {
  const payload: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(values)) {
    const cleaned = typeof value === 'string' ? value.trim() : value;
    if (cleaned !== undefined && cleaned !== null && cleaned !== '') payload[key] = cleaned;
  }
  return payload;
}
