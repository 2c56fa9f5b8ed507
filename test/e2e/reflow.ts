import type { Page } from 'playwright-core';

/** The window sizes every main screen must fit without sideways scrolling. */
export const SIZES = [
  // 200 % zoom of a 1366×860 window: the CSS pixels a page gets.
  { name: 'zoom200', width: 683, height: 430 },
  { name: '1024x700', width: 1024, height: 700 },
  { name: '1920x1080', width: 1920, height: 1080 },
  // 400 % zoom of a 1280 px window, the width WCAG 1.4.10 names.
  { name: 'w320', width: 320, height: 640 },
] as const;

/** The panels that scroll on their own, and so must not scroll sideways either. */
const PANELS = ['.sidebar', '.main', '.page', '.navigator', '.nav-list', '.editor', '.editor-body'];

export interface Overflow {
  readonly what: string;
  readonly scrollWidth: number;
  readonly clientWidth: number;
  /** The elements that stick out past the window's right edge, to say what to fix. */
  readonly culprits: string[];
}

/** Everything that scrolls sideways: the page itself and each main panel. Empty when it all fits. */
export async function sidewaysScrolling(page: Page): Promise<Overflow[]> {
  return page.evaluate((panels) => {
    const culprits = (): string[] => {
      const limit = document.documentElement.clientWidth;
      const sticksOut = (el: Element | null) =>
        el !== null && el.getClientRects().length > 0 && el.getBoundingClientRect().right > limit + 1;
      // The outermost elements that stick out: their parents fit, so they are what to fix.
      return Array.from(document.querySelectorAll('body *'))
        .filter((el) => sticksOut(el) && !sticksOut(el.parentElement))
        .slice(0, 4)
        .map(
          (el) =>
            `${el.tagName.toLowerCase()}.${(el.getAttribute('class') ?? '').replace(/\s+/g, '.')} right=${Math.round(el.getBoundingClientRect().right)}`,
        );
    };
    const found: { what: string; scrollWidth: number; clientWidth: number; culprits: string[] }[] = [];
    const root = document.documentElement;
    if (root.scrollWidth > root.clientWidth)
      found.push({ what: 'page', scrollWidth: root.scrollWidth, clientWidth: root.clientWidth, culprits: culprits() });
    for (const selector of panels) {
      for (const el of Array.from(document.querySelectorAll(selector))) {
        if (el.scrollWidth > el.clientWidth + 1)
          found.push({ what: selector, scrollWidth: el.scrollWidth, clientWidth: el.clientWidth, culprits: culprits() });
      }
    }
    return found;
  }, PANELS);
}
