import type { Db } from '../store/database';
import type { SigningAlgorithm } from './algorithms';
import type { IdentityKind } from './identity-material';
import { parseEncryptedKey, serialiseEncryptedKey, type EncryptedPrivateKey } from './key-vault';

/** One signing identity as the database holds it. Keys are sealed; certificates are DER. */
export interface StoredIdentity {
  readonly id: string;
  readonly label: string;
  readonly kind: IdentityKind;
  readonly algorithm: SigningAlgorithm;
  readonly certificateDer: Uint8Array;
  /** Issuer first, root last. */
  readonly chainDer: readonly Uint8Array[];
  readonly encryptedKey: EncryptedPrivateKey;
  readonly fingerprint: string;
  readonly subject: { readonly commonName: string; readonly title: string; readonly organisation: string };
  readonly notBefore: string;
  readonly notAfter: string;
  /** The organisation root's sealed key (org-issued identities only): what renewal signs with. */
  readonly rootEncryptedKey: EncryptedPrivateKey | null;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** A renewed certificate and the new key it certifies. */
export type RenewedCertificate = Pick<
  StoredIdentity,
  'certificateDer' | 'chainDer' | 'encryptedKey' | 'fingerprint' | 'subject' | 'notBefore' | 'notAfter' | 'updatedAt'
>;

/** Persistence for identities; the SQLite one below is what the app uses. */
export interface IdentityRepository {
  findByLabel(label: string): StoredIdentity | undefined;
  list(): StoredIdentity[];
  insert(identity: StoredIdentity): void;
  replaceCertificate(id: string, renewed: RenewedCertificate): void;
}

interface IdentityRow {
  id: string;
  label: string;
  kind: IdentityKind;
  algorithm: SigningAlgorithm;
  certificate_der: Buffer;
  chain_json: string;
  encrypted_key_json: string;
  fingerprint: string;
  subject_common_name: string;
  subject_title: string;
  subject_organisation: string;
  not_before: string;
  not_after: string;
  root_encrypted_key_json: string | null;
  created_at: string;
  updated_at: string;
}

function chainToJson(chain: readonly Uint8Array[]): string {
  return JSON.stringify(chain.map((der) => Buffer.from(der).toString('base64')));
}

function rowToIdentity(row: IdentityRow): StoredIdentity {
  return {
    id: row.id,
    label: row.label,
    kind: row.kind,
    algorithm: row.algorithm,
    certificateDer: new Uint8Array(row.certificate_der),
    chainDer: (JSON.parse(row.chain_json) as string[]).map((b64) => new Uint8Array(Buffer.from(b64, 'base64'))),
    encryptedKey: parseEncryptedKey(row.encrypted_key_json, row.label),
    fingerprint: row.fingerprint,
    subject: { commonName: row.subject_common_name, title: row.subject_title, organisation: row.subject_organisation },
    notBefore: row.not_before,
    notAfter: row.not_after,
    rootEncryptedKey: row.root_encrypted_key_json === null ? null : parseEncryptedKey(row.root_encrypted_key_json, row.label),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/**
 * Identity rows in `table`: the per-user key store's `identities` (key-store.ts), or the
 * `signing_identities` table older versions kept in each assessment database, which
 * legacy-identities.ts moves out. Both have these columns.
 */
export function sqliteIdentityRows(
  db: Db,
  table: 'identities' | 'signing_identities',
): { repository: IdentityRepository; one(where: string, value: string): StoredIdentity | undefined } {
  const one = (where: string, value: string): StoredIdentity | undefined => {
    const row = db.prepare<[string], IdentityRow>(`SELECT * FROM ${table} WHERE ${where}`).get(value);
    return row && rowToIdentity(row);
  };
  const repository: IdentityRepository = {
    findByLabel(label) {
      return one('label = ?', label);
    },
    list() {
      return db.prepare<[], IdentityRow>(`SELECT * FROM ${table} ORDER BY created_at, label`).all().map(rowToIdentity);
    },
    insert(identity) {
      db.prepare(
        `INSERT INTO ${table} (id, label, kind, algorithm, certificate_der, chain_json, encrypted_key_json, fingerprint,
           subject_common_name, subject_title, subject_organisation, not_before, not_after, root_encrypted_key_json, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(
        identity.id,
        identity.label,
        identity.kind,
        identity.algorithm,
        Buffer.from(identity.certificateDer),
        chainToJson(identity.chainDer),
        serialiseEncryptedKey(identity.encryptedKey),
        identity.fingerprint,
        identity.subject.commonName,
        identity.subject.title,
        identity.subject.organisation,
        identity.notBefore,
        identity.notAfter,
        identity.rootEncryptedKey === null ? null : serialiseEncryptedKey(identity.rootEncryptedKey),
        identity.createdAt,
        identity.updatedAt,
      );
    },
    replaceCertificate(id, renewed) {
      db.prepare(
        `UPDATE ${table} SET certificate_der = ?, chain_json = ?, encrypted_key_json = ?, fingerprint = ?,
           subject_common_name = ?, subject_title = ?, subject_organisation = ?, not_before = ?, not_after = ?, updated_at = ?
         WHERE id = ?`,
      ).run(
        Buffer.from(renewed.certificateDer),
        chainToJson(renewed.chainDer),
        serialiseEncryptedKey(renewed.encryptedKey),
        renewed.fingerprint,
        renewed.subject.commonName,
        renewed.subject.title,
        renewed.subject.organisation,
        renewed.notBefore,
        renewed.notAfter,
        renewed.updatedAt,
        id,
      );
    },
  };
  return { repository, one };
}
