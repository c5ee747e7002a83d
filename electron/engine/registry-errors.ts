/**
 * Sorts what the engine says when a pull, push or search fails into the few
 * cases a person can act on. The engine's own text always goes along.
 */
export type RegistryProblem =
  | 'IMAGE_NOT_FOUND'
  | 'TAG_NOT_FOUND'
  | 'UNAUTHORIZED'
  | 'REGISTRY_UNREACHABLE'
  | 'NO_NETWORK'
  | 'INSECURE_REGISTRY';

const RULES: [RegExp, RegistryProblem][] = [
  [/lookup .*(no such host|server misbehaving|temporary failure)|network is unreachable|no route to host.*(index\.docker|registry-1)|dial tcp: lookup/i, 'NO_NETWORK'],
  [/connection refused|i\/o timeout|no route to host|connection reset|context deadline exceeded|timeout awaiting|EOF$/i, 'REGISTRY_UNREACHABLE'],
  [/server gave HTTP response to HTTPS client|x509|certificate/i, 'INSECURE_REGISTRY'],
  [/unauthorized|authentication required|no basic auth credentials|incorrect username or password/i, 'UNAUTHORIZED'],
  [/pull access denied|repository does not exist|name unknown|repository name not known|denied: requested access/i, 'IMAGE_NOT_FOUND'],
  [/manifest unknown|manifest for .* not found|tag does not exist|not found: manifest/i, 'TAG_NOT_FOUND'],
];

export function classifyRegistryError(text: string): RegistryProblem | undefined {
  for (const [pattern, problem] of RULES) if (pattern.test(text)) return problem;
  return undefined;
}
