/**
 * Folds the engine's pull and push progress lines (one JSON object per line)
 * into one snapshot: each layer's phase and bytes, and the overall bytes done
 * of the total known so far.
 */
export type LayerPhase =
  | 'waiting'
  | 'downloading'
  | 'verifying'
  | 'downloaded'
  | 'extracting'
  | 'complete'
  | 'exists'
  | 'preparing'
  | 'pushing'
  | 'pushed';

export interface LayerProgress {
  id: string;
  phase: LayerPhase;
  /** Bytes moved in the current phase's transfer (download or upload). */
  current: number;
  /** The layer's compressed size, once the engine has said it. */
  total: number;
  /** Bytes extracted so far (pull only). */
  extracted: number;
}

export interface ProgressSnapshot {
  layers: LayerProgress[];
  bytesDone: number;
  bytesTotal: number;
  /** Lines without a layer id ("Pulling from …", "Digest: …", "Status: …"). */
  messages: string[];
  digest?: string;
}

export interface ProgressLine {
  status?: string;
  id?: string;
  progressDetail?: { current?: number; total?: number };
  error?: string;
  errorDetail?: { message?: string };
  aux?: { Digest?: string; Tag?: string; Size?: number };
}

const PHASES: Record<string, LayerPhase> = {
  'Pulling fs layer': 'waiting',
  Waiting: 'waiting',
  Downloading: 'downloading',
  'Verifying Checksum': 'verifying',
  'Download complete': 'downloaded',
  Extracting: 'extracting',
  'Pull complete': 'complete',
  'Already exists': 'exists',
  Preparing: 'preparing',
  Pushing: 'pushing',
  Pushed: 'pushed',
  'Layer already exists': 'exists',
  Mounted: 'exists',
};

const MAX_MESSAGES = 50;

export class ProgressAggregator {
  private readonly layers = new Map<string, LayerProgress>();
  private readonly messages: string[] = [];
  private digest: string | undefined;

  /** Feeds one line; returns the engine's error text when the line is an error. */
  push(line: ProgressLine): string | undefined {
    if (line.error || line.errorDetail?.message) return line.errorDetail?.message ?? line.error;
    if (line.aux?.Digest) this.digest = line.aux.Digest;
    const status = line.status ?? '';
    const phase = PHASES[status] ?? (status.startsWith('Mounted from') ? 'exists' : undefined);
    if (!phase || !line.id) {
      if (status) this.note(line.id ? `${line.id}: ${status}` : status);
      const digest = /(?:^|\s)digest: (sha256:[a-f0-9]{64})/i.exec(status);
      if (digest) this.digest = digest[1];
      return undefined;
    }
    const layer = this.layers.get(line.id) ?? { id: line.id, phase, current: 0, total: 0, extracted: 0 };
    layer.phase = phase;
    const detail = line.progressDetail ?? {};
    if (phase === 'downloading' || phase === 'pushing') {
      if (detail.total) layer.total = detail.total;
      if (detail.current !== undefined) layer.current = detail.current;
    } else if (phase === 'extracting') {
      if (detail.total && !layer.total) layer.total = detail.total;
      layer.current = layer.total;
      if (detail.current !== undefined) layer.extracted = detail.current;
    } else if (phase === 'downloaded' || phase === 'verifying' || phase === 'complete' || phase === 'pushed') {
      layer.current = layer.total;
      if (phase === 'complete') layer.extracted = layer.total;
    }
    this.layers.set(line.id, layer);
    return undefined;
  }

  private note(message: string): void {
    this.messages.push(message);
    if (this.messages.length > MAX_MESSAGES) this.messages.shift();
  }

  snapshot(): ProgressSnapshot {
    const layers = [...this.layers.values()].map((layer) => ({ ...layer }));
    let bytesDone = 0;
    let bytesTotal = 0;
    for (const layer of layers) {
      if (layer.phase === 'exists') continue;
      bytesTotal += layer.total;
      bytesDone += Math.min(layer.current, layer.total || layer.current);
    }
    return { layers, bytesDone, bytesTotal, messages: [...this.messages], digest: this.digest };
  }
}
