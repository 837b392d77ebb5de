/** A timestamp as the API writes it: ISO 8601 in UTC (`2025-01-31T12:00:00.000Z`), from a driver's Date or text. */
export const iso = (d: Date | string): string => new Date(d).toISOString();
