// @vitest-environment jsdom
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DateForm } from './date-form';
import type { DateFormatSetting } from '../../shared/format/dates';
import type { Settings } from '../../shared/ipc/views';
import { useDateStyle } from '../../renderer/format/dates';
import { DatesSection } from '../../renderer/screens/settings/DatesSection';
import { AssessmentTable } from '../../renderer/screens/start/AssessmentTable';
import { useAnnouncer } from '../../renderer/stores/announcer';
import { useSession } from '../../renderer/stores/session';
import { installFakeApi, type FakeApi } from './fake-api';
import { makeAssessment } from './fixtures';

const settingsWith = (dateFormat: DateFormatSetting | undefined, systemLocale: string | null): Settings => ({
  theme: 'light',
  recentDatabases: [],
  defaultIdentityId: null,
  defaultExportFolder: null,
  profile: null,
  ...(dateFormat ? { dateFormat } : {}),
  systemLocale,
});

const items = [
  {
    assessment: makeAssessment({
      periodStart: '2026-03-01',
      periodEnd: '2027-02-28',
      updatedAt: new Date(2026, 10, 5, 9, 30).toISOString(),
    }),
    completeness: { inScope: 45, assessed: 3, done: 3, withEvidence: 1, assessedPercent: 6, donePercent: 6 },
    unverifiedSigner: null,
  },
];

/** Like the App: re-renders when the date format changes, so everything shown follows it. */
function Page() {
  useDateStyle();
  return <AssessmentTable items={items} />;
}

describe('dates in the format chosen in Settings', () => {
  let fake: FakeApi;
  beforeEach(() => {
    fake = installFakeApi();
    useAnnouncer.setState({ message: '', error: null });
  });
  afterEach(cleanup);

  it.each([
    [undefined, null, '1 Mar 2026 – 28 Feb 2027', '5 Nov 2026, 09:30'],
    ['auto', 'en-GB', '01/03/2026 – 28/02/2027', '05/11/2026, 09:30'],
    ['auto', 'en-US', '03/01/2026 – 02/28/2027', '11/05/2026, 09:30'],
    ['auto', 'de-DE', '01.03.2026 – 28.02.2027', '05.11.2026, 09:30'],
    ['auto', 'en', '1 Mar 2026 – 28 Feb 2027', '5 Nov 2026, 09:30'],
    ['day-month-year', 'en-US', '1 Mar 2026 – 28 Feb 2027', '5 Nov 2026, 09:30'],
    ['iso', 'en-GB', '2026-03-01 – 2027-02-28', '2026-11-05, 09:30'],
    ['day-first', 'en-US', '01/03/2026 – 28/02/2027', '05/11/2026, 09:30'],
    ['month-first', 'en-GB', '03/01/2026 – 02/28/2027', '11/05/2026, 09:30'],
  ] as const)('%s with the system in %s: the period reads %s', (dateFormat, locale, period, changed) => {
    useSession.setState({ settings: settingsWith(dateFormat, locale) });
    render(<Page />);
    expect(screen.getByText(period)).toBeTruthy();
    expect(screen.getByText(changed)).toBeTruthy();
  });

  it('saves a new choice in settings, and the dates on screen follow it at once', async () => {
    useSession.setState({ settings: settingsWith('auto', 'en-GB') });
    fake.answer('settings.update', (patch: Partial<Settings>) => ({ ...useSession.getState().settings!, ...patch }));
    render(
      <>
        <DatesSection />
        <Page />
      </>,
    );
    const automatic = screen.getByRole('radio', { name: /Automatic, from this computer \(en-GB → 01\/03\/2026\)/ });
    expect((automatic as HTMLInputElement).checked).toBe(true);
    expect(screen.getByText('01/03/2026 – 28/02/2027')).toBeTruthy();
    await userEvent.click(screen.getByRole('radio', { name: 'ISO, year first (2026-03-01)' }));
    await waitFor(() => expect(screen.getByText('2026-03-01 – 2027-02-28')).toBeTruthy());
    expect(fake.calls.filter((c) => c.channel === 'settings.update').map((c) => c.args)).toEqual([{ dateFormat: 'iso' }]);
    expect(useAnnouncer.getState().message).toBe('Dates now show as 2026-03-01 (1 March 2026).');
    await userEvent.click(screen.getByRole('radio', { name: 'Numeric, month first (03/01/2026)' }));
    await waitFor(() => expect(screen.getByText('03/01/2026 – 02/28/2027')).toBeTruthy());
  });

  it('says the region is not known when main does not report one, and then shows 1 Mar 2026', () => {
    useSession.setState({ settings: settingsWith(undefined, null) });
    render(<DatesSection />);
    expect(screen.getByRole('radio', { name: 'Automatic, from this computer (region not known → 1 Mar 2026)' })).toBeTruthy();
  });
});

describe('a date box in each format', () => {
  beforeEach(() => installFakeApi());
  afterEach(cleanup);

  async function typeDate(text: string): Promise<{ box: HTMLInputElement; seen: string[] }> {
    const seen: string[] = [];
    render(<DateForm seen={seen} />);
    const box = screen.getByLabelText('Due date') as HTMLInputElement;
    await userEvent.type(box, text);
    await userEvent.click(screen.getByRole('button', { name: 'Elsewhere' }));
    return { box, seen };
  }

  it('reads numbers day first when the format is day first, and shows the date back in it', async () => {
    useSession.setState({ settings: settingsWith('auto', 'en-GB') });
    const { box, seen } = await typeDate('1/3/2026');
    expect(seen.at(-1)).toBe('2026-03-01');
    expect(box.value).toBe('01/03/2026');
    expect(box.placeholder).toBe('01/03/2026');
  });

  it('reads the same numbers month first when the format is month first', async () => {
    useSession.setState({ settings: settingsWith('month-first', 'en-GB') });
    const { box, seen } = await typeDate('1/3/2026');
    expect(seen.at(-1)).toBe('2026-01-03');
    expect(box.value).toBe('01/03/2026');
  });

  it('does not guess a numeric date in the written format, and says both days it could be', async () => {
    useSession.setState({ settings: settingsWith('day-month-year', 'en-US') });
    const { box, seen } = await typeDate('01/03/2026');
    expect(box.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText(/could be 1 Mar 2026 or 3 Jan 2026: the app does not guess which/)).toBeTruthy();
    expect(seen.at(-1)).toBe('01/03/2026');
  });

  it('refuses a day that does not exist in the chosen order rather than reading it the other way round', async () => {
    useSession.setState({ settings: settingsWith('day-first', null) });
    const { box, seen } = await typeDate('03/25/2026');
    expect(box.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText(/not a real day read day first/)).toBeTruthy();
    expect(seen.at(-1)).toBe('03/25/2026');
  });
});
