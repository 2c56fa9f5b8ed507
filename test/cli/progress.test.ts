import { describe, expect, it } from 'vitest';
import type { CliIo } from '../../main/cli/io';
import { liveLine, percentDone } from '../../main/cli/progress';

function io(isTTY: boolean): CliIo & { err: () => string } {
  let err = '';
  return { stdout: { write: () => true }, stderr: { write: (s: string) => (err += s) }, env: {}, isTTY, err: () => err };
}

describe('the live progress line shared by attach, export, import and verify', () => {
  it('redraws in place on a terminal, only when the text changes, and clears itself', () => {
    const tty = io(true);
    const live = liveLine(tty);
    expect(live.enabled).toBe(true);
    live.show('Checking… 1%');
    live.show('Checking… 1%');
    live.show('Checking… 2%');
    live.clear();
    live.show('Checking… 2%');
    expect(tty.err()).toBe('\r\x1b[KChecking… 1%\r\x1b[KChecking… 2%\r\x1b[K\r\x1b[KChecking… 2%');
  });

  it('writes its own control codes on the raw channel but escapes a file name shown in it', () => {
    let raw = '';
    const tty = { ...io(true), rawStderr: { write: (s: string) => (raw += s) } };
    liveLine(tty).show('Adding invoice\u202efdp.exe\x1b[2J\n… 5%');
    expect(raw).toBe('\r\x1b[KAdding invoice\\u{202e}fdp.exe\\u{1b}[2J\\n… 5%');
    expect(tty.err()).toBe('');
  });

  it('writes nothing to a pipe or a log, so piped output stays exactly the report', () => {
    const pipe = io(false);
    const live = liveLine(pipe);
    expect(live.enabled).toBe(false);
    live.show('Checking… 50%');
    live.clear();
    expect(pipe.err()).toBe('');
  });

  it('counts whole percent, and an empty job as complete', () => {
    expect(percentDone(0, 0)).toBe(100);
    expect(percentDone(1, 3)).toBe(33);
    expect(percentDone(3, 3)).toBe(100);
  });
});
