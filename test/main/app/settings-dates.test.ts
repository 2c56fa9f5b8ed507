import { describe, expect, it, vi } from 'vitest';
import { validateRequest } from '../../../main/ipc/validate';
import { isSscpError } from '../../../shared/errors';

/** electron-store as a file the settings outlive the store object in: one record per store name. */
const files = vi.hoisted(() => new Map<string, Record<string, unknown>>());
vi.mock('electron-store', () => ({
  default: class {
    private readonly data: Record<string, unknown>;
    constructor(options: { name: string; defaults: Record<string, unknown> }) {
      const file = files.get(options.name) ?? {};
      files.set(options.name, file);
      this.data = file;
      for (const [key, value] of Object.entries(options.defaults)) if (!(key in file)) file[key] = value;
    }
    get(key: string): unknown {
      return this.data[key];
    }
    set(key: string, value: unknown): void {
      this.data[key] = value;
    }
  },
}));

const { createSettingsStore } = await import('../../../main/app/settings');

describe('the date format setting', () => {
  it('is automatic at first, is kept across restarts, and reports the system region auto follows', () => {
    files.clear();
    const first = createSettingsStore(() => 'en-GB');
    expect(first.get()).toMatchObject({ dateFormat: 'auto', systemLocale: 'en-GB' });
    expect(first.update({ dateFormat: 'month-first' })).toMatchObject({ dateFormat: 'month-first' });
    // The app restarts: a new store object reads the saved file.
    const again = createSettingsStore(() => 'de-DE');
    expect(again.get()).toMatchObject({ dateFormat: 'month-first', systemLocale: 'de-DE', theme: 'system' });
    // Other changes leave it alone.
    expect(again.update({ theme: 'dark' })).toMatchObject({ dateFormat: 'month-first', theme: 'dark' });
    expect(createSettingsStore(() => '').get().systemLocale).toBeNull();
  });

  it('reads a value it does not know (a hand edit, a newer version) as automatic, and refuses to save one', () => {
    files.clear();
    createSettingsStore();
    files.get('settings')!.dateFormat = 'yyyy/dd/mm';
    const store = createSettingsStore();
    expect(store.get().dateFormat).toBe('auto');
    let refused: unknown = null;
    try {
      store.update({ dateFormat: 'yyyy/dd/mm' as never });
    } catch (e) {
      refused = e;
    }
    expect(isSscpError(refused) && refused.message).toBe('"yyyy/dd/mm" is not a date format.');
    expect(files.get('settings')!.dateFormat).toBe('yyyy/dd/mm');
  });

  it('crosses the IPC contract only as one of the choices', () => {
    expect(validateRequest('settings.update', { dateFormat: 'day-first' }).args).toEqual({ dateFormat: 'day-first' });
    expect(() => validateRequest('settings.update', { dateFormat: 'dd/mm/yyyy' })).toThrow(/dateFormat/);
    expect(() => validateRequest('settings.update', { systemLocale: 'en-US' })).toThrow();
  });
});
