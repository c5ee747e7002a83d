import { z } from 'zod';
import { hasNoNul, hasPlainSteps, hostPath } from './schemas';

/**
 * An image as the user names it: id (full or short, with or without
 * sha256:), repo:tag, repo@digest, with a registry host and port. The full
 * grammar is checked on the server (engine/image-reference.ts), which says
 * what exactly is wrong; this only keeps shell- and URL-hostile text out.
 */
export const imageRef = z
  .string()
  .min(1)
  .max(600)
  .regex(/^[a-zA-Z0-9[][a-zA-Z0-9_.:@/[\]-]*$/, 'must be an image id or name')
  // The engine's URLs carry the reference as path steps: "a/../b" would name another endpoint.
  .refine(hasPlainSteps, 'must be an image id or name');

/** What the user typed in a pull, tag or push box: checked in full on the server. */
export const typedReference = z.string().max(600).refine(hasNoNul, 'must not contain a NUL byte');

/** host[:port] of a registry the user added. */
export const registryAddress = z
  .string()
  .min(1)
  .max(255)
  // Dot-separated labels (no empty one, so no "." or ".."), or a bracketed IPv6 address.
  .regex(/^(?:[a-zA-Z0-9-]+(?:\.[a-zA-Z0-9-]+)*|\[[0-9a-fA-F:.]+\])(?::\d{1,5})?$/, 'must be host or host:port');

export const imageSummary = z.object({
  id: z.string(),
  repoTags: z.array(z.string()),
  repoDigests: z.array(z.string()),
  size: z.number(),
  created: z.number(),
  dangling: z.boolean(),
  /** Cais's own helper image (volume backups, file browsing…), not one of the user's. */
  caisOwn: z.boolean().optional(),
});
export type ImageSummary = z.infer<typeof imageSummary>;

/** The images some container uses, by image id, with those containers' names; unused images are absent. */
export const imageUsage = z.array(z.object({ id: z.string(), containers: z.array(z.string()) }));
export type ImageUsage = z.infer<typeof imageUsage>;

export const prunePreview = z.object({
  images: z.array(z.object({ id: z.string(), repoTags: z.array(z.string()), size: z.number() })),
  size: z.number(),
});
export type PrunePreview = z.infer<typeof prunePreview>;

export const pruneResult = z.object({ deleted: z.array(z.string()), spaceReclaimed: z.number() });
export type PruneResult = z.infer<typeof pruneResult>;

export const layerProgress = z.object({
  id: z.string(),
  phase: z.string(),
  current: z.number(),
  total: z.number(),
  extracted: z.number(),
});

export const transferEvent = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('progress'),
    layers: z.array(layerProgress),
    bytesDone: z.number(),
    bytesTotal: z.number(),
    messages: z.array(z.string()),
    elapsedMs: z.number(),
  }),
  z.object({ type: z.literal('done'), reference: z.string(), digest: z.string().optional(), elapsedMs: z.number() }),
]);
export type TransferEvent = z.infer<typeof transferEvent>;

export const buildEvent = z.discriminatedUnion('type', [
  z.object({ type: z.literal('context'), files: z.number(), bytes: z.number(), ignored: z.number() }),
  z.object({ type: z.literal('step'), index: z.number(), total: z.number(), instruction: z.string(), line: z.number().optional() }),
  z.object({ type: z.literal('output'), text: z.string() }),
  z.object({ type: z.literal('image'), id: z.string() }),
  z.object({
    type: z.literal('failed'),
    message: z.string(),
    step: z.number().optional(),
    instruction: z.string().optional(),
    line: z.number().optional(),
  }),
  z.object({ type: z.literal('done'), id: z.string(), tag: z.string().optional(), elapsedMs: z.number() }),
]);
export type BuildStreamEvent = z.infer<typeof buildEvent>;

export const buildInput = z.strictObject({
  /** An absolute folder path on the machine that runs the engine client. */
  context: hostPath,
  /** Relative to the context; the server refuses one outside it (DOCKERFILE_OUTSIDE_CONTEXT). */
  dockerfile: z.string().min(1).max(1024).refine(hasNoNul, 'must be a file path'),
  tag: typedReference.optional(),
  buildArgs: z
    .array(z.strictObject({ name: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/).max(128), value: z.string().max(4096).refine(hasNoNul, 'must not contain a NUL byte') }))
    .max(50),
});

export const imageLayers = z.object({
  id: z.string(),
  repoTags: z.array(z.string()),
  size: z.number(),
  os: z.string(),
  architecture: z.string(),
  layerCount: z.number(),
  entries: z.array(
    z.object({
      instruction: z.string(),
      created: z.number(),
      size: z.number(),
      layer: z.object({ index: z.number(), diffId: z.string(), sharedWith: z.array(z.string()) }).nullable(),
    }),
  ),
});
export type ImageLayers = z.infer<typeof imageLayers>;

export const searchResult = z.discriminatedUnion('state', [
  z.object({
    state: z.literal('ok'),
    results: z.array(z.object({ name: z.string(), description: z.string(), stars: z.number(), official: z.boolean() })),
  }),
  z.object({ state: z.literal('no-network'), detail: z.string() }),
]);
export type SearchResult = z.infer<typeof searchResult>;

export const catalogResult = z.discriminatedUnion('state', [
  z.object({
    state: z.literal('ok'),
    repositories: z.array(z.object({ name: z.string(), tags: z.array(z.string()) })),
    /** Repositories in the catalog in all, before the search term. */
    total: z.number(),
  }),
  z.object({ state: z.literal('unreachable'), detail: z.string() }),
  z.object({ state: z.literal('unauthorized'), detail: z.string() }),
  z.object({ state: z.literal('no-catalog'), detail: z.string() }),
]);
export type CatalogResult = z.infer<typeof catalogResult>;

/** Save: the tar in base64 chunks, each well under the web host's 1 MiB frame limit. */
export const saveEvent = z.discriminatedUnion('type', [
  z.object({ type: z.literal('chunk'), data: z.string() }),
  z.object({ type: z.literal('done'), bytes: z.number() }),
]);

/** 512 KiB of bytes is ~700 KB of base64: one frame each, under the 1 MiB limit. */
export const LOAD_CHUNK_BYTES = 512 * 1024;
export const uploadId = z.string().regex(/^[a-f0-9]{32}$/);
