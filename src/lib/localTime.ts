/**
 * A moment in the learner's own time zone, as `2026-12-04 14:37:52 (UTC+1)`: unambiguous in
 * every locale, and built from the Date's own fields. (`toLocaleString` would read the
 * same, but its first call in a page loads the locale data: 40-60 ms of main thread on this
 * machine, in the middle of hydrating the token inspector.)
 */
export function localDateTime(seconds: number): string {
  const date = new Date(seconds * 1000);
  if (!Number.isFinite(seconds) || Number.isNaN(date.getTime()))
    return `${seconds} (beyond the dates JavaScript can show)`;
  const two = (value: number) => String(value).padStart(2, '0');
  const year = date.getFullYear();
  const yearText = year < 0 ? `-${String(-year).padStart(4, '0')}` : String(year).padStart(4, '0');
  const day = `${yearText}-${two(date.getMonth() + 1)}-${two(date.getDate())}`;
  const time = `${two(date.getHours())}:${two(date.getMinutes())}:${two(date.getSeconds())}`;
  return `${day} ${time} (${utcOffset(date.getTimezoneOffset())})`;
}

/** `getTimezoneOffset()` (minutes *behind* UTC) as the offset people write: UTC, UTC+1, UTC-3:30. */
export function utcOffset(timezoneOffset: number): string {
  if (timezoneOffset === 0) return 'UTC';
  const ahead = -timezoneOffset;
  const hours = Math.floor(Math.abs(ahead) / 60);
  const minutes = Math.abs(ahead) % 60;
  return `UTC${ahead > 0 ? '+' : '-'}${hours}${minutes ? `:${String(minutes).padStart(2, '0')}` : ''}`;
}
