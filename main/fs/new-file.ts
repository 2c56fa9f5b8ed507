import { createWriteStream, type WriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';

/** A file being created by a write stream, which can be discarded whatever state the stream is in. */
export interface NewFile {
  /** Writes into the new file; its open fails if anything is at the path already. */
  readonly stream: WriteStream;
  /**
   * Stops the stream and removes the file, if the stream created it. A pipeline rejects as soon
   * as its source fails, before the stream it writes to has closed, and possibly before that
   * stream's open has created the file (a source that breaks at once, under load): removing the
   * path then would come first, and the open would leave the file behind after it. So this
   * waits for the stream's 'close', which comes after its open has finished and its descriptor
   * is closed. A file the stream did not create (its open failed: something was there) is left.
   */
  discard(): Promise<void>;
}

/** Opens `path` as a new file (never one that exists) to be written through a stream, with `mode`. */
export function newFile(path: string, mode?: number): NewFile {
  const stream = createWriteStream(path, { flags: 'wx', ...(mode === undefined ? {} : { mode }) });
  let created = false;
  stream.once('open', () => (created = true));
  return {
    stream,
    discard: async () => {
      if (!stream.closed) {
        const closed = new Promise<void>((resolve) => stream.once('close', () => resolve()));
        // Whatever went wrong was reported by whoever was writing; a failure of the stream's own
        // open or close from here on must end only the wait, never the process.
        stream.on('error', () => undefined);
        stream.destroy();
        await closed;
      }
      if (created) await rm(path, { force: true });
    },
  };
}
