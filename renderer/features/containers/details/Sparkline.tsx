/** A small line chart of the last samples; values scale to `max` (or their own peak). */
export function Sparkline({ values, max, label }: { values: number[]; max?: number; label: string }) {
  const width = 320;
  const height = 80;
  const top = Math.max(max ?? 0, ...values, 1e-9);
  const step = values.length > 1 ? width / (values.length - 1) : width;
  // SVG coordinates, not text: rounded to a tenth, never locale-formatted.
  const tenth = (value: number) => Math.round(value * 10) / 10;
  const points = values.map((value, index) => `${tenth(index * step)},${tenth(height - (value / top) * height)}`).join(' ');
  return (
    <svg role="img" aria-label={label} viewBox={`0 0 ${width} ${height}`} className="h-20 w-full rounded bg-slate-100 dark:bg-slate-800">
      <polyline points={points} fill="none" strokeWidth="2" className="stroke-sky-700 dark:stroke-sky-300" />
    </svg>
  );
}
