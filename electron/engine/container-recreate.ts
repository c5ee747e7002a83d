import type Docker from 'dockerode';
import type { RunSpec } from '../api/run-schema';
import type { HostAccess } from '../api/host-access';
import { containerSpecOf } from './container-create';
import { withoutPodmanAdditions } from './podman-additions';

/**
 * Safe recreate: how Cais changes what the engine cannot change in place
 * (mounts, ports, environment). The new container is created first from the
 * complete current configuration; only once it exists does the name move.
 * Any failure leaves the old container as it was, under its own name.
 *
 *   const result = await recreateContainer(docker, 'web', (plan) => {
 *     plan.mounts = withMount(plan.mounts, { Type: 'volume', Source: 'data', Target: '/data' });
 *   });
 */

/** One mount in the engine's HostConfig.Mounts shape. */
export type MountConfig = Docker.MountSettings;

export interface RecreatePlan {
  /** Every mount the container has now (binds, named and anonymous volumes, tmpfs), as explicit mounts. */
  mounts: MountConfig[];
  /** The create options the new container gets; Mounts and Binds are taken from `mounts`. */
  options: Docker.ContainerCreateOptions;
}

export interface RecreateResult {
  id: string;
  name: string;
  /** The old container's new name when it was kept (keepOld, or it could not be removed). */
  keptOld?: string;
  /** Whether the old one ran (so the new one was started), for the commands that say what happened. */
  wasRunning: boolean;
  /** The new container as a run spec, when it can be said as one. */
  spec?: RunSpec;
  /** What it keeps that gives it power over the host (privileged, capabilities, devices, pid). */
  access?: HostAccess;
}

/** The current mounts as explicit HostConfig.Mounts: anonymous volumes become named, so none is lost. */
export function currentMounts(info: Docker.ContainerInspectInfo): MountConfig[] {
  const mounts: MountConfig[] = [];
  const seen = new Set<string>();
  for (const mount of info.Mounts ?? []) {
    const readOnly = mount.RW === false;
    if (mount.Type === 'volume' && mount.Name) {
      mounts.push({ Type: 'volume', Source: mount.Name, Target: mount.Destination, ReadOnly: readOnly });
    } else if (mount.Type === 'bind') {
      mounts.push({
        Type: 'bind',
        Source: mount.Source,
        Target: mount.Destination,
        ReadOnly: readOnly,
        ...(mount.Propagation ? { BindOptions: { Propagation: mount.Propagation as 'rprivate' } } : {}),
      });
    } else {
      continue;
    }
    seen.add(mount.Destination);
  }
  // tmpfs mounts given as HostConfig.Mounts are not always listed in .Mounts.
  for (const mount of (info.HostConfig.Mounts ?? []) as MountConfig[]) {
    if (mount.Type === 'tmpfs' && !seen.has(mount.Target)) mounts.push(mount);
  }
  return mounts;
}

/** Replaces the mount at the same target, or adds it. */
export function withMount(mounts: MountConfig[], mount: MountConfig): MountConfig[] {
  return [...mounts.filter((existing) => existing.Target !== mount.Target), mount];
}

export function withoutMount(mounts: MountConfig[], target: string): MountConfig[] {
  return mounts.filter((existing) => existing.Target !== target);
}

/** Aliases the engine adds by itself (the short id) are not carried over. */
function endpointsOf(info: Docker.ContainerInspectInfo): Record<string, Docker.EndpointSettings> {
  const shortId = info.Id.slice(0, 12);
  const endpoints: Record<string, Docker.EndpointSettings> = {};
  for (const [network, settings] of Object.entries(info.NetworkSettings.Networks ?? {})) {
    endpoints[network] = {
      IPAMConfig: settings.IPAMConfig ?? undefined,
      Links: settings.Links ?? undefined,
      Aliases: (settings.Aliases ?? []).filter((alias: string) => alias !== shortId),
    } as Docker.EndpointSettings;
  }
  return endpoints;
}

/** The create options that reproduce a container, from its inspect data. */
export function createOptionsFrom(info: Docker.ContainerInspectInfo, image: string): Docker.ContainerCreateOptions {
  const config = info.Config;
  const hostConfig: Docker.HostConfig = { ...info.HostConfig };
  // The mounts come back explicit, from RecreatePlan.mounts.
  delete hostConfig.Binds;
  delete hostConfig.Mounts;
  // Podman reports a --cpus limit twice, as NanoCpus and as CpuQuota/CpuPeriod,
  // and refuses to create a container given both; Docker reports only one.
  if (hostConfig.NanoCpus) {
    delete hostConfig.CpuQuota;
    delete hostConfig.CpuPeriod;
  }
  // Podman reports ulimits by their kernel names (RLIMIT_NOFILE) but accepts only Docker's (nofile).
  if (hostConfig.Ulimits) {
    hostConfig.Ulimits = hostConfig.Ulimits.map((limit) => ({ ...limit, Name: limit.Name?.replace(/^RLIMIT_/, '').toLowerCase() }));
  }
  // The engine-generated hostname is the old id; let the new container get its own.
  const hostname = config.Hostname === info.Id.slice(0, 12) ? undefined : config.Hostname;
  return {
    Image: image,
    Hostname: hostname,
    Domainname: config.Domainname,
    User: config.User,
    AttachStdin: config.AttachStdin,
    AttachStdout: config.AttachStdout,
    AttachStderr: config.AttachStderr,
    Tty: config.Tty,
    OpenStdin: config.OpenStdin,
    StdinOnce: config.StdinOnce,
    Env: config.Env,
    Cmd: config.Cmd,
    Entrypoint: config.Entrypoint as string[] | undefined,
    Labels: config.Labels,
    WorkingDir: config.WorkingDir,
    ExposedPorts: config.ExposedPorts,
    StopSignal: (config as { StopSignal?: string }).StopSignal,
    StopTimeout: (config as { StopTimeout?: number }).StopTimeout,
    Healthcheck: (config as { Healthcheck?: Docker.HealthConfig }).Healthcheck,
    Shell: (config as { Shell?: string[] }).Shell,
    Volumes: config.Volumes,
    HostConfig: hostConfig,
    NetworkingConfig: { EndpointsConfig: endpointsOf(info) },
  };
}

async function imageFor(docker: Docker, info: Docker.ContainerInspectInfo): Promise<string> {
  // Keep the exact image the container runs, even if its tag moved since.
  try {
    const tagged = await docker.getImage(info.Config.Image).inspect();
    if (tagged.Id === info.Image) return info.Config.Image;
  } catch {
    // The tag is gone: fall back to the id.
  }
  return info.Image;
}

/**
 * Recreates `idOrName` with `change` applied to its plan. Steps, each undone
 * on failure: create the new container under a temporary name; rename the old
 * to `<name>-old-<ts>`; rename the new to `<name>`; if the old one ran, stop it
 * and start the new one; then remove the old one (unless `keepOld`).
 */
export async function recreateContainer(
  docker: Docker,
  idOrName: string,
  change: (plan: RecreatePlan) => void | Promise<void>,
  options: { keepOld?: boolean; now?: () => number } = {},
): Promise<RecreateResult> {
  const info = withoutPodmanAdditions(await docker.getContainer(idOrName).inspect());
  // By id from here on: the name moves to the new container.
  const old = docker.getContainer(info.Id);
  const name = info.Name.replace(/^\//, '');
  const stamp = (options.now ?? Date.now)();
  const plan: RecreatePlan = { mounts: currentMounts(info), options: createOptionsFrom(info, await imageFor(docker, info)) };
  await change(plan);
  const createOptions: Docker.ContainerCreateOptions = {
    ...plan.options,
    name: `${name}-cais-new-${stamp}`,
    HostConfig: { ...plan.options.HostConfig, Mounts: plan.mounts },
  };
  const created = await docker.createContainer(createOptions);
  const oldName = `${name}-old-${stamp}`;
  const wasRunning = info.State.Running;
  let step: 'created' | 'oldRenamed' | 'newRenamed' | 'oldStopped' = 'created';
  try {
    await old.rename({ name: oldName });
    step = 'oldRenamed';
    await created.rename({ name });
    step = 'newRenamed';
    if (wasRunning) {
      await old.stop();
      step = 'oldStopped';
      await created.start();
    }
  } catch (error) {
    // Put everything back the way it was; the old container keeps its name and state.
    if (step === 'oldStopped') await old.start().catch(() => undefined);
    if (step === 'newRenamed' || step === 'oldStopped') await created.rename({ name: `${name}-cais-failed-${stamp}` }).catch(() => undefined);
    if (step !== 'created') await old.rename({ name }).catch(() => undefined);
    await created.remove({ force: true }).catch(() => undefined);
    throw error;
  }
  const said = await containerSpecOf(docker, created.id).catch(() => undefined);
  const done = { id: created.id, name, wasRunning, ...(said?.spec ? { spec: said.spec, access: said.access } : {}) };
  if (options.keepOld) return { ...done, keptOld: oldName };
  try {
    // Never `v: true`: the old container's volumes are the new one's now.
    await old.remove({ force: true });
    return done;
  } catch {
    return { ...done, keptOld: oldName };
  }
}
