export type NameProblem = 'empty' | 'short' | 'characters' | 'long' | 'taken';

/** Checks a container name as the engine would, plus uniqueness, while the user types. */
export function containerNameProblem(name: string, takenNames: string[]): NameProblem | undefined {
  if (name.length === 0) return 'empty';
  if (name.length > 128) return 'long';
  if (!/^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/.test(name)) return 'characters';
  if (name.length < 2) return 'short';
  if (takenNames.includes(name)) return 'taken';
  return undefined;
}
