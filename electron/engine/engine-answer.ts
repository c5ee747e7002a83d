/**
 * Engines answer some calls in more than one shape: Docker answers
 * `GET /containers/{id}/changes` for a container that changed no file with an
 * empty body (dockerode then hands back an empty Buffer), Podman with `null`,
 * and others with a JSON text dockerode did not parse. Cais normalises such
 * answers here before they reach an output schema, so an odd answer never
 * surfaces as a validation error.
 */

/** A list from the engine: an array as it is; null, an empty body or anything else → []; a JSON text or Buffer holding an array → that array. */
export function engineList<T>(answer: unknown): T[] {
  if (Array.isArray(answer)) return answer as T[];
  if (typeof answer === 'string' || Buffer.isBuffer(answer)) {
    const text = answer.toString().trim();
    if (!text) return [];
    try {
      const parsed: unknown = JSON.parse(text);
      return Array.isArray(parsed) ? (parsed as T[]) : [];
    } catch {
      return [];
    }
  }
  return [];
}

/** A text body from the engine (logs, …): a Buffer or a string as text; nothing → ''. */
export function engineText(answer: unknown): string {
  if (Buffer.isBuffer(answer)) return answer.toString('utf8');
  if (typeof answer === 'string') return answer;
  return '';
}

/** A record's entries whose values are of the given kinds; the engine leaving a field out (or null) drops it. */
export function definedValues(values: Record<string, string | number | boolean | null | undefined>): Record<string, string | number | boolean> {
  return Object.fromEntries(
    Object.entries(values).filter((entry): entry is [string, string | number | boolean] => ['string', 'number', 'boolean'].includes(typeof entry[1])),
  );
}
