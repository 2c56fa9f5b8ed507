import { useSyncExternalStore } from 'react';

/** Whether a CSS media query matches now; follows the window as it is resized or zoomed. */
export function useMediaQuery(query: string): boolean {
  return useSyncExternalStore(
    (onChange) => {
      if (typeof window.matchMedia !== 'function') return () => undefined;
      const list = window.matchMedia(query);
      list.addEventListener('change', onChange);
      return () => list.removeEventListener('change', onChange);
    },
    () => (typeof window.matchMedia === 'function' ? window.matchMedia(query).matches : false),
  );
}

/** The width below which panels stack into one column (reflow.css uses the same number). */
export const NARROW = '(max-width: 760px)';
