import type Docker from 'dockerode';
import type { CatalogResult, SearchResult } from '../api/images-schemas';
import { CodedError } from './coded-error';
import { errorText } from './errors';
import { classifyRegistryError } from './registry-errors';

const CATALOG_TIMEOUT_MS = 5000;
const MAX_TAG_LOOKUPS = 25;

/** `docker search`: Docker Hub through the engine. Offline is a state, not an error. */
export async function searchImages(docker: Docker, term: string): Promise<SearchResult> {
  try {
    const results = (await docker.searchImages({ term, limit: 25 })) as {
      name: string;
      description?: string;
      star_count?: number;
      is_official?: boolean;
    }[];
    return {
      state: 'ok',
      results: results.map((r) => ({ name: r.name, description: r.description ?? '', stars: r.star_count ?? 0, official: Boolean(r.is_official) })),
    };
  } catch (error) {
    const text = (error as { json?: { message?: string } }).json?.message ?? errorText(error);
    // Docker never answers 404 here; Podman does when registries.conf lists no
    // unqualified-search-registries (as Debian ships it): "image not known".
    if ((error as { statusCode?: number }).statusCode === 404) throw new CodedError('SEARCH_NO_REGISTRIES', text, undefined, 404);
    const problem = classifyRegistryError(text);
    if (problem === 'NO_NETWORK' || problem === 'REGISTRY_UNREACHABLE') return { state: 'no-network', detail: text };
    throw error;
  }
}

/** Loopback registries speak plain HTTP (the engine trusts 127.0.0.0/8 so); others HTTPS. */
export function registryBaseUrl(registry: string): string {
  const host = registry.replace(/:\d+$/, '').replace(/^\[|\]$/g, '');
  const loopback = host === 'localhost' || host === '::1' || /^127\./.test(host);
  return `${loopback ? 'http' : 'https'}://${registry}`;
}

/** A stored login, sent as HTTP Basic auth (registries with an htpasswd or LDAP front). */
export interface CatalogLogin {
  username: string;
  password: string;
}

async function getJson(url: string, signal?: AbortSignal, login?: CatalogLogin): Promise<{ status: number; body: unknown }> {
  const timeout = AbortSignal.timeout(CATALOG_TIMEOUT_MS);
  const headers: Record<string, string> = { accept: 'application/json' };
  if (login) headers.authorization = `Basic ${Buffer.from(`${login.username}:${login.password}`).toString('base64')}`;
  const response = await fetch(url, {
    signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
    headers,
  });
  const body = response.ok ? await response.json() : await response.text();
  return { status: response.status, body };
}

/**
 * A registry's own catalog (GET /v2/_catalog) filtered by `term`, with the
 * tags of the first matches (GET /v2/NAME/tags/list). Fetched here, in the
 * main process, never by the renderer.
 */
export async function registryCatalog(registry: string, term: string, signal?: AbortSignal, login?: CatalogLogin): Promise<CatalogResult> {
  const base = registryBaseUrl(registry);
  let catalog: { status: number; body: unknown };
  try {
    catalog = await getJson(`${base}/v2/_catalog?n=1000`, signal, login);
  } catch (error) {
    const cause = (error as { cause?: unknown }).cause;
    return { state: 'unreachable', detail: `${base}: ${errorText(cause ?? error)}` };
  }
  if (catalog.status === 401 || catalog.status === 403) return { state: 'unauthorized', detail: String(catalog.body).slice(0, 500) };
  if (catalog.status !== 200) return { state: 'no-catalog', detail: `HTTP ${catalog.status}: ${String(catalog.body).slice(0, 500)}` };
  const all = ((catalog.body as { repositories?: string[] }).repositories ?? []).filter((name) => typeof name === 'string');
  const needle = term.trim().toLowerCase();
  const matches = all.filter((name) => name.toLowerCase().includes(needle));
  const repositories = await Promise.all(
    matches.slice(0, MAX_TAG_LOOKUPS).map(async (name) => {
      try {
        const tags = await getJson(`${base}/v2/${name}/tags/list`, signal, login);
        const list = tags.status === 200 ? ((tags.body as { tags?: string[] | null }).tags ?? []) : [];
        return { name, tags: [...list].sort() };
      } catch {
        return { name, tags: [] };
      }
    }),
  );
  return { state: 'ok', repositories: [...repositories, ...matches.slice(MAX_TAG_LOOKUPS).map((name) => ({ name, tags: [] }))], total: all.length };
}
