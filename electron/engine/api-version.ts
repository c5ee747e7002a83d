/** The newest Engine API version Cais is written against. */
export const CLIENT_API_VERSION = '1.47';

function parts(version: string): [number, number] {
  const [major, minor] = version.split('.').map((n) => Number.parseInt(n, 10));
  return [major || 0, minor || 0];
}

export function compareApiVersions(a: string, b: string): number {
  const [aMajor, aMinor] = parts(a);
  const [bMajor, bMinor] = parts(b);
  return aMajor - bMajor || aMinor - bMinor;
}

/**
 * Pins the lower of the server's and our API version, as the docker CLI
 * does; dockerode leaves this to the caller. Unversioned requests would get
 * the server's newest, whose answers we may not understand.
 */
export function negotiateApiVersion(serverVersion: string | undefined): string {
  if (!serverVersion) return CLIENT_API_VERSION;
  return compareApiVersions(serverVersion, CLIENT_API_VERSION) < 0 ? serverVersion : CLIENT_API_VERSION;
}
