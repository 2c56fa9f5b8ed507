import type { ReactNode } from 'react';
import './Banner.css';

/** What a banner tells the person, which sets its colours: a plain notice, news, a success, a caution or a failure. */
export type BannerTone = 'neutral' | 'info' | 'success' | 'warning' | 'error';

/**
 * How a screen reader hears the banner. A banner that is part of the page as it opens is a
 * note, read in order with the rest. Only one that appears or changes because of something
 * the person just did is a live region: `polite` for an outcome (role="status"), `assertive`
 * for a failure that stops them (role="alert"). A live region is left out where something
 * else (the status bar) already announces the same outcome, so nothing is said twice.
 */
export type BannerLive = 'polite' | 'assertive';

const ROLE: Record<BannerLive | 'none', 'status' | 'alert' | 'note'> = { polite: 'status', assertive: 'alert', none: 'note' };

/**
 * A message across a screen or card: a bold title, the body underneath, and any buttons to
 * its right. The body is placed as given, so callers keep their own spans, lists and checkboxes.
 */
export function Banner({
  tone,
  title,
  children,
  actions,
  live,
}: {
  readonly tone: BannerTone;
  readonly title?: ReactNode;
  readonly children?: ReactNode;
  readonly actions?: ReactNode;
  readonly live?: BannerLive;
}) {
  return (
    <div className={tone === 'neutral' ? 'banner' : `banner ${tone}`} role={ROLE[live ?? 'none']}>
      <div className="banner-body">
        {title !== undefined ? <span className="banner-title">{title}</span> : null}
        {children}
      </div>
      {actions}
    </div>
  );
}
