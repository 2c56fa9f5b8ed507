/** `fs.readSync` as used here; a worker thread passes its own. */
export type ReadSync = (fd: number, buffer: Uint8Array, offset: number, length: number, position: number) => number;

/**
 * Reads `length` bytes at `position` into `buffer` at `offset`, calling `read` (`readSync`)
 * until they are all there or the file ends; returns how many it read, fewer only at the end
 * of the file. It uses nothing but its arguments, so a worker thread's source can include it
 * as text (`${readFully.toString()}`).
 */
export function readFully(read: ReadSync, fd: number, buffer: Uint8Array, offset: number, length: number, position: number): number {
  let done = 0;
  while (done < length) {
    const n = read(fd, buffer, offset + done, length - done, position + done);
    if (n === 0) break;
    done += n;
  }
  return done;
}
