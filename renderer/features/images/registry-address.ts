/**
 * A registry as people paste it (https://registry.example.com/, host:5000/v2/)
 * reduced to the host[:port] that `docker login` and image names use.
 */
export function registryFromInput(text: string): string {
  return text
    .trim()
    .replace(/^[a-z]+:\/\//i, '')
    .replace(/\/(v[12]\/?)?$/i, '')
    .replace(/\/+$/, '');
}
