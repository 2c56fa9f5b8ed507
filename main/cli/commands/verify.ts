import { openPackToVerify } from '../../pack/verify/open-pack';
import type { RegisterCommand } from '../context';
import { EXIT_CHECK_FAILED, EXIT_UNTRUSTED_SIGNER, printJson } from '../io';
import { collect, DB_OPTION_FLAGS, FINGERPRINT_OPTION_FLAGS, TRUST_OPTION_FLAGS, trustedRootsOption } from '../options';
import { liveLine, percentDone } from '../progress';
import { cancellableByInterrupt } from '../interrupt';

/**
 * `sscp verify`. This file loads nothing heavy: the command opens the pack and starts hashing
 * it on a second thread first, then loads the code that reads its structure and checks
 * signatures and certificates (pkijs, @peculiar/x509, the key store), which then runs while the
 * pack is being hashed. The report's wording is in ../verify-report.ts.
 */
export const registerVerify: RegisterCommand = (program, ctx) => {
  program
    .command('verify')
    .description(
      'Check an evidence pack: the signature covers the whole file and certifies it (no changes allowed after signing), every embedded file matches the manifest, and the signer is ' +
        'one you trust (every --trust root and --fingerprint given must match; with none, only your own identities in --db are trusted). ' +
        'Exits 0 valid and trusted, 1 invalid or not the signer you named, 2 not a pack, 3 intact but nothing establishes who signed, ' +
        '130 when stopped with Ctrl-C.',
    )
    .argument('<pack>', 'the evidence pack (.pdf)')
    .option(TRUST_OPTION_FLAGS, "the organisation's root certificate (PEM) to trust, obtained from the organisation; repeatable", collect)
    .option(FINGERPRINT_OPTION_FLAGS, "the signer's certificate SHA-256 fingerprint, obtained from the organisation; repeatable", collect)
    .option(
      DB_OPTION_FLAGS,
      'not needed: packs signed by the identities in your key store are trusted; a database an older version kept identities in has them moved there first',
    )
    .option('--json', 'print JSON (shape in docs/cli-json.md)')
    .action(async (pack: string, opts: { trust?: string[]; fingerprint?: string[]; db?: string; json?: boolean }) => {
      // Opened (and refused if it is no PDF) now, but that refusal is reported only where it
      // always was: after the command's own options, which are the caller's mistake first.
      const opened = openPackToVerify(pack);
      opened.catch(() => undefined);
      let handedOver = false;
      try {
        const [{ verifyPack }, { formatVerification }, { ownIdentityCertificates }] = await Promise.all([
          import('../../pack/verify/verify-pack'),
          import('../verify-report'),
          import('../own-identities'),
        ]);
        const rootsPem = trustedRootsOption(opts.trust);
        const own = await ownIdentityCertificates(ctx.io, { db: opts.db });
        const live = liveLine(ctx.io);
        const onProgress = live.enabled
          ? (p: { bytesDone: number; bytesTotal: number }) => live.show(`Checking… ${percentDone(p.bytesDone, p.bytesTotal)}%`)
          : undefined;
        // Ctrl-C stops the check (exit status 130); verifying writes nothing, so nothing is left behind.
        handedOver = true;
        const result = await cancellableByInterrupt(ctx.io, 'check', (signal) =>
          verifyPack(pack, { rootsPem, fingerprints: opts.fingerprint, own, onProgress, signal, opened }),
        ).finally(live.clear);
        if (opts.json) printJson(ctx.io, result);
        else ctx.io.stdout.write(formatVerification(pack, result));
        if (!result.valid) ctx.exitCode = EXIT_CHECK_FAILED;
        else if (!result.trusted) ctx.exitCode = EXIT_UNTRUSTED_SIGNER;
      } finally {
        // Refused before the check began (an option, the key store): the thread stops, the file closes.
        if (!handedOver)
          await opened.then(
            (p) => p.close(),
            () => undefined,
          );
      }
    });
};
