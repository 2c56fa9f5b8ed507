import { field, type CliIo } from './io';

/** Whole percent of a job done; an empty job is complete. */
export function percentDone(done: number, total: number): number {
  return total === 0 ? 100 : Math.floor((done / total) * 100);
}

/**
 * One status line redrawn in place on a terminal, written only when its text changes.
 * A pipe or a log gets nothing from it, so piped output stays exactly the report (or the JSON).
 */
export interface LiveLine {
  /** False off a terminal: callers then pass no progress callback at all. */
  readonly enabled: boolean;
  show(text: string): void;
  /** Wipes the line so what is printed next starts on a clean line. */
  clear(): void;
}

/**
 * Writes through the raw channel (`\r` and erase-line are ours); the text itself, which may
 * name a file, is escaped with `field`, so it cannot add control sequences of its own.
 */
export function liveLine(io: CliIo): LiveLine {
  const raw = io.rawStderr ?? io.stderr;
  let shown = '';
  return {
    enabled: io.isTTY,
    show(text) {
      if (!io.isTTY || text === shown) return;
      shown = text;
      raw.write(`\r\x1b[K${field(text)}`);
    },
    clear() {
      if (!io.isTTY) return;
      shown = '';
      raw.write('\r\x1b[K');
    },
  };
}
