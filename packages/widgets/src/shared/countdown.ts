/**
 * Time left as `3:12:09`; hours may pass 24. For deadlines shown to the second (group buy's teams
 * and held seats); re-render with core's `ClockController` ticking every second. A live show's
 * start reads better as words ("in 5 minutes"): the live badge uses `i18n.relative` instead.
 */
export const countdown = (ms: number): string => {
  const s = Math.max(0, Math.ceil(ms / 1000));
  const two = (n: number) => String(n).padStart(2, '0');
  return `${Math.floor(s / 3600)}:${two(Math.floor(s / 60) % 60)}:${two(s % 60)}`;
};
