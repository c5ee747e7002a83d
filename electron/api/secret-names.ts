/**
 * The one rule for "this name holds a secret", shared by the log's redaction
 * (electron/logging/app-log.ts) and the UI's mask of environment values
 * (a container's Summary): DB_PASS, MYSQL_ROOT_PASSWORD, SESSION_KEY,
 * GITHUB_PAT, api_token, "auth", Cookie… Over-masking a harmless name
 * (KEYBOARD) costs a click; missing a secret costs the secret.
 */
export const SECRET_NAME = /pass|secret|token|key|pwd|credential|auth(?!or)|cookie|(?:^|[_.-])pat$/i;

export function isSecretName(name: string): boolean {
  return SECRET_NAME.test(name);
}
