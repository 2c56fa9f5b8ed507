import type { Command } from 'commander';
import type { IdentityInfo } from '../../signing/identity-service';
import type { CommandContext } from '../context';
import { keyStorePath, sscpHome } from '../../signing/key-store';
import { field, printJson, shellWord } from '../io';
import { IDENTITY_DB_OPTION_FLAGS, IDENTITY_DB_OPTION_HELP, withIdentityService } from './identity-db';

/** The `sscp identity list --json` shape, documented in docs/cli-json.md: change it only by adding fields. */
export interface IdentityListJson {
  readonly identities: readonly {
    readonly label: string;
    readonly kind: 'self-signed' | 'org-issued' | 'imported';
    readonly algorithm: string;
    readonly fingerprint: string;
    readonly rootFingerprint: string | null;
    readonly subject: { readonly commonName: string; readonly title: string; readonly organisation: string };
    readonly issuer: string;
    readonly notBefore: string;
    readonly notAfter: string;
    readonly chainLength: number;
    readonly renewable: boolean;
    readonly createdAt: string;
    readonly updatedAt: string;
    readonly backedUpAt: string | null;
  }[];
  /** The key store file the identities are in. */
  readonly keyStore: string;
}

// Field by field, so a new IdentityInfo field does not leak into the JSON unannounced.
export function identityToJson(i: IdentityInfo): IdentityListJson['identities'][number] {
  return {
    label: i.label,
    kind: i.kind,
    algorithm: i.algorithm,
    fingerprint: i.fingerprint,
    rootFingerprint: i.rootFingerprint,
    subject: { commonName: i.subject.commonName, title: i.subject.title, organisation: i.subject.organisation },
    issuer: i.issuer,
    notBefore: i.notBefore,
    notAfter: i.notAfter,
    chainLength: i.chainLength,
    renewable: i.renewable,
    createdAt: i.createdAt,
    updatedAt: i.updatedAt,
    backedUpAt: i.backedUpAt,
  };
}

export function registerIdentityList(group: Command, ctx: CommandContext): void {
  group
    .command('list')
    .description('List the signing identities in your key store (never their keys).')
    .option(IDENTITY_DB_OPTION_FLAGS, IDENTITY_DB_OPTION_HELP)
    .option('--json', 'print JSON (shape in docs/cli-json.md)')
    .action(async (opts: { db?: string; json?: boolean }) => {
      const identities = await withIdentityService(ctx.io, opts.db, (service) => service.list());
      const keyStore = keyStorePath(sscpHome(ctx.io.env));
      if (opts.json) {
        const json: IdentityListJson = { identities: identities.map(identityToJson), keyStore };
        printJson(ctx.io, json);
        return;
      }
      if (identities.length === 0) {
        ctx.io.stdout.write(
          `No signing identities in your key store (${keyStore}) yet.\nCreate one with: sscp identity create --label L --sro NAME --sro-role ROLE --org NAME --with-root, or import a .p12 backup with: sscp identity import FILE.p12 --label L\n`,
        );
        return;
      }
      ctx.io.stdout.write(`Key store: ${keyStore}\n`);
      for (const i of identities) {
        const who = [
          i.subject.commonName && field(i.subject.commonName),
          i.subject.title && `(${field(i.subject.title)})`,
          i.subject.organisation && `, ${field(i.subject.organisation)}`,
        ]
          .filter(Boolean)
          .join(' ')
          .replace(' ,', ',');
        ctx.io.stdout.write(
          `${field(i.label)}  ${i.kind}  ${i.algorithm}  valid until ${i.notAfter.slice(0, 10)}  ${who}\n  fingerprint ${i.fingerprint}\n`,
        );
        if (i.rootFingerprint) ctx.io.stdout.write(`  root fingerprint ${i.rootFingerprint}\n`);
        ctx.io.stdout.write(
          i.backedUpAt
            ? `  backed up ${i.backedUpAt.slice(0, 10)}\n`
            : `  no backup yet: sscp identity export ${shellWord(i.label)} --out FILE.p12${i.kind === 'org-issued' ? ' --with-root-key' : ''}\n`,
        );
      }
    });
}
