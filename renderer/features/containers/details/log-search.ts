/**
 * The current search hit, kept inside the hits there are: when old lines are
 * trimmed away (the window keeps only the newest lines), a hit the user had
 * reached may be gone, and the counter must never read "6 of 5".
 */
export function clampMatch(current: number, count: number): number {
  if (count <= 0) return 0;
  return Math.min(Math.max(current, 0), count - 1);
}
