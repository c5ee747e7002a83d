/**
 * Image references as the engine understands them (the grammar of
 * distribution/reference): [host[:port]/]path[:tag][@digest].
 */
export interface ImageReference {
  /** Registry host and port, when given (e.g. 127.0.0.1:5000). */
  domain?: string;
  /** Repository path, e.g. library/busybox or cais-test/busybox. */
  path: string;
  tag?: string;
  digest?: string;
  /** The repository as typed, with its domain: what the engine is asked for. */
  repository: string;
}

export type ReferenceProblem =
  | 'empty'
  | 'too-long'
  | 'uppercase'
  | 'bad-domain'
  | 'bad-path'
  | 'bad-tag'
  | 'empty-tag'
  | 'bad-digest'
  | 'whitespace';

export type ParsedReference = { ok: true; reference: ImageReference } | { ok: false; problem: ReferenceProblem };

const PATH_COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const DOMAIN_COMPONENT = /^(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])$/;
const TAG = /^[\w][\w.-]{0,127}$/;
const DIGEST = /^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-fA-F0-9]{32,}$/;
const MAX_NAME = 255;

function validDomain(domain: string): boolean {
  if (domain.startsWith('[')) return /^\[[0-9a-fA-F:.]+\](?::\d{1,5})?$/.test(domain);
  const [host, port, ...rest] = domain.split(':');
  if (rest.length > 0) return false;
  if (port !== undefined && !/^\d{1,5}$/.test(port)) return false;
  return host.split('.').every((part) => DOMAIN_COMPONENT.test(part));
}

/** A first component is a registry when it has a dot or a port, or is localhost. */
function looksLikeDomain(component: string): boolean {
  return component.includes('.') || component.includes(':') || component === 'localhost' || component.startsWith('[');
}

export function parseReference(input: string): ParsedReference {
  if (input.trim() === '') return { ok: false, problem: 'empty' };
  if (/\s/.test(input)) return { ok: false, problem: 'whitespace' };
  let rest = input;
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at !== -1) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
    if (!DIGEST.test(digest)) return { ok: false, problem: 'bad-digest' };
  }
  let tag: string | undefined;
  const lastColon = rest.lastIndexOf(':');
  if (lastColon !== -1 && !rest.slice(lastColon + 1).includes('/')) {
    tag = rest.slice(lastColon + 1);
    rest = rest.slice(0, lastColon);
    if (tag === '') return { ok: false, problem: 'empty-tag' };
    if (!TAG.test(tag)) return { ok: false, problem: 'bad-tag' };
  }
  if (rest.length > MAX_NAME) return { ok: false, problem: 'too-long' };
  const slash = rest.indexOf('/');
  let domain: string | undefined;
  let path = rest;
  if (slash !== -1 && looksLikeDomain(rest.slice(0, slash))) {
    domain = rest.slice(0, slash);
    path = rest.slice(slash + 1);
    if (!validDomain(domain)) return { ok: false, problem: 'bad-domain' };
  }
  if (path === '') return { ok: false, problem: 'bad-path' };
  const components = path.split('/');
  for (const component of components) {
    if (PATH_COMPONENT.test(component)) continue;
    return { ok: false, problem: PATH_COMPONENT.test(component.toLowerCase()) ? 'uppercase' : 'bad-path' };
  }
  return { ok: true, reference: { domain, path, tag, digest, repository: rest } };
}

/** The reference as the engine stores it: an absent tag and digest mean :latest. */
export function withDefaultTag(reference: ImageReference): string {
  if (reference.digest) return `${reference.repository}${reference.tag ? `:${reference.tag}` : ''}@${reference.digest}`;
  return `${reference.repository}:${reference.tag ?? 'latest'}`;
}

/** The registry a reference talks to, as the engine names it (Docker Hub when none is given). */
export function registryOf(reference: ImageReference): string {
  return reference.domain ?? 'docker.io';
}
