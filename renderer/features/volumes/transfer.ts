import { UPLOAD_CHUNK_BYTES, type TransferChunk } from '../../../electron/api/volumes-schemas';
import { client } from '../../api/client';

function fromBase64(data: string): Uint8Array<ArrayBuffer> {
  const binary = atob(data);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export interface ReadyDownload {
  url: string;
  fileName: string;
  size: number;
}

/**
 * Collects a stream of chunks into a file named by the stream's first event.
 * The caller shows it as a link the user clicks to save: browsers block (or
 * stall on) downloads started without a click, a second one especially.
 */
export async function saveDownload(stream: AsyncIterable<TransferChunk>, onBytes: (bytes: number) => void): Promise<ReadyDownload> {
  const parts: Uint8Array<ArrayBuffer>[] = [];
  let fileName = 'download';
  let mime = 'application/octet-stream';
  let received = 0;
  for await (const event of stream) {
    if (event.type === 'start') {
      fileName = event.fileName;
      mime = event.mime;
    } else if (event.type === 'chunk') {
      const bytes = fromBase64(event.data);
      parts.push(bytes);
      received += bytes.length;
      onBytes(received);
    }
  }
  const url = URL.createObjectURL(new Blob(parts, { type: mime }));
  return { url, fileName, size: received };
}

/** Sends a file to the host in chunks that fit either transport; returns the upload's id. */
export async function sendFile(file: File, onBytes: (bytes: number) => void, signal?: AbortSignal): Promise<string> {
  const { id } = await client.volumes.uploadBegin({ size: file.size });
  try {
    for (let offset = 0; offset < file.size; offset += UPLOAD_CHUNK_BYTES) {
      signal?.throwIfAborted();
      const bytes = new Uint8Array(await file.slice(offset, offset + UPLOAD_CHUNK_BYTES).arrayBuffer());
      const { received } = await client.volumes.uploadChunk({ id, offset, data: toBase64(bytes) });
      onBytes(received);
    }
    return id;
  } catch (error) {
    await client.volumes.uploadCancel({ id }).catch(() => undefined);
    throw error;
  }
}
