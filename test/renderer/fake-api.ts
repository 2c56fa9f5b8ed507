import { pageChannels, type Channel, type ContractEvents, type EventName } from '../../shared/ipc/contract';
import type { SscpApi } from '../../shared/ipc/api';
import type { IpcErrorValue } from '../../shared/ipc/result';
import { resetJobTracking } from '../../renderer/ipc/job-tracker';
import { findCatalog, listClaims } from '../../shared/catalog/index';
import { claimToShow, claimsInWorkingOrder } from '../../shared/domain/claim-filter';
import type { AssessmentDetail } from '../../shared/domain/types';
import type { AssessmentOpeningView } from '../../shared/ipc/views';

type Handler = (args: never) => unknown;

export interface FakeApi {
  readonly calls: { channel: Channel; args: unknown }[];
  readonly emit: <E extends EventName>(event: E, payload: ContractEvents[E]) => void;
  /** Answers `channel` with the handler's value; a thrown IpcErrorValue-shaped object becomes a failure. */
  readonly answer: (channel: Channel, handler: Handler) => void;
  /** File name → the path main granted for it when dropped; a name not here is refused as main would. */
  readonly droppedPaths: Map<string, string>;
}

/**
 * A stand-in for `window.sscp` built from the contract's channel list: every call is recorded;
 * unanswered channels fail loudly, so a test cannot pass by accident.
 */
export function installFakeApi(): FakeApi {
  resetJobTracking();
  const handlers = new Map<Channel, Handler>();
  const listeners = new Map<EventName, Set<(p: unknown) => void>>();
  const calls: FakeApi['calls'] = [];
  const droppedPaths = new Map<string, string>();
  const explicit = new Set<Channel>();
  const api: Record<string, unknown> = {};
  for (const channel of pageChannels) {
    api[channel] = async (args: unknown) => {
      calls.push({ channel, args });
      const handler = handlers.get(channel);
      if (!handler) return { ok: false, error: { kind: 'internal', message: `No fake answer for ${channel}` } };
      try {
        return { ok: true, value: await handler(args as never) };
      } catch (e) {
        return { ok: false, error: e as IpcErrorValue };
      }
    };
  }
  api.onEvent = (event: EventName, listener: (p: unknown) => void) => {
    const set = listeners.get(event) ?? new Set();
    set.add(listener);
    listeners.set(event, set);
    return () => set.delete(listener);
  };
  api.droppedFile = async (file: File) => {
    const path = droppedPaths.get(file.name);
    return path
      ? { ok: true, value: { path } }
      : {
          ok: false,
          error: {
            kind: 'invalid-input',
            message: 'That file was not chosen in this window.',
            hint: 'Choose it again with the Browse button or drop it onto the claim.',
          },
        };
  };
  Object.defineProperty(window, 'sscp', { value: api as unknown as SscpApi<File>, configurable: true, writable: true });
  return {
    calls,
    droppedPaths,
    answer: (channel, handler) => {
      handlers.set(channel, handler);
      explicit.add(channel);
      // A test answers the whole assessment; opening it in two replies is answered from the same
      // detail, as main splits it (unless the test answers those channels itself).
      if (channel === 'assessments.get') {
        const whole = (assessmentId: string) =>
          (handler as (a: { assessmentId: string }) => Promise<AssessmentDetail> | AssessmentDetail)({ assessmentId });
        if (!explicit.has('assessments.open'))
          handlers.set('assessments.open', (async ({ assessmentId, claimId }: { assessmentId: string; claimId: string | null }) =>
            openingOf(await whole(assessmentId), claimId)) as Handler);
        if (!explicit.has('assessments.evidence'))
          handlers.set(
            'assessments.evidence',
            (async ({ assessmentId }: { assessmentId: string }) => (await whole(assessmentId)).evidence) as Handler,
          );
      }
    },
    emit: (event, payload) => {
      for (const l of listeners.get(event) ?? []) l(payload);
    },
  };
}

/** Answers `settings.update` as main does: the settings as they were, with the patch applied. */
export function answerSettingsUpdate(fake: FakeApi): void {
  fake.answer('settings.update', (patch) => ({ theme: 'system', recentDatabases: [], defaultExportFolder: null, ...(patch as object) }));
}

/** `assessments.open`'s reply for a detail, split as main splits it (main/services/assessment-opening.ts). */
export function openingOf(detail: AssessmentDetail, claimId: string | null): AssessmentOpeningView {
  const { assessment, links, evidence, ...rest } = detail;
  const catalog = findCatalog(assessment.catalogId, assessment.catalogVersion);
  const shownClaimId = catalog
    ? (claimToShow(claimsInWorkingOrder(listClaims(catalog), detail), assessment, claimId)?.claim.id ?? null)
    : null;
  const shownIds = new Set(links.filter((l) => l.claimId === shownClaimId).map((l) => l.evidenceId));
  const claimEvidence: { claimId: string; evidenceIds: string[] }[] = [];
  for (const l of links) {
    const last = claimEvidence.at(-1);
    if (last?.claimId === l.claimId) last.evidenceIds.push(l.evidenceId);
    else claimEvidence.push({ claimId: l.claimId, evidenceIds: [l.evidenceId] });
  }
  return {
    ...rest,
    assessment,
    evidence: evidence.filter((e) => shownIds.has(e.id) || e.expiryDate !== null),
    shownClaimId,
    claimEvidence,
  };
}
