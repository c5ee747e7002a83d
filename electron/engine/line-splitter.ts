/**
 * Splits a byte stream into newline-delimited lines. The engine's events
 * stream sends one JSON object per line, but a chunk may hold several lines
 * or end in the middle of one.
 */
export class LineSplitter {
  private rest = '';
  private readonly decoder = new TextDecoder();

  push(chunk: Uint8Array | string): string[] {
    this.rest += typeof chunk === 'string' ? chunk : this.decoder.decode(chunk, { stream: true });
    const parts = this.rest.split('\n');
    this.rest = parts.pop() ?? '';
    return parts.map((line) => line.trim()).filter((line) => line.length > 0);
  }
}
