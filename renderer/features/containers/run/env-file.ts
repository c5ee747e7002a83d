/** Reads a .env file: KEY=VALUE lines, `export` allowed, # comments, optional quotes. */
export function parseEnvFile(text: string): { key: string; value: string }[] {
  const variables: { key: string; value: string }[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim().replace(/^export\s+/, '');
    if (!line || line.startsWith('#')) continue;
    const equals = line.indexOf('=');
    if (equals <= 0) continue;
    const key = line.slice(0, equals).trim();
    let value = line.slice(equals + 1).trim();
    if (/^(['"]).*\1$/.test(value)) value = value.slice(1, -1);
    variables.push({ key, value });
  }
  return variables;
}
