import { runSpec, type RunSpec } from '../../../../electron/api/run-schema';
import { parseMemory } from '../../../../electron/api/docker-run-command';
import { splitShellWords } from '../../../../electron/api/shell-words';
import { containerNameProblem } from '../validation';
import { parseDecimal } from '../../../i18n/format';

/** The run form as typed: strings where the user types numbers. */
export interface RunDraft {
  image: string;
  name: string;
  command: string;
  entrypoint: string;
  env: { key: string; value: string }[];
  ports: { containerPort: string; hostPort: string; hostIp: string; protocol: 'tcp' | 'udp' }[];
  mounts: { type: 'volume' | 'bind' | 'tmpfs'; source: string; target: string; readOnly: boolean }[];
  restart: RunSpec['restart'];
  cpus: string;
  memory: string;
  network: string;
  labels: { key: string; value: string }[];
  tty: boolean;
}

export const EMPTY_DRAFT: RunDraft = {
  image: '',
  name: '',
  command: '',
  entrypoint: '',
  env: [],
  ports: [],
  mounts: [],
  restart: 'no',
  cpus: '',
  memory: '',
  network: '',
  labels: [],
  tty: false,
};

/** Field path (e.g. "ports.0.hostPort") → i18n key of what is wrong with it. */
export type Problems = Record<string, string>;

export interface DraftContext {
  takenNames: string[];
  /** Host ports other containers already publish, as "ip:port/proto". */
  usedHostPorts: Set<string>;
}

export const MIN_MEMORY = 6 * 1024 * 1024;

/** The CPU field: "0,5" or "0.5"; NaN when it is not a number, so the caller says so. */
export function parseCpusField(text: string): number {
  return parseDecimal(text) ?? Number.NaN;
}

/** The memory field: a plain number is MiB; a decimal comma reads as a point ("1,5g"). */
export function parseMemoryField(text: string): number | undefined {
  const typed = text.trim().replace(',', '.');
  return parseMemory(/^\d+(\.\d+)?$/.test(typed) ? `${typed}m` : typed);
}

function words(text: string, field: string, problems: Problems): string[] | undefined {
  if (!text.trim()) return undefined;
  try {
    return splitShellWords(text);
  } catch {
    problems[field] = 'run.problem.quotes';
    return undefined;
  }
}

function port(text: string): number | undefined {
  if (!/^\d+$/.test(text)) return undefined;
  const value = Number(text);
  return value >= 1 && value <= 65535 ? value : undefined;
}

/** Checks the draft as the user types and, when it is whole, turns it into a spec. */
export function draftToSpec(draft: RunDraft, context: DraftContext): { spec?: RunSpec; problems: Problems } {
  const problems: Problems = {};
  if (!draft.image.trim()) problems.image = 'run.problem.imageMissing';
  else if (!runSpec.shape.image.safeParse(draft.image.trim()).success) problems.image = 'run.problem.imageInvalid';
  if (draft.name) {
    const nameProblem = containerNameProblem(draft.name, context.takenNames);
    if (nameProblem) problems.name = `nameProblem.${nameProblem}`;
  }
  const command = words(draft.command, 'command', problems);
  const entrypoint = words(draft.entrypoint, 'entrypoint', problems);

  draft.env.forEach((variable, index) => {
    if (!variable.key) problems[`env.${index}.key`] = 'run.problem.envKeyMissing';
    else if (/[=\s]/.test(variable.key)) problems[`env.${index}.key`] = 'run.problem.envKeyInvalid';
  });
  const seenHostPorts = new Set<string>();
  draft.ports.forEach((entry, index) => {
    if (port(entry.containerPort) === undefined) problems[`ports.${index}.containerPort`] = 'run.problem.portRange';
    if (entry.hostPort && port(entry.hostPort) === undefined) problems[`ports.${index}.hostPort`] = 'run.problem.portRange';
    if (!runSpec.shape.ports.element.shape.hostIp.safeParse(entry.hostIp).success) problems[`ports.${index}.hostIp`] = 'run.problem.hostIp';
    if (entry.hostPort) {
      const key = `${entry.hostPort}/${entry.protocol}`;
      const busy = [...context.usedHostPorts].some((used) => used.endsWith(`:${key}`)) || seenHostPorts.has(key);
      if (busy) problems[`ports.${index}.hostPort`] = 'run.problem.portInUse';
      seenHostPorts.add(key);
    }
  });
  draft.mounts.forEach((mount, index) => {
    if (!mount.target.startsWith('/')) problems[`mounts.${index}.target`] = 'run.problem.targetAbsolute';
    if (mount.type === 'volume' && !/^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/.test(mount.source)) problems[`mounts.${index}.source`] = 'run.problem.volumeName';
    if (mount.type === 'bind' && !/^(\/|[a-zA-Z]:\\)/.test(mount.source)) problems[`mounts.${index}.source`] = 'run.problem.folderAbsolute';
  });
  let cpus: number | undefined;
  if (draft.cpus.trim()) {
    cpus = parseCpusField(draft.cpus);
    if (!Number.isFinite(cpus) || cpus < 0.01) problems.cpus = 'run.problem.cpus';
  }
  let memory: number | undefined;
  if (draft.memory.trim()) {
    memory = parseMemoryField(draft.memory);
    if (memory === undefined) problems.memory = 'run.problem.memoryFormat';
    else if (memory < MIN_MEMORY) problems.memory = 'run.problem.memoryLow';
  }
  draft.labels.forEach((entry, index) => {
    if (!entry.key) problems[`labels.${index}.key`] = 'run.problem.labelKeyMissing';
  });
  if (Object.keys(problems).length) return { problems };

  const candidate: RunSpec = {
    image: draft.image.trim(),
    name: draft.name || undefined,
    command,
    entrypoint,
    env: draft.env,
    ports: draft.ports.map((entry) => ({
      containerPort: Number(entry.containerPort),
      hostPort: entry.hostPort ? Number(entry.hostPort) : undefined,
      hostIp: entry.hostIp,
      protocol: entry.protocol,
    })),
    mounts: draft.mounts.map((mount) => (mount.type === 'tmpfs' ? { type: 'tmpfs', target: mount.target, readOnly: mount.readOnly } : mount)),
    restart: draft.restart,
    cpus,
    memory,
    network: draft.network.trim() || undefined,
    labels: draft.labels,
    tty: draft.tty,
  };
  const parsed = runSpec.safeParse(candidate);
  if (!parsed.success) return { problems: { form: 'run.problem.invalid' } };
  return { spec: parsed.data, problems };
}

/** "Fill this in" problems: said once the person has been in the field, not on an untouched form. */
const REQUIRED = new Set(['run.problem.imageMissing', 'run.problem.envKeyMissing', 'run.problem.labelKeyMissing']);

/** The problems to show: every wrong value as it is typed, a missing one only in a field already left. */
export function visibleProblems(problems: Problems, touched: ReadonlySet<string>): Problems {
  return Object.fromEntries(Object.entries(problems).filter(([field, problem]) => !REQUIRED.has(problem) || touched.has(field)));
}

/** The form filled from a spec (a pasted command, or defaults). */
export function specToDraft(spec: RunSpec): RunDraft {
  const join = (list?: string[]) => (list ?? []).map((word) => (/\s|'|"/.test(word) ? `'${word.replaceAll("'", `'\\''`)}'` : word)).join(' ');
  return {
    image: spec.image,
    name: spec.name ?? '',
    command: join(spec.command),
    entrypoint: join(spec.entrypoint),
    env: spec.env,
    ports: spec.ports.map((p) => ({ containerPort: String(p.containerPort), hostPort: p.hostPort ? String(p.hostPort) : '', hostIp: p.hostIp, protocol: p.protocol })),
    mounts: spec.mounts.map((m) => ({ type: m.type, source: m.type === 'tmpfs' ? '' : m.source, target: m.target, readOnly: m.readOnly })),
    restart: spec.restart,
    cpus: spec.cpus === undefined ? '' : String(spec.cpus),
    memory: spec.memory === undefined ? '' : `${Math.round(spec.memory / 1024 / 1024)}`,
    network: spec.network ?? '',
    labels: spec.labels,
    tty: spec.tty,
  };
}
