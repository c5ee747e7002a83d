import http from 'node:http';
import https from 'node:https';
import { inspect } from 'node:util';
import type Docker from 'dockerode';
import type { DockerOptions } from 'dockerode';
import { loadDockerode } from './dockerode-loader';
import type { ResolvedEndpoint } from './endpoint';
import { ConnectionProblem } from './errors';
import { sshAgent } from './ssh-transport';

/** A first answer over ssh includes logging in: give it ssh's ConnectTimeout and then some. */
export const SSH_FIRST_ANSWER_MS = 20_000;

/**
 * How Cais reaches one engine: dockerode's options, with the transport made
 * here: the user's own ssh client for ssh:// (its own agent of ssh
 * processes, closed with `close`), or a fresh HTTP agent for a socket.
 */
export interface EngineTransport {
  options: DockerOptions;
  /** The first call's time limit, longer over ssh (it logs in first). */
  firstAnswerMs(localMs: number): number;
  close(): void;
}

export function engineTransport(resolved: ResolvedEndpoint, env: Record<string, string | undefined>): EngineTransport {
  if (resolved.tlsMissing?.length) {
    throw new ConnectionProblem('tls-files-missing', `These TLS files cannot be read: ${resolved.tlsMissing.join(', ')}`);
  }
  if (resolved.ssh) {
    const agent = shortInspect(sshAgent(resolved.ssh, env));
    return {
      options: { ...resolved.options, agent } as DockerOptions,
      firstAnswerMs: () => SSH_FIRST_ANSWER_MS,
      close: () => agent.destroy(),
    };
  }
  // Its own connections: a pooled keep-alive one to an engine that is shutting down still answers.
  // TLS: like the docker CLI (Go without a session cache), no session resumption, which some TLS fronts refuse.
  const agent = resolved.options.socketPath
    ? shortInspect(new http.Agent())
    : resolved.options.protocol === 'https'
      ? shortInspect(new https.Agent({ keepAlive: true, maxCachedSessions: 0 }))
      : undefined;
  return {
    options: { ...resolved.options, ...(agent ? { agent } : {}) } as DockerOptions,
    firstAnswerMs: (localMs) => localMs,
    close: () => agent?.destroy(),
  };
}

/**
 * docker-modem formats every request's options with util.inspect (showHidden,
 * no depth limit) for its debug log, even when that log is off; the options
 * hold the agent, and with it every open socket, stream and parser (the events
 * stream, stats, logs). That walk cost more than the engine's own answer for
 * short lists, so the agent prints as its name.
 */
function shortInspect<T extends object>(agent: T): T {
  Object.defineProperty(agent, inspect.custom, { value: () => `[${agent.constructor.name}]` });
  return agent;
}

/** A client for one call or a probe; the caller closes the transport. */
export async function dockerWith(transport: EngineTransport, extra: DockerOptions = {}): Promise<Docker> {
  const Docker = await loadDockerode();
  return new Docker({ ...transport.options, ...extra });
}

/**
 * The first answer within `ms`, whatever the transport does: an answer cut
 * off mid-body can leave dockerode's callback uncalled.
 */
export function answerWithin<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new ConnectionProblem('timeout', `No complete answer within ${ms} ms`)), ms + 1000);
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}
