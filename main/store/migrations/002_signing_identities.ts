import type { Migration } from './migration';

/**
 * Signing identities (main/signing). Private keys are stored only sealed (AES-256-GCM under a
 * passphrase-derived key, the KDF parameters inside the JSON); the passphrase never is. An
 * organisation-issued identity also keeps its root's sealed key, so the SRO can renew.
 */
export const migration002SigningIdentities: Migration = {
  version: 2,
  name: 'signing-identities',
  sql: `
CREATE TABLE signing_identities (
  id                    TEXT PRIMARY KEY,
  label                 TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(trim(label)) > 0),
  kind                  TEXT NOT NULL CHECK (kind IN ('self-signed', 'org-issued', 'imported')),
  algorithm             TEXT NOT NULL CHECK (algorithm IN ('p256', 'p384') OR algorithm GLOB 'rsa[0-9]*'),
  certificate_der       BLOB NOT NULL,
  chain_json            TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(chain_json) AND json_type(chain_json) = 'array'),
  encrypted_key_json    TEXT NOT NULL CHECK (json_valid(encrypted_key_json)),
  fingerprint           TEXT NOT NULL CHECK (length(fingerprint) = 64 AND fingerprint NOT GLOB '*[^0-9a-f]*'),
  subject_common_name   TEXT NOT NULL DEFAULT '',
  subject_title         TEXT NOT NULL DEFAULT '',
  subject_organisation  TEXT NOT NULL DEFAULT '',
  not_before            TEXT NOT NULL,
  not_after             TEXT NOT NULL,
  root_encrypted_key_json TEXT CHECK (root_encrypted_key_json IS NULL OR json_valid(root_encrypted_key_json)),
  created_at            TEXT NOT NULL,
  updated_at            TEXT NOT NULL,
  CHECK (kind = 'org-issued' OR root_encrypted_key_json IS NULL)
);
`,
};
