import { DEFAULT_DATE_FORMAT, dateStyleFor, type DateStyle } from '../../shared/format/dates';
import type { Settings } from '../../shared/ipc/views';
import { useSession } from '../stores/session';

/**
 * The date style the app shows and reads now: the Settings choice, `auto` following the system's
 * regional format that main reports (never the browser's language, which is the app's build
 * language, not the person's region); `1 Mar 2026` until settings have loaded or when the region
 * is unknown or ambiguous.
 */
export function dateStyleOf(settings: Pick<Settings, 'dateFormat' | 'systemLocale'> | null): DateStyle {
  return dateStyleFor(settings?.dateFormat ?? DEFAULT_DATE_FORMAT, settings?.systemLocale ?? null);
}

/** For code outside a component (formatters called while rendering read it too). */
export function currentDateStyle(): DateStyle {
  return dateStyleOf(useSession.getState().settings);
}

/** The current style, re-rendering the component when the setting changes. */
export function useDateStyle(): DateStyle {
  const dateFormat = useSession((s) => s.settings?.dateFormat);
  const systemLocale = useSession((s) => s.settings?.systemLocale);
  return dateStyleOf({ dateFormat, systemLocale });
}
