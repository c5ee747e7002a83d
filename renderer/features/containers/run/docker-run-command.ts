import type { MountSpec, PortMapping, RunSpec } from '../../../../electron/api/run-schema';
import { quoteShellWord, splitShellWords } from './shell-words';

/** The equivalent `docker run` for a spec, one flag per piece of the form. */
export function buildDockerRun(spec: RunSpec): string {
  const args = ['docker', 'run', '-d'];
  if (spec.name) args.push('--name', spec.name);
  if (spec.tty) args.push('-it');
  for (const port of spec.ports) args.push('-p', portFlag(port));
  for (const variable of spec.env) args.push('-e', `${variable.key}=${variable.value}`);
  for (const mount of spec.mounts) args.push(...mountFlag(mount));
  if (spec.restart !== 'no') args.push('--restart', spec.restart);
  if (spec.cpus !== undefined) args.push('--cpus', String(spec.cpus));
  if (spec.memory !== undefined) args.push('--memory', memoryFlag(spec.memory));
  if (spec.network) args.push('--network', spec.network);
  for (const entry of spec.labels) args.push('--label', `${entry.key}=${entry.value}`);
  if (spec.entrypoint?.length) args.push('--entrypoint', spec.entrypoint[0]);
  args.push(spec.image);
  // docker run's --entrypoint takes one word; the rest of an entrypoint goes before the command.
  args.push(...(spec.entrypoint?.slice(1) ?? []), ...(spec.command ?? []));
  return args.map(quoteShellWord).join(' ');
}

function portFlag(port: PortMapping): string {
  const host = port.hostIp.includes(':') ? `[${port.hostIp}]` : port.hostIp;
  const protocol = port.protocol === 'tcp' ? '' : `/${port.protocol}`;
  return `${host}:${port.hostPort ?? ''}:${port.containerPort}${protocol}`;
}

function mountFlag(mount: MountSpec): string[] {
  if (mount.type === 'tmpfs') return ['--tmpfs', mount.target];
  return ['-v', `${mount.source}:${mount.target}${mount.readOnly ? ':ro' : ''}`];
}

function memoryFlag(bytes: number): string {
  for (const [unit, size] of [['g', 1024 ** 3], ['m', 1024 ** 2], ['k', 1024]] as const) {
    if (bytes % size === 0) return `${bytes / size}${unit}`;
  }
  return String(bytes);
}

/** "512m" → bytes; undefined when it is not a size. */
export function parseMemory(text: string): number | undefined {
  const match = /^(\d+(?:\.\d+)?)\s*([bkmg]?)b?$/i.exec(text.trim());
  if (!match) return undefined;
  const scale = { '': 1, b: 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 }[match[2].toLowerCase()] ?? 1;
  return Math.round(Number(match[1]) * scale);
}

export interface ParsedRun {
  spec: RunSpec;
  /** Flags Cais does not carry over, named so nothing is dropped silently. */
  unsupported: string[];
}

const IGNORED_FLAGS = new Set(['-d', '--detach', '-i', '--interactive']);
const VALUE_FLAGS = new Set([
  '--name', '-p', '--publish', '-e', '--env', '-v', '--volume', '--mount', '--tmpfs', '--restart', '--cpus',
  '-m', '--memory', '--network', '--net', '-l', '--label', '--entrypoint',
]);

/** Fills a run spec from a pasted `docker run …` line. */
export function parseDockerRun(line: string): ParsedRun {
  const words = splitShellWords(line.trim());
  let index = 0;
  if (words[index] === 'docker') index += 1;
  if (words[index] === 'container') index += 1;
  if (words[index] !== 'run') throw new Error('not a docker run command');
  index += 1;
  const spec: RunSpec = { image: '', env: [], ports: [], mounts: [], restart: 'no', labels: [], tty: false };
  const unsupported: string[] = [];

  while (index < words.length && words[index].startsWith('-')) {
    let flag = words[index];
    let value: string | undefined;
    const equals = flag.indexOf('=');
    if (flag.startsWith('--') && equals > 0) {
      value = flag.slice(equals + 1);
      flag = flag.slice(0, equals);
    }
    index += 1;
    if (flag === '-t' || flag === '--tty' || flag === '-it' || flag === '-ti') {
      spec.tty = true;
      continue;
    }
    if (IGNORED_FLAGS.has(flag)) continue;
    if (!VALUE_FLAGS.has(flag)) {
      // An unknown flag may take a value; without knowing, keep the next word as the image.
      unsupported.push(value === undefined ? flag : `${flag}=${value}`);
      continue;
    }
    value ??= words[index++];
    if (value === undefined) throw new Error(`${flag} needs a value`);
    applyFlag(spec, flag, value, unsupported);
  }
  spec.image = words[index++] ?? '';
  const rest = words.slice(index);
  if (rest.length) spec.command = rest;
  return { spec, unsupported };
}

function applyFlag(spec: RunSpec, flag: string, value: string, unsupported: string[]): void {
  switch (flag) {
    case '--name':
      spec.name = value;
      return;
    case '-p':
    case '--publish': {
      const port = parsePort(value);
      if (port) spec.ports.push(port);
      else unsupported.push(`${flag} ${value}`);
      return;
    }
    case '-e':
    case '--env': {
      const [key, ...rest] = value.split('=');
      spec.env.push({ key, value: rest.join('=') });
      return;
    }
    case '-v':
    case '--volume': {
      const mount = parseVolume(value);
      if (mount) spec.mounts.push(mount);
      else unsupported.push(`${flag} ${value}`);
      return;
    }
    case '--tmpfs':
      spec.mounts.push({ type: 'tmpfs', target: value.split(':')[0], readOnly: false });
      return;
    case '--mount': {
      const mount = parseMount(value);
      if (mount) spec.mounts.push(mount);
      else unsupported.push(`${flag} ${value}`);
      return;
    }
    case '--restart':
      if (['no', 'always', 'unless-stopped', 'on-failure'].includes(value.split(':')[0])) spec.restart = value.split(':')[0] as RunSpec['restart'];
      else unsupported.push(`${flag} ${value}`);
      return;
    case '--cpus':
      spec.cpus = Number(value);
      return;
    case '-m':
    case '--memory': {
      const bytes = parseMemory(value);
      if (bytes !== undefined) spec.memory = bytes;
      else unsupported.push(`${flag} ${value}`);
      return;
    }
    case '--network':
    case '--net':
      spec.network = value;
      return;
    case '-l':
    case '--label': {
      const [key, ...rest] = value.split('=');
      spec.labels.push({ key, value: rest.join('=') });
      return;
    }
    case '--entrypoint':
      spec.entrypoint = [value];
      return;
  }
}

/** [ip:][hostPort:]containerPort[/proto]; IPv6 hosts in brackets. */
export function parsePort(value: string): PortMapping | undefined {
  const match = /^(?:(\[[^\]]+\]|[\d.]+):)?(?:(\d*):)?(\d+)(?:\/(tcp|udp))?$/.exec(value);
  if (!match) return undefined;
  const [, ip, hostPort, containerPort, protocol] = match;
  return {
    containerPort: Number(containerPort),
    hostPort: hostPort ? Number(hostPort) : undefined,
    // docker run -p 8080:80 publishes on every address; say so rather than narrowing it.
    hostIp: ip ? ip.replace(/^\[|\]$/g, '') : '0.0.0.0',
    protocol: (protocol as 'tcp' | 'udp' | undefined) ?? 'tcp',
  };
}

function parseVolume(value: string): MountSpec | undefined {
  const parts = value.split(':');
  if (parts.length === 1) return undefined; // an anonymous volume: the image's own VOLUME does this
  const [source, target, options = ''] = parts;
  const readOnly = options.split(',').includes('ro');
  if (!target?.startsWith('/')) return undefined;
  return source.startsWith('/') ? { type: 'bind', source, target, readOnly } : { type: 'volume', source, target, readOnly };
}

function parseMount(value: string): MountSpec | undefined {
  const fields = new Map(value.split(',').map((part) => {
    const [key, ...rest] = part.split('=');
    return [key, rest.join('=') || 'true'] as const;
  }));
  const target = fields.get('target') ?? fields.get('destination') ?? fields.get('dst');
  const readOnly = fields.get('readonly') === 'true' || fields.get('ro') === 'true';
  const type = fields.get('type') ?? 'volume';
  if (!target) return undefined;
  if (type === 'tmpfs') return { type: 'tmpfs', target, readOnly };
  const source = fields.get('source') ?? fields.get('src');
  if (!source || (type !== 'volume' && type !== 'bind')) return undefined;
  return { type, source, target, readOnly };
}
