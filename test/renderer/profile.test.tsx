// @vitest-environment jsdom
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Screen } from '../../renderer/Screen';
import { ProfileSection } from '../../renderer/screens/settings/ProfileSection';
import { useAssessments } from '../../renderer/stores/assessments';
import { useSession } from '../../renderer/stores/session';
import type { UserProfile } from '../../shared/domain/actor';
import type { Settings } from '../../shared/ipc/views';
import { installFakeApi, type FakeApi } from './fake-api';

const settings = (profile: UserProfile | null): Settings => ({
  theme: 'light',
  recentDatabases: [],
  defaultIdentityId: null,
  defaultExportFolder: null,
  profile,
});

describe('the first-run profile step', () => {
  let fake: FakeApi;
  beforeEach(() => {
    fake = installFakeApi();
    useAssessments.setState({ items: [], loaded: false });
    fake.answer('settings.update', (patch: Partial<Settings>) => ({ ...settings(null), ...patch }));
  });
  afterEach(cleanup);

  it('asks who you are before anything else, checks the answer, and then welcomes you', async () => {
    useSession.setState({ dbPath: null, settings: settings(null) });
    render(<Screen route={{ name: 'start' }} />);
    expect(screen.getByRole('heading', { name: 'Before you start: who are you?' })).toBeTruthy();
    expect(screen.queryByRole('heading', { name: 'Welcome' })).toBeNull();

    await userEvent.click(screen.getByRole('button', { name: 'Continue' }));
    expect(screen.getByText('Your name is empty.')).toBeTruthy();
    expect(screen.getByText('Your role is empty.')).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByLabelText('Your name'));
    expect(fake.calls.filter((c) => c.channel === 'settings.update')).toEqual([]);

    await userEvent.type(screen.getByLabelText('Your name'), '  Priya Raman ');
    await userEvent.type(screen.getByLabelText('Your role'), 'CTO');
    await userEvent.type(screen.getByLabelText('Email (optional)'), 'priya');
    await userEvent.click(screen.getByRole('button', { name: 'Continue' }));
    expect(screen.getByText('Your email does not look like an email address (name@example.com).')).toBeTruthy();
    expect(screen.getByLabelText('Email (optional)').getAttribute('aria-invalid')).toBe('true');

    await userEvent.clear(screen.getByLabelText('Email (optional)'));
    await userEvent.click(screen.getByRole('button', { name: 'Continue' }));
    await waitFor(() => expect(screen.getByRole('heading', { name: 'Welcome' })).toBeTruthy());
    expect(fake.calls.filter((c) => c.channel === 'settings.update').map((c) => c.args)).toEqual([
      { profile: { name: 'Priya Raman', role: 'CTO', email: '' } },
    ]);
    expect(useSession.getState().settings?.profile).toEqual({ name: 'Priya Raman', role: 'CTO', email: '' });
  });

  it('shows main refusing the profile, and stays on the step', async () => {
    useSession.setState({ dbPath: null, settings: settings(null) });
    fake.answer('settings.update', () => {
      throw {
        kind: 'invalid-input',
        message: 'Your name contains a control character (such as a line break or tab).',
        hint: 'Correct your profile and save it again.',
      };
    });
    render(<Screen route={{ name: 'start' }} />);
    await userEvent.type(screen.getByLabelText('Your name'), 'Priya');
    await userEvent.type(screen.getByLabelText('Your role'), 'CTO');
    await userEvent.click(screen.getByRole('button', { name: 'Continue' }));
    await waitFor(() => expect(fake.calls.some((c) => c.channel === 'settings.update')).toBe(true));
    expect(screen.getByRole('heading', { name: 'Before you start: who are you?' })).toBeTruthy();
    expect(useSession.getState().settings?.profile).toBeNull();
  });

  it('is not shown once a profile is saved', () => {
    useSession.setState({ dbPath: null, settings: settings({ name: 'Priya Raman', role: 'CTO', email: '' }) });
    render(<Screen route={{ name: 'start' }} />);
    expect(screen.getByRole('heading', { name: 'Welcome' })).toBeTruthy();
    expect(screen.queryByRole('heading', { name: 'Before you start: who are you?' })).toBeNull();
  });
});

describe('the profile in Settings', () => {
  let fake: FakeApi;
  beforeEach(() => {
    fake = installFakeApi();
    fake.answer('settings.update', (patch: Partial<Settings>) => ({ ...settings(null), ...patch }));
  });
  afterEach(cleanup);

  it('shows the saved profile and saves a change', async () => {
    useSession.setState({ dbPath: '/db/a.sscp', settings: settings({ name: 'Priya Raman', role: 'CTO', email: 'priya@example.com' }) });
    render(<ProfileSection />);
    const role = screen.getByLabelText<HTMLInputElement>('Your role');
    expect(screen.getByLabelText<HTMLInputElement>('Your name').value).toBe('Priya Raman');
    expect(role.value).toBe('CTO');
    await userEvent.clear(role);
    await userEvent.type(role, 'Chief Technology Officer');
    await userEvent.click(screen.getByRole('button', { name: 'Save profile' }));
    await waitFor(() =>
      expect(fake.calls.filter((c) => c.channel === 'settings.update').map((c) => c.args)).toEqual([
        { profile: { name: 'Priya Raman', role: 'Chief Technology Officer', email: 'priya@example.com' } },
      ]),
    );
    expect(useSession.getState().settings?.profile?.role).toBe('Chief Technology Officer');
  });

  it('refuses a name over 100 characters without saving', async () => {
    useSession.setState({ dbPath: '/db/a.sscp', settings: settings({ name: 'Priya Raman', role: 'CTO', email: '' }) });
    render(<ProfileSection />);
    const name = screen.getByLabelText('Your name');
    await userEvent.clear(name);
    await userEvent.click(name);
    await userEvent.paste('x'.repeat(101));
    await userEvent.click(screen.getByRole('button', { name: 'Save profile' }));
    expect(screen.getByText('Your name is longer than 100 characters.')).toBeTruthy();
    expect(fake.calls.filter((c) => c.channel === 'settings.update')).toEqual([]);
  });
});
