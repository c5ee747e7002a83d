import type Docker from 'dockerode';
import { CodedError } from './coded-error';
import { errorText } from './errors';
import { classifyRegistryError } from './registry-errors';

/** Docker Hub's server address, as `docker login` sends it to the engine. */
export const HUB_SERVER_ADDRESS = 'https://index.docker.io/v1/';
const HUB_NAMES = new Set(['docker.io', 'index.docker.io', 'registry-1.docker.io', 'registry.hub.docker.com']);

/** One key per registry: lower-case host[:port]; Docker Hub's names are all docker.io (as registryOf says). */
export function registryKey(registry: string): string {
  const key = registry.trim().toLowerCase();
  return HUB_NAMES.has(key) ? 'docker.io' : key;
}

/** What the engine expects as `serveraddress` for a registry key. */
export function serverAddress(registry: string): string {
  return registryKey(registry) === 'docker.io' ? HUB_SERVER_ADDRESS : registryKey(registry);
}

export interface LoginRequest {
  registry: string;
  username: string;
  password: string;
}

/** The X-Registry-Auth body for one registry. */
export function authConfig(login: LoginRequest): Docker.AuthConfig {
  return { username: login.username, password: login.password, serveraddress: serverAddress(login.registry) };
}

/** The X-Registry-Config body of a build: every login, keyed as the engine looks them up. */
export function registryConfig(logins: LoginRequest[]): Record<string, { username: string; password: string }> {
  return Object.fromEntries(logins.map((login) => [serverAddress(login.registry), { username: login.username, password: login.password }]));
}

/**
 * `docker login`: the engine tries the user name and password against the
 * registry (POST /auth). A refusal is LOGIN_REFUSED; an unreachable or
 * plain-HTTP registry keeps its registry code. The password is in no message.
 */
export async function checkLogin(docker: Docker, login: LoginRequest, signal?: AbortSignal): Promise<void> {
  try {
    await docker.checkAuth({ ...authConfig(login), abortSignal: signal });
  } catch (error) {
    const text = (error as { json?: { message?: string } }).json?.message ?? errorText(error);
    const problem = classifyRegistryError(text);
    const status = (error as { statusCode?: number }).statusCode;
    if (problem === 'UNAUTHORIZED' || (!problem && status === 401)) throw new CodedError('LOGIN_REFUSED', text, { registry: login.registry }, 401);
    if (problem) throw new CodedError(problem, text, { registry: login.registry }, 502);
    throw error;
  }
}
