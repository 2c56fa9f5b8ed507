import type { OwnCertificate } from '../../signing/trust-policy';
import type { OpenedPack } from './open-pack';

export {
  PACK_CHECKS,
  type PackCertification,
  type PackCheck,
  type PackCheckId,
  type PackCheckOutcome,
  type PackFileResult,
  type PackFileStatus,
  type PackVerification,
} from '../../../shared/domain/pack-results';

export interface VerifyPackOptions {
  /** PEM text of trusted organisation roots. */
  readonly rootsPem?: readonly string[];
  /** Expected SHA-256 fingerprint of the signer (or a certificate on its chain). */
  readonly fingerprint?: string;
  /** More expected fingerprints: every root and fingerprint given must match. */
  readonly fingerprints?: readonly string[];
  /** The user's own identities' certificates: their packs are trusted without an anchor. */
  readonly own?: readonly OwnCertificate[];
  readonly onProgress?: (progress: { phase: 'hash'; bytesDone: number; bytesTotal: number }) => void;
  readonly signal?: AbortSignal;
  /**
   * The pack, opened and its hashing begun by the caller (openPackToVerify) before it loaded
   * the verifier: verification takes it over, and closes it whatever happens, even when it
   * refuses before reading it (a malformed trust anchor). Else the path is opened there.
   */
  readonly opened?: Promise<OpenedPack>;
}
