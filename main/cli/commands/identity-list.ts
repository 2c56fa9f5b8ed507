import type { Command } from 'commander';
import type { IdentityInfo } from '../../signing/identity-service';
import type { CommandContext } from '../context';
import { field, printJson } from '../io';
import { DB_OPTION_FLAGS, DB_OPTION_HELP } from '../options';
import { withIdentityService } from './identity-db';

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
  }[];
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
  };
}

export function registerIdentityList(group: Command, ctx: CommandContext): void {
  group
    .command('list')
    .description('List the signing identities in a database (never their keys).')
    .requiredOption(DB_OPTION_FLAGS, DB_OPTION_HELP)
    .option('--json', 'print JSON (shape in docs/cli-json.md)')
    .action(async (opts: { db: string; json?: boolean }) => {
      const identities = await withIdentityService(opts.db, (service) => service.list(), { readOnly: true });
      if (opts.json) {
        const json: IdentityListJson = { identities: identities.map(identityToJson) };
        printJson(ctx.io, json);
        return;
      }
      if (identities.length === 0) {
        ctx.io.stdout.write('No signing identities yet. Create one with: sscp identity create --db FILE --label L --sro NAME --sro-role ROLE --org NAME\n');
        return;
      }
      for (const i of identities) {
        const who = [i.subject.commonName && field(i.subject.commonName), i.subject.title && `(${field(i.subject.title)})`, i.subject.organisation && `, ${field(i.subject.organisation)}`].filter(Boolean).join(' ').replace(' ,', ',');
        ctx.io.stdout.write(`${field(i.label)}  ${i.kind}  ${i.algorithm}  valid until ${i.notAfter.slice(0, 10)}  ${who}\n  fingerprint ${i.fingerprint}\n`);
        if (i.rootFingerprint) ctx.io.stdout.write(`  root fingerprint ${i.rootFingerprint}\n`);
      }
    });
}
