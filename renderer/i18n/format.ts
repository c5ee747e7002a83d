/**
 * Every number, size, percentage and date the user reads goes through here, in
 * the UI's language ("1,9 MiB" and "0,0%" in pt-BR, "1.9 MiB" and "0.0%" in en).
 * A source scan (scripts/locale-format.test.ts) fails on toFixed()/toLocale*() or a new Intl
 * formatter anywhere else in renderer/.
 */

const numberFormats = new Map<string, Intl.NumberFormat>();

function numberFormat(language: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${language}|${JSON.stringify(options)}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(language, options);
    numberFormats.set(key, format);
  }
  return format;
}

/** A plain number: "1.234,5" in pt-BR. `digits` fixes the decimals; else up to 2. */
export function formatNumber(value: number, language: string, digits?: number): string {
  const options: Intl.NumberFormatOptions =
    digits === undefined ? { maximumFractionDigits: 2 } : { minimumFractionDigits: digits, maximumFractionDigits: digits };
  return numberFormat(language, options).format(value);
}

/**
 * A decimal as a person types it: "0,5" (pt-BR) and "0.5" (en, and every docker command) both read
 * 0.5 in every language. Undefined when the text is not one plain number (no grouping: "1.000" is 1).
 */
export function parseDecimal(text: string): number | undefined {
  const typed = text.trim();
  if (!/^(\d+([.,]\d*)?|[.,]\d+)$/.test(typed)) return undefined;
  return Number(typed.replace(',', '.'));
}

/** A decimal to fill a field with, in the language's separator and without grouping, so parseDecimal reads it back. */
export function formatDecimalInput(value: number, language: string): string {
  const separator = numberFormat(language, {}).formatToParts(1.5).find((part) => part.type === 'decimal')?.value ?? '.';
  return String(value).replace('.', separator);
}

/** A percentage given as 0–100 (how the engine reports CPU): "12,5%" / "12.5%". */
export function formatPercent(percent: number, language: string, digits = 1): string {
  return numberFormat(language, { style: 'percent', minimumFractionDigits: digits, maximumFractionDigits: digits }).format(percent / 100);
}

function scaled(bytes: number, base: number, units: number): { value: number; unit: number } {
  let value = Math.max(0, bytes);
  let unit = 0;
  while (value >= base && unit < units - 1) {
    value /= base;
    unit += 1;
  }
  return { value, unit };
}

const DECIMAL_UNITS = ['B', 'kB', 'MB', 'GB', 'TB'];

/** "12.3 MB" / "12,3 MB": decimal units, as the docker CLI shows image sizes. */
export function formatDecimalBytes(bytes: number, language: string): string {
  const { value, unit } = scaled(bytes, 1000, DECIMAL_UNITS.length);
  const digits = unit === 0 || value >= 100 ? 0 : 1;
  return `${formatNumber(value, language, digits)} ${DECIMAL_UNITS[unit]}`;
}

const BINARY_UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];

/**
 * Binary units, as memory limits are set (64m = 64 MiB): "1.5 KiB" / "1,5 KiB".
 * `fixed` keeps one decimal even when it is 0 ("2.0 MiB", for live figures that should not jump).
 */
export function formatBinaryBytes(bytes: number, language: string, { fixed = false }: { fixed?: boolean } = {}): string {
  const { value, unit } = scaled(bytes, 1024, BINARY_UNITS.length);
  const text =
    unit === 0
      ? formatNumber(Math.round(value), language, 0)
      : numberFormat(language, { minimumFractionDigits: fixed ? 1 : 0, maximumFractionDigits: 1 }).format(value);
  return `${text} ${BINARY_UNITS[unit]}`;
}

const FILE_UNITS = ['byte', 'kilobyte', 'megabyte', 'gigabyte', 'terabyte'] as const;

/** "1.5 MB" / "1,5 MB", "12 bytes": decimal units as file managers show them. */
export function formatFileSize(bytes: number, language: string): string {
  const { value, unit } = scaled(bytes, 1000, FILE_UNITS.length);
  return numberFormat(language, {
    style: 'unit',
    unit: FILE_UNITS[unit],
    unitDisplay: unit === 0 ? 'long' : 'short',
    maximumFractionDigits: unit === 0 ? 0 : value < 10 ? 1 : 0,
  }).format(value);
}

/** Date and time: "05/12/2026, 09:12:03" in pt-BR. */
export function formatDateTime(value: Date | number | string, language: string): string {
  return new Date(value).toLocaleString(language);
}

/** Time of day: "09:12:03". */
export function formatTime(value: Date | number | string, language: string): string {
  return new Date(value).toLocaleTimeString(language);
}

const RELATIVE_UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
  ['second', 1],
];

/** "3 minutes ago" / "há 3 minutos" from a Unix time in seconds. */
export function relativeTime(unixSeconds: number, language: string, nowMs = Date.now()): string {
  const diff = unixSeconds - nowMs / 1000;
  const format = new Intl.RelativeTimeFormat(language, { numeric: 'auto' });
  const index = RELATIVE_UNITS.findIndex(([, size]) => Math.abs(diff) >= size);
  let [unit, size] = RELATIVE_UNITS[index === -1 ? RELATIVE_UNITS.length - 1 : index];
  let value = Math.round(diff / size);
  // Rounding can reach the next unit up: 59.6 s reads "1 minute", not "60 seconds".
  const larger = RELATIVE_UNITS[RELATIVE_UNITS.findIndex(([name]) => name === unit) - 1];
  if (larger && Math.abs(value) * size >= larger[1]) {
    [unit, size] = larger;
    value = Math.sign(diff) * Math.max(1, Math.round(Math.abs(diff) / size));
  }
  return format.format(value, unit);
}
