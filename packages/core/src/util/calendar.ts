export interface CalendarEvent {
  readonly uid: string;
  readonly title: string;
  readonly start: Date | string;
  readonly durationMinutes?: number;
  readonly url?: string;
}

const escape = (s: string) => s.replace(/[\\;,]/g, (c) => `\\${c}`).replace(/\r?\n/g, '\\n');
const stamp = (d: Date | string) =>
  new Date(d)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');

/** An RFC 5545 calendar with one event, for "add to calendar" (live shows, deadlines). */
export function toIcs(e: CalendarEvent, now: Date = new Date()): string {
  return [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Kith//Kith//EN',
    'BEGIN:VEVENT',
    `UID:${escape(e.uid)}@kith`,
    `DTSTAMP:${stamp(now)}`,
    `DTSTART:${stamp(e.start)}`,
    `DURATION:PT${e.durationMinutes ?? 60}M`,
    `SUMMARY:${escape(e.title)}`,
    ...(e.url ? [`URL:${e.url}`, `DESCRIPTION:${escape(e.url)}`] : []),
    'END:VEVENT',
    'END:VCALENDAR',
    '',
  ].join('\r\n');
}

/** A `data:` link the browser downloads: no script and no blob URL, so it works under strict CSP. */
export const icsHref = (ics: string): string => `data:text/calendar;charset=utf-8,${encodeURIComponent(ics)}`;
