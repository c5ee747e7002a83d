import type { Readable } from 'node:stream';
import type Docker from 'dockerode';
import type { BuildStreamEvent } from '../api/images-schemas';
import { BuildOutputParser, dockerfileInstructions, type BuildLine } from './build-output';
import { checkBuildInput, packContext } from './build-context';
import { LineSplitter } from './line-splitter';

export interface BuildRequest {
  context: string;
  dockerfile: string;
  /** Already checked by the caller (image-reference.ts). */
  tag?: string;
  buildArgs: { name: string; value: string }[];
  /** X-Registry-Config: the logins a FROM line may need (registry-auth.ts). */
  registryConfig?: Record<string, { username: string; password: string }>;
}

/**
 * `docker build` with the classic builder: tars the folder (honouring
 * .dockerignore), streams POST /build and turns its output into events. A
 * failed step is an event, not an exception: the log stays on screen.
 * Cancelling destroys the request, and the engine stops the build.
 */
export async function* buildImage(docker: Docker, request: BuildRequest, signal?: AbortSignal): AsyncGenerator<BuildStreamEvent> {
  const started = Date.now();
  const input = await checkBuildInput(request.context, request.dockerfile);
  const context = await packContext(input.contextDir, input.dockerfile);
  yield { type: 'context', files: context.files, bytes: context.bytes, ignored: context.ignored };
  const buildargs = Object.fromEntries(request.buildArgs.map((arg) => [arg.name, arg.value]));
  const stream = (await docker.buildImage(context.stream as unknown as NodeJS.ReadableStream, {
    dockerfile: input.dockerfile,
    t: request.tag,
    buildargs,
    rm: true,
    forcerm: true,
    abortSignal: signal,
    ...(request.registryConfig && Object.keys(request.registryConfig).length ? { registryconfig: request.registryConfig } : {}),
  } as Docker.ImageBuildOptions)) as unknown as Readable;
  const parser = new BuildOutputParser(dockerfileInstructions(input.dockerfileText));
  const splitter = new LineSplitter();
  let imageId: string | undefined;
  let failed = false;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      for (const line of splitter.push(chunk)) {
        let parsed: BuildLine;
        try {
          parsed = JSON.parse(line) as BuildLine;
        } catch {
          continue;
        }
        for (const event of parser.push(parsed)) {
          if (event.type === 'image') imageId = event.id;
          const built = event.type === 'output' ? /^Successfully built ([a-f0-9]+)/.exec(event.text) : null;
          if (built && !imageId) imageId = built[1];
          if (event.type === 'failed') failed = true;
          yield event;
        }
      }
    }
  } finally {
    stream.destroy();
    context.stream.destroy();
  }
  for (const event of parser.flush()) yield event;
  if (!failed && imageId) yield { type: 'done', id: imageId, tag: request.tag, elapsedMs: Date.now() - started };
  else if (!failed) yield { type: 'failed', message: 'The build ended without an image.' };
}
