import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeBrowserWindow } from './fake-electron';

vi.mock('electron', async () => (await import('./fake-electron')).electronModule);

const { guardClose, SAVE_BEFORE_CLOSE_MS } = await import('../../../main/app/close-guard');

class ClosableWindow extends FakeBrowserWindow {
  closed = 0;
  close(): void {
    const event = {
      defaultPrevented: false,
      preventDefault() {
        this.defaultPrevented = true;
      },
    };
    this.emit('close', event);
    if (!event.defaultPrevented) this.closed += 1;
  }
}

describe('closing the window', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('asks the page to save first and closes as soon as it has', () => {
    const window = new ClosableWindow({});
    const asked: number[] = [];
    const guard = guardClose(window as never, () => asked.push(Date.now()));
    window.close();
    expect(asked).toHaveLength(1);
    expect(window.closed).toBe(0);
    window.close();
    expect(asked).toHaveLength(1);
    guard.pageSaved();
    expect(window.closed).toBe(1);
  });

  it('closes anyway when the page does not answer in time', () => {
    const window = new ClosableWindow({});
    guardClose(window as never, () => {});
    window.close();
    vi.advanceTimersByTime(SAVE_BEFORE_CLOSE_MS - 1);
    expect(window.closed).toBe(0);
    vi.advanceTimersByTime(1);
    expect(window.closed).toBe(1);
  });

  it('ignores a stray "saved" when no close is pending', () => {
    const window = new ClosableWindow({});
    const guard = guardClose(window as never, () => {});
    guard.pageSaved();
    expect(window.closed).toBe(0);
  });
});
