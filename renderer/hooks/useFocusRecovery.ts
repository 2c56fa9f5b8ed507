import { useEffect } from 'react';

/**
 * When the focused control disappears (a form replaced by its result, a dialog closing onto a
 * redrawn page), focus falls to the page body and a keyboard user would start again at the
 * top. Put it on the page's heading instead, unless the screen has already placed it.
 */
export function useFocusRecovery(): void {
  useEffect(() => {
    let last: Element | null = null;
    const onFocusIn = (e: FocusEvent) => {
      last = e.target instanceof Element ? e.target : null;
    };
    // Browsers fire no focus event when the focused element is removed: watch the page instead.
    const observer = new MutationObserver(() => {
      if (!last || last.isConnected) return;
      if (document.activeElement && document.activeElement !== document.body) return;
      last = null;
      document.getElementById('page-title')?.focus({ preventScroll: true });
    });
    document.addEventListener('focusin', onFocusIn);
    observer.observe(document.body, { childList: true, subtree: true });
    return () => {
      document.removeEventListener('focusin', onFocusIn);
      observer.disconnect();
    };
  }, []);
}
