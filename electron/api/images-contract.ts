import { trustedOutput } from './trusted-output';
import { eventIterator, oc } from '@orpc/contract';
import { z } from 'zod';
import {
  buildEvent,
  buildInput,
  catalogResult,
  imageLayers,
  imageRef,
  type ImageSummary,
  imageUsage,
  prunePreview,
  pruneResult,
  registryAddress,
  saveEvent,
  searchResult,
  transferEvent,
  typedReference,
  uploadId,
} from './images-schemas';
import { hasNoNul, noInput } from './schemas';

/** base64 of at most LOAD_CHUNK_BYTES bytes (~700 KB of text). */
const base64Chunk = z
  .string()
  .max(720_000)
  .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'must be base64');

/** What the user typed in a search box: free text, but no NUL byte. */
const searchTerm = z.string().max(200).refine(hasNoNul, 'must not contain a NUL byte');

/** The images area's calls and streams (see the images issue). */
export const imagesContract = {
  /** Only GET /images/json: cheap at any scale. Which containers use each image is `usage`, fetched beside it. */
  list: oc.input(noInput).output(trustedOutput<ImageSummary[]>()),
  /** Which containers use each image (one container list); the remove call checks again by itself. */
  usage: oc.input(noInput).output(imageUsage),
  layers: oc.input(z.strictObject({ reference: imageRef })).output(imageLayers),
  /** `docker pull REF`: per-layer progress, then done. Cancelling the stream stops the pull. */
  pull: oc.input(z.strictObject({ reference: typedReference })).output(eventIterator(transferEvent)),
  /** `docker tag SOURCE TARGET` */
  tag: oc.input(z.strictObject({ source: imageRef, target: typedReference })).output(z.strictObject({ target: z.string() })),
  /** `docker push REF` */
  push: oc.input(z.strictObject({ reference: typedReference })).output(eventIterator(transferEvent)),
  /** `docker rmi [-f] REF`: refused with IMAGE_IN_USE (naming the containers) unless forced. */
  remove: oc.input(z.strictObject({ reference: imageRef, force: z.boolean() })).output(z.strictObject({ removed: z.array(z.string()) })),
  prunePreview: oc.input(z.strictObject({ all: z.boolean() })).output(prunePreview),
  prune: oc.input(z.strictObject({ all: z.boolean() })).output(pruneResult),
  /** `docker build -f DOCKERFILE -t TAG CONTEXT` from a folder on this machine. */
  build: oc.input(buildInput).output(eventIterator(buildEvent)),
  /** `docker search TERM` (Docker Hub, needs internet). */
  /** Which of these local images have /bin/sh (the lessons run their steps with it). */
  withShell: oc.input(z.strictObject({ references: z.array(z.string().min(1).max(512)).max(200) })).output(z.array(z.string())),
  search: oc.input(z.strictObject({ term: searchTerm.min(1) })).output(searchResult),
  /** A registry's own catalog (/v2/_catalog) and tags, fetched by the main process. */
  catalog: oc.input(z.strictObject({ registry: registryAddress, term: searchTerm })).output(catalogResult),
  /** `docker save REF`: the tar as base64 chunks. */
  save: oc.input(z.strictObject({ reference: imageRef })).output(eventIterator(saveEvent)),
  /** `docker load`: upload in chunks (each one frame), then load. */
  loadStart: oc.input(z.strictObject({ size: z.number().int().min(1).max(64 * 1024 ** 3) })).output(z.strictObject({ uploadId })),
  /** `offset`: where this chunk starts; it must be where the upload ends now. */
  loadChunk: oc.input(z.strictObject({ uploadId, offset: z.number().int().min(0), data: base64Chunk })).output(z.strictObject({ received: z.number() })),
  loadFinish: oc.input(z.strictObject({ uploadId })).output(z.strictObject({ loaded: z.array(z.string()) })),
  loadCancel: oc.input(z.strictObject({ uploadId })).output(z.void()),
};
