import { useEffect } from 'react';
import { useSession } from '../stores/session';

/** Puts the chosen theme on <html>; "system" follows the operating system as it changes. */
export function useTheme(): void {
  const theme = useSession((s) => s.settings?.theme ?? 'system');
  useEffect(() => {
    const media = window.matchMedia?.('(prefers-color-scheme: dark)');
    const apply = () => {
      const dark = theme === 'dark' || (theme === 'system' && media?.matches === true);
      document.documentElement.dataset.theme = dark ? 'dark' : 'light';
    };
    apply();
    media?.addEventListener('change', apply);
    return () => media?.removeEventListener('change', apply);
  }, [theme]);
}
