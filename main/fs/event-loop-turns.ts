/**
 * Paces a long synchronous loop (reading, hashing or deflating a large file chunk by chunk):
 * every `everyBytes` it gives the event loop a turn, so progress reaches the screen and a
 * cancel (a message to the app's job process, Ctrl-C in the CLI) gets through.
 */
export class EventLoopTurns {
  private since = 0;

  constructor(private readonly everyBytes: number) {}

  /** Counts `n` more bytes; returns a promise to await when the event loop is due a turn, else null. */
  after(n: number): Promise<void> | null {
    this.since += n;
    if (this.since < this.everyBytes) return null;
    this.since = 0;
    return new Promise((resolve) => setImmediate(resolve));
  }
}
