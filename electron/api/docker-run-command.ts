import { mountSpec, portMapping, type MountSpec, type PortMapping, type RunSpec } from './run-schema';
import { hostAccessArgs, type HostAccess } from './host-access';
import { quoteShellWord, splitShellWords } from './shell-words';

/**
 * The equivalent `docker run` for a spec, one flag per piece of the form;
 * `access` adds what gives the container power over the host (privileged
 * mode, capabilities, devices, the host's processes), which a recreate keeps.
 */
export function buildDockerRun(spec: RunSpec, access?: Partial<HostAccess>): string {
  const args = ['docker', 'run', '-d'];
  if (spec.name) args.push('--name', spec.name);
  if (spec.tty) args.push('-it');
  for (const port of spec.ports) args.push('-p', portFlag(port));
  for (const variable of spec.env) args.push('-e', `${variable.key}=${variable.value}`);
  for (const mount of spec.mounts) args.push(...mountFlag(mount));
  if (spec.restart !== 'no') args.push('--restart', spec.restart);
  if (spec.cpus !== undefined) args.push('--cpus', cpusFlag(spec.cpus));
  if (spec.memory !== undefined) args.push('--memory', memoryFlag(spec.memory));
  if (spec.network) args.push('--network', spec.network);
  args.push(...hostAccessArgs(access));
  for (const entry of spec.labels) args.push('--label', `${entry.key}=${entry.value}`);
  // An empty entrypoint resets the image's one; `--entrypoint ''` is how docker run says that.
  if (spec.entrypoint) args.push('--entrypoint', spec.entrypoint[0] ?? '');
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

/**
 * A mount as Cais makes it. A named volume read-write reads as -v (the engine
 * mounts it the same either way). Everything else needs --mount to do
 * exactly what Cais does: -v creates a missing host folder (Cais's mount
 * refuses it) and mounts a read-only volume without the engine's usual
 * options; --tmpfs adds noexec and is not listed among the mounts.
 */
function mountFlag(mount: MountSpec): string[] {
  // -v splits on ':', so a path with a colon of its own needs --mount too.
  if (mount.type === 'volume' && !mount.readOnly && !mount.target.includes(':')) return ['-v', `${mount.source}:${mount.target}`];
  const fields = [`type=${mount.type}`, ...(mount.type === 'tmpfs' ? [] : [`source=${mount.source}`]), `target=${mount.target}`];
  if (mount.readOnly) fields.push('readonly');
  return ['--mount', fields.map(csvField).join(',')];
}

const DRIVE = /^[a-zA-Z]:[\\/]/;

/** --mount is read as one CSV record: a field with a comma or a quote is quoted, quotes doubled. */
function csvField(field: string): string {
  return /[",\r\n]/.test(field) ? `"${field.replaceAll('"', '""')}"` : field;
}

/** CPUs as the engine keeps them (billionths); docker refuses more digits than that. */
export function cpusFlag(cpus: number): string {
  return String(Math.round(cpus * 1e9) / 1e9);
}

/** Bytes in the largest unit that says them exactly, as docker reads it back. */
export function memoryFlag(bytes: number): string {
  for (const [unit, size] of [['g', 1024 ** 3], ['m', 1024 ** 2], ['k', 1024]] as const) {
    if (bytes % size === 0) return `${bytes / size}${unit}`;
  }
  return String(bytes);
}

/** "512m" → bytes, read as docker does (k, m, g, t, p; KiB, MB… alike); undefined when it is not a size. */
export function parseMemory(text: string): number | undefined {
  const match = /^(\d+(?:\.\d+)?) ?([kmgtp])?i?b?$/i.exec(text.trim());
  if (!match) return undefined;
  const power = ' kmgtp'.indexOf((match[2] ?? ' ').toLowerCase());
  return Math.round(Number(match[1]) * 1024 ** power);
}

export interface ParsedRun {
  spec: RunSpec;
  /** Flags Cais does not carry over, named so nothing is dropped silently. */
  unsupported: string[];
}

/** Flags the spec carries over, each taking a value. */
const SUPPORTED_VALUE_FLAGS = new Set([
  '--name', '--publish', '--env', '--volume', '--mount', '--tmpfs', '--restart', '--cpus', '--memory', '--network', '--label', '--entrypoint',
]);

/**
 * Every other `docker run` flag that takes a value. An unknown flag is taken to
 * be a switch, so one missing here would swallow the image as its value.
 */
const OTHER_VALUE_FLAGS = new Set([
  '--add-host', '--annotation', '--attach', '--blkio-weight', '--blkio-weight-device', '--cap-add', '--cap-drop',
  '--cgroup-parent', '--cgroupns', '--cidfile', '--cpu-count', '--cpu-percent', '--cpu-period', '--cpu-quota',
  '--cpu-rt-period', '--cpu-rt-runtime', '--cpu-shares', '--cpuset-cpus', '--cpuset-mems', '--detach-keys', '--device',
  '--device-cgroup-rule', '--device-read-bps', '--device-read-iops', '--device-write-bps', '--device-write-iops', '--dns',
  '--dns-option', '--dns-search', '--domainname', '--env-file', '--expose', '--gpus', '--group-add', '--health-cmd',
  '--health-interval', '--health-retries', '--health-start-interval', '--health-start-period', '--health-timeout',
  '--hostname', '--io-maxbandwidth', '--io-maxiops', '--ip', '--ip6', '--ipc', '--isolation', '--kernel-memory',
  '--label-file', '--link', '--link-local-ip', '--log-driver', '--log-opt', '--mac-address', '--memory-reservation',
  '--memory-swap', '--memory-swappiness', '--network-alias', '--oom-score-adj', '--pid', '--pids-limit', '--platform',
  '--pull', '--runtime', '--security-opt', '--shm-size', '--stop-signal', '--stop-timeout', '--storage-opt', '--sysctl',
  '--ulimit', '--user', '--userns', '--uts', '--volume-driver', '--volumes-from', '--workdir',
]);

const ALIASES: Record<string, string> = {
  '-a': '--attach', '-c': '--cpu-shares', '-d': '--detach', '-e': '--env', '-h': '--hostname', '-i': '--interactive',
  '-l': '--label', '-m': '--memory', '-P': '--publish-all', '-p': '--publish', '-q': '--quiet', '-t': '--tty',
  '-u': '--user', '-v': '--volume', '-w': '--workdir', '--net': '--network', '--net-alias': '--network-alias',
  '--dns-opt': '--dns-option',
};

/** Switches that make no difference to a container Cais starts: it always detaches, and -i goes with -t. */
const IGNORED_FLAGS = new Set(['--detach', '--interactive']);

function canonical(flag: string): string {
  return ALIASES[flag] ?? flag;
}

function takesValue(flag: string): boolean {
  return SUPPORTED_VALUE_FLAGS.has(canonical(flag)) || OTHER_VALUE_FLAGS.has(canonical(flag));
}

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

  /** One flag as written (-p, --publish), with the value written after an '=' or attached to it, if any. */
  const apply = (flag: string, attached: string | undefined): void => {
    if (takesValue(flag)) {
      const value = attached ?? words[index++];
      if (value === undefined) throw new Error(`${flag} needs a value`);
      if (SUPPORTED_VALUE_FLAGS.has(canonical(flag))) applyFlag(spec, flag, value, unsupported);
      else unsupported.push(`${flag} ${value}`);
    } else if (canonical(flag) === '--tty') {
      spec.tty = attached === undefined || !/^(0|f|false)$/i.test(attached);
    } else if (!IGNORED_FLAGS.has(canonical(flag))) {
      unsupported.push(attached === undefined ? flag : `${flag}=${attached}`);
    }
  };

  while (index < words.length) {
    const word = words[index];
    if (word === '--') {
      index += 1;
      break;
    }
    if (!word.startsWith('-') || word === '-') break;
    index += 1;
    if (word.startsWith('--')) {
      const equals = word.indexOf('=');
      if (equals > 0) apply(word.slice(0, equals), word.slice(equals + 1));
      else apply(word, undefined);
      continue;
    }
    // Short flags cluster (-dit) and take a value attached (-p8080:80, -p=8080:80) or as the next word.
    for (let at = 1; at < word.length; at += 1) {
      const flag = `-${word[at]}`;
      const rest = word.slice(at + 1);
      if (rest.startsWith('=')) {
        apply(flag, rest.slice(1));
        break;
      }
      if (takesValue(flag)) {
        apply(flag, rest || undefined);
        break;
      }
      apply(flag, undefined);
    }
  }
  spec.image = words[index++] ?? '';
  const rest = words.slice(index);
  if (rest.length) spec.command = rest;
  return { spec, unsupported };
}

const RESTART_POLICIES: readonly string[] = ['no', 'always', 'unless-stopped', 'on-failure'];

function applyFlag(spec: RunSpec, flag: string, value: string, unsupported: string[]): void {
  /** Names the flag as not (wholly) carried over. */
  const name = () => unsupported.push(`${flag} ${value}`);
  const addMount = (parsed: ParsedMount | undefined) => {
    if (parsed) spec.mounts.push(parsed.mount);
    if (!parsed || parsed.dropsOptions) name();
  };
  switch (canonical(flag)) {
    case '--name':
      // An empty value is docker's "no name" (and "default network" below).
      spec.name = value || undefined;
      return;
    case '--publish': {
      const port = parsePort(value);
      if (port) spec.ports.push(port);
      else name();
      return;
    }
    case '--env': {
      // `-e KEY` alone passes the variable from docker's own environment, which Cais does not have.
      const equals = value.indexOf('=');
      if (equals > 0) spec.env.push({ key: value.slice(0, equals), value: value.slice(equals + 1) });
      else name();
      return;
    }
    case '--volume':
      addMount(parseVolume(value));
      return;
    case '--tmpfs':
      addMount(parseTmpfs(value));
      return;
    case '--mount':
      addMount(parseMount(value));
      return;
    case '--restart': {
      const [policy, ...retries] = value.split(':');
      if (RESTART_POLICIES.includes(policy)) spec.restart = policy as RunSpec['restart'];
      // The spec has no retry count (on-failure:3): keep the policy, name what is lost.
      if (!RESTART_POLICIES.includes(policy) || retries.length) name();
      return;
    }
    case '--cpus': {
      const cpus = Number(value);
      if (value.trim() && Number.isFinite(cpus) && cpus > 0) spec.cpus = cpus;
      else name();
      return;
    }
    case '--memory': {
      const bytes = parseMemory(value);
      // -m 0 is docker's "no limit".
      if (bytes !== undefined) spec.memory = bytes || undefined;
      else name();
      return;
    }
    case '--network':
      spec.network = value || undefined;
      return;
    case '--label': {
      // `--label key` is a label with an empty value.
      const equals = value.indexOf('=');
      const key = equals < 0 ? value : value.slice(0, equals);
      if (key) spec.labels.push({ key, value: equals < 0 ? '' : value.slice(equals + 1) });
      else name();
      return;
    }
    case '--entrypoint':
      spec.entrypoint = [value];
      return;
  }
}

/** [ip:][hostPort:]containerPort[/proto], split as docker does; IPv6 hosts in brackets. Undefined when invalid. */
export function parsePort(value: string): PortMapping | undefined {
  const [address, protocol = 'tcp', ...extra] = value.split('/');
  if (extra.length) return undefined;
  const parts = address.split(':');
  const containerPort = parts.at(-1) ?? '';
  // With two parts the first is always the host port (docker reads "1.2.3.4:80" as a bad port, not an address).
  const hostPort = parts.length >= 2 ? parts[parts.length - 2] : '';
  const ip = parts.length >= 3 ? parts.slice(0, -2).join(':').replace(/^\[(.*)\]$/, '$1') : '';
  if (!/^\d+$/.test(containerPort) || !/^\d*$/.test(hostPort)) return undefined;
  const parsed = portMapping.safeParse({
    containerPort: Number(containerPort),
    ...(hostPort ? { hostPort: Number(hostPort) } : {}),
    // docker run -p 8080:80 publishes on every address; say so rather than narrowing it.
    hostIp: ip || '0.0.0.0',
    protocol,
  });
  return parsed.success ? parsed.data : undefined;
}

interface ParsedMount {
  mount: MountSpec;
  /** Options given that the spec cannot carry (z, nocopy, size=…). */
  dropsOptions: boolean;
}

function checkedMount(candidate: MountSpec, dropsOptions: boolean): ParsedMount | undefined {
  const parsed = mountSpec.safeParse(candidate);
  return parsed.success ? { mount: parsed.data, dropsOptions } : undefined;
}

function readOnlyOf(options: string[]): { readOnly: boolean; dropsOptions: boolean } {
  return { readOnly: options.includes('ro'), dropsOptions: options.some((option) => option !== 'ro' && option !== 'rw') };
}

/** source:target[:options]; a source that is an absolute path (C:\ too) is a bind, anything else a volume name. */
function parseVolume(value: string): ParsedMount | undefined {
  const drive = DRIVE.test(value) ? value.slice(0, 2) : '';
  const parts = value.slice(drive.length).split(':');
  // One part is an anonymous volume, which the image's own VOLUME already makes.
  if (parts.length < 2 || parts.length > 3) return undefined;
  const [path, target, options] = parts;
  const source = drive + path;
  const { readOnly, dropsOptions } = readOnlyOf(options ? options.split(',') : []);
  const type = source.startsWith('/') || DRIVE.test(source) ? 'bind' : 'volume';
  return checkedMount({ type, source, target, readOnly }, dropsOptions);
}

/** target[:options], as --tmpfs takes it. */
function parseTmpfs(value: string): ParsedMount | undefined {
  const colon = value.indexOf(':');
  const target = colon < 0 ? value : value.slice(0, colon);
  const { readOnly, dropsOptions } = readOnlyOf(colon < 0 ? [] : value.slice(colon + 1).split(','));
  return checkedMount({ type: 'tmpfs', target, readOnly }, dropsOptions);
}

/** The fields of a --mount value, which docker reads as one CSV record. */
function csvFields(text: string): string[] | undefined {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i];
    if (quoted) {
      if (char !== '"') field += char;
      else if (text[i + 1] === '"') field += text[++i];
      else quoted = false;
    } else if (char === '"' && field === '') quoted = true;
    else if (char === ',') {
      fields.push(field);
      field = '';
    } else field += char;
  }
  if (quoted) return undefined;
  fields.push(field);
  return fields;
}

function parseMount(value: string): ParsedMount | undefined {
  const fields = csvFields(value);
  if (!fields) return undefined;
  let type = 'volume';
  let source: string | undefined;
  let target: string | undefined;
  let readOnly = false;
  let dropsOptions = false;
  for (const field of fields) {
    if (!field) continue;
    const equals = field.indexOf('=');
    const key = (equals < 0 ? field : field.slice(0, equals)).trim().toLowerCase();
    const fieldValue = equals < 0 ? undefined : field.slice(equals + 1);
    switch (key) {
      case 'type':
        type = (fieldValue ?? '').toLowerCase();
        break;
      case 'source':
      case 'src':
        source = fieldValue;
        break;
      case 'target':
      case 'destination':
      case 'dst':
        target = fieldValue;
        break;
      case 'readonly':
      case 'ro':
        // A bare "readonly" means true; a value is read as Go's ParseBool would.
        if (fieldValue === undefined || /^(1|t|true)$/i.test(fieldValue)) readOnly = true;
        else if (/^(0|f|false)$/i.test(fieldValue)) readOnly = false;
        else return undefined;
        break;
      default:
        dropsOptions = true;
    }
  }
  if (!target) return undefined;
  if (type === 'tmpfs') return checkedMount({ type, target, readOnly }, dropsOptions);
  // A volume without a source is anonymous; other types (npipe, image…) are not in the spec.
  if (!source || (type !== 'volume' && type !== 'bind')) return undefined;
  return checkedMount({ type, source, target, readOnly }, dropsOptions);
}
