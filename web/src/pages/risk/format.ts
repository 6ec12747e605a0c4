import dayjs from 'dayjs';

/** An instant as a desk reads it, in the browser's time zone (the desks are in China): 2026-12-01 14:05. */
export function formatInstant(iso: string): string {
  return dayjs(iso).format('YYYY-MM-DD HH:mm');
}
