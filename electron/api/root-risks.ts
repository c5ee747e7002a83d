/**
 * Settings that make a container root-equivalent on the machine that runs the
 * engine, classified in one place for the run form, the attach panel, a pasted
 * `docker run` and a container's summary. Pure: no I/O, no engine calls.
 */

export type RootRiskCode =
  /** The host's `/` is mounted: every file, as root. */
  | 'hostRoot'
  /** A system folder (/etc, /usr, /boot…): change its settings, passwords, programs. */
  | 'hostSystem'
  /** A home folder, or a hidden folder in one (keys, shell start-up files). */
  | 'hostHome'
  /** The Docker (or Podman, containerd) engine's socket, or the folder that holds it. */
  | 'engineSocket'
  /** Some other socket: whatever service listens on it. */
  | 'socket'
  | 'networkHost'
  | 'networkContainer'
  | 'pidHost'
  | 'privileged'
  | 'capAdd'
  | 'device';

export interface RootRisk {
  code: RootRiskCode;
  /** What the risk is about: a host path, a network mode, capability names, a device path. */
  subject: string;
  /** The run form's field it comes from (e.g. "mounts.0.source", "network"), when it has one. */
  field?: string;
}

/** `/a//b/` → `/a/b`; backslashes of Windows paths become slashes; drive letters lower-cased. */
export function normaliseHostPath(path: string): string {
  let value = path.trim().replaceAll('\\', '/');
  const drive = /^[a-zA-Z]:/.test(value) ? value.slice(0, 2).toLowerCase() : '';
  value = value.slice(drive.length).replace(/\/+/g, '/');
  value = value
    .split('/')
    .filter((step, index) => index === 0 || (step !== '' && step !== '.'))
    .join('/');
  if (value.length > 1 && value.endsWith('/')) value = value.slice(0, -1);
  return drive + (value || '/');
}

/** Folders whose contents run or configure the machine itself. */
const SYSTEM_FOLDERS = [
  '/etc', '/boot', '/usr', '/bin', '/sbin', '/lib', '/lib32', '/lib64', '/libx32', '/proc', '/sys', '/dev',
  '/var/lib/docker', '/var/lib/containers', '/var/lib/containerd', '/var/lib/kubelet', '/var/spool/cron',
  '/private/etc', '/system', '/library',
  'c:/windows', 'c:/programdata/docker',
];

/** Folders that hold the engine's socket (and sockets of other root services). */
const SOCKET_FOLDERS = ['/run', '/var/run', '/run/docker', '/var/run/docker', '/run/podman', '/var/run/podman', '/run/containerd', '/var/run/containerd', '/run/user'];

const ENGINE_SOCKET = /(^|\/)(docker|podman|containerd|crio|dockershim)[^/]*\.sock(\.raw)?$|^\/\/\.\/pipe\/docker_engine$|^(\/var)?\/run\/(docker|podman|containerd|crio)\//;

const within = (path: string, folder: string) => path === folder || path.startsWith(`${folder}/`);

/** The risk of mounting this host path into a container, if any. */
export function hostPathRisk(path: string): RootRiskCode | undefined {
  const normal = normaliseHostPath(path);
  const lower = normal.toLowerCase();
  if (normal === '/' || /^[a-z]:\/?$/.test(lower)) return 'hostRoot';
  if (ENGINE_SOCKET.test(lower) || SOCKET_FOLDERS.includes(lower)) return 'engineSocket';
  if (lower.endsWith('.sock')) return 'socket';
  if (lower === '/var' || SYSTEM_FOLDERS.some((folder) => within(lower, folder))) return 'hostSystem';
  // A home folder, the folder of home folders, or a hidden folder in a home (.ssh, .docker, .config…).
  const steps = lower.replace(/^[a-z]:/, '').split('/').filter(Boolean);
  const homeDepth = steps[0] === 'home' || steps[0] === 'users' ? 2 : steps[0] === 'root' ? 1 : steps[0] === 'var' && steps[1] === 'root' ? 2 : 0;
  if (homeDepth && (steps.length <= homeDepth || steps[homeDepth].startsWith('.'))) return 'hostHome';
  return undefined;
}

/** The risk of a network mode: host, or another container's network. */
export function networkRisk(mode: string | undefined): RootRiskCode | undefined {
  const value = mode?.trim() ?? '';
  if (value === 'host') return 'networkHost';
  if (value.startsWith('container:')) return 'networkContainer';
  return undefined;
}

/** Capabilities a container gets by default: adding them back changes nothing. */
const DEFAULT_CAPS = new Set([
  'CHOWN', 'DAC_OVERRIDE', 'FSETID', 'FOWNER', 'MKNOD', 'NET_RAW', 'SETGID', 'SETUID', 'SETFCAP', 'SETPCAP', 'NET_BIND_SERVICE', 'SYS_CHROOT', 'KILL', 'AUDIT_WRITE',
]);

/** `cap_sys_admin` → `SYS_ADMIN`, as docker reads it. */
export function capabilityName(cap: string): string {
  return cap.trim().toUpperCase().replace(/^CAP_/, '');
}

/** The added capabilities that give more than a container has by default, sorted (engines reorder them). */
export function extraCapabilities(caps: readonly string[]): string[] {
  return [...new Set(caps.map(capabilityName).filter((cap) => cap && !DEFAULT_CAPS.has(cap)))].sort();
}

/** A run spec's mounts and network, in the shape the run form and a pasted command give them. */
export interface SpecLike {
  mounts: readonly ({ type: string; source?: string; target: string } | { type: 'tmpfs'; target: string })[];
  network?: string;
}

/** The risks of a run spec (or run form draft): its host folders and its network. */
export function specRisks(spec: SpecLike): RootRisk[] {
  const risks: RootRisk[] = [];
  spec.mounts.forEach((mount, index) => {
    const source = 'source' in mount ? mount.source : undefined;
    if (mount.type !== 'bind' || !source) return;
    const code = hostPathRisk(source);
    if (code) risks.push({ code, subject: source, field: `mounts.${index}.source` });
  });
  const network = networkRisk(spec.network);
  if (network) risks.push({ code: network, subject: spec.network!.trim(), field: 'network' });
  return risks;
}

/** The settings of an existing container (or of a pasted command) that a run spec cannot say. */
export interface HostFlags {
  privileged?: boolean;
  capAdd?: readonly string[];
  devices?: readonly string[];
  pidMode?: string;
  networkMode?: string;
  /** Host folders mounted (bind sources). */
  binds?: readonly string[];
}

/** The risks of a container's host settings, e.g. read from `docker inspect`. */
export function flagRisks(flags: HostFlags): RootRisk[] {
  const risks: RootRisk[] = [];
  if (flags.privileged) risks.push({ code: 'privileged', subject: '--privileged' });
  const caps = extraCapabilities(flags.capAdd ?? []);
  if (caps.length) risks.push({ code: 'capAdd', subject: caps.join(', ') });
  // "/dev/sda:/dev/xvda:rw": the device of this machine is the first part.
  for (const device of flags.devices ?? []) risks.push({ code: 'device', subject: device.split(':')[0] });
  if (flags.pidMode === 'host') risks.push({ code: 'pidHost', subject: 'host' });
  const network = networkRisk(flags.networkMode);
  if (network) risks.push({ code: network, subject: flags.networkMode!.trim() });
  for (const source of flags.binds ?? []) {
    const code = hostPathRisk(source);
    if (code) risks.push({ code, subject: source });
  }
  return risks;
}

/**
 * The risks among the flags a pasted `docker run` named as left out (e.g.
 * "--privileged", "--cap-add SYS_ADMIN", "--pid=host"): Cais does not carry
 * them over, but the user should know what the command asked for.
 */
export function leftOutRisks(unsupported: readonly string[]): RootRisk[] {
  const flags: { privileged: boolean; capAdd: string[]; devices: string[]; pidMode?: string } = { privileged: false, capAdd: [], devices: [] };
  for (const entry of unsupported) {
    const match = /^(--?[\w-]+)(?:[ =](.*))?$/s.exec(entry);
    if (!match) continue;
    const [, flag, value = ''] = match;
    if (flag === '--privileged' && !/^(0|f|false)$/i.test(value)) flags.privileged = true;
    else if (flag === '--cap-add') flags.capAdd.push(...value.split(','));
    else if (flag === '--device') flags.devices.push(value);
    else if (flag === '--pid') flags.pidMode = value;
  }
  return flagRisks(flags);
}

/** Identifies a set of risks, so a confirmation given for one set does not carry over to another. */
export function risksKey(risks: readonly RootRisk[]): string {
  return risks.map((risk) => `${risk.code}:${risk.subject}`).sort().join('\n');
}
