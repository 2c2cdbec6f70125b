// Replay files opened for streaming, kept parsed while unchanged: fifty spectators of one match cost
// one read and one check of every CRC, not fifty. Reads are async so a big file never stalls the others.
import { readFile, stat } from 'node:fs/promises';
import { ReplayReader } from '../../engine/replay/reader.js';
import { fixedStream, type BlobStream, type StreamBlob } from './stream.js';

export interface LoadedReplay {
  reader: ReplayReader;
  stream: BlobStream;
}

interface Entry {
  mtimeMs: number;
  size: number;
  loading: Promise<LoadedReplay>;
}

const MAX_ENTRIES = 32;

export class ReplayCache {
  private readonly entries = new Map<string, Entry>();

  /**
   * The replay at `file`; `name` is how errors name it (a path relative to what is served, never
   * the absolute path). Rejects with the reader's ReplayError for a corrupt or truncated file.
   */
  async load(file: string, name: string): Promise<LoadedReplay> {
    const st = await stat(file);
    const hit = this.entries.get(file);
    if (hit && hit.mtimeMs === st.mtimeMs && hit.size === st.size) {
      this.entries.delete(file);
      this.entries.set(file, hit);
      return hit.loading;
    }
    const loading = readFile(file).then((buf) => {
      const bytes = new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
      const reader = new ReplayReader(bytes, name);
      const blobs: StreamBlob[] = [{ kind: 'header', index: 0, bytes: reader.headerBlob() }];
      for (let i = 0; i < reader.segmentCount; i++) blobs.push({ kind: 'segment', index: i, bytes: reader.segmentBlob(i) });
      blobs.push({ kind: 'footer', index: 0, bytes: reader.footerBlob() });
      return { reader, stream: fixedStream(blobs) };
    });
    const entry: Entry = { mtimeMs: st.mtimeMs, size: st.size, loading };
    this.entries.set(file, entry);
    // A failed load is not cached: the file may be rewritten (a cup resuming) and read fine next time.
    loading.catch(() => {
      if (this.entries.get(file) === entry) this.entries.delete(file);
    });
    while (this.entries.size > MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
    return loading;
  }
}
