// The shapes fixtures write values in, once: times as the server sends them, money in minor units.
export const MINUTE = 60_000;
export const HOUR = 3_600_000;
export const DAY = 86_400_000;
export const iso = (ms: number) => new Date(ms).toISOString();
export const usd = (minor: number) => ({ minor, currency: 'USD' });
