import { relative } from 'node:path';
import { resultWords } from '../../../shared/domain/labels';
import type { ClaimResult } from '../../../shared/domain/types';
import { DEMO_FILES, runDemo, type DemoResult } from '../../demo/run-demo';
import { currentCliActor } from '../actor';
import type { RegisterCommand } from '../context';
import { printJson, shellWord } from '../io';
import { packProgress } from './export';
import { count } from '../../../shared/format/plural';

/** The order results are counted in; the words are the shared ones. */
const RESULT_ORDER: readonly ClaimResult[] = ['met', 'partially-met', 'not-met', 'not-applicable', 'not-assessed'];

/** A path a person can paste into a POSIX shell as one word. */
export function describeDemo(r: DemoResult, cwd: string): string {
  const shown = (path: string): string => shellWord(relative(cwd, path).startsWith('..') ? path : relative(cwd, path) || '.');
  const pack = shown(r.packPath);
  const counts = RESULT_ORDER.filter((k) => r.results[k])
    .map((k) => `${r.results[k]} ${resultWords(k)}`)
    .join(', ');
  const lines = [
    `The SSCP Evidence Pack project's own self-assessment against the Software Security Code of Practice, signed, in ${shown(r.outDir)}:`,
    '',
    `  ${DEMO_FILES.database.padEnd(40)} the database: all 45 claims answered, ${count(r.evidenceFiles, 'evidence file')} attached`,
    `  ${`${DEMO_FILES.database}.evidence/`.padEnd(40)} the evidence, stored by SHA-256`,
    `  ${'sbom.cdx.json, sbom-build.cdx.json'.padEnd(40)} the software bills of materials made as evidence`,
    `  ${DEMO_FILES.rootCertificate.padEnd(40)} the demo organisation's root certificate (what a recipient trusts)`,
    `  ${DEMO_FILES.passphrase.padEnd(40)} the demo signing passphrase, readable only by you`,
    `  ${DEMO_FILES.pack.padEnd(40)} the signed certification pack`,
    `  ${DEMO_FILES.attestation.padEnd(40)} the signed assessment as a CycloneDX 1.6 attestation, for supplier-risk tools`,
    '',
    `Results: ${counts}.`,
  ];
  if (r.acceptedExceptions.length > 0) {
    lines.push(`Signed with ${count(r.acceptedExceptions.length, 'accepted exception')}, which the pack lists in its attestation:`);
    for (const e of r.acceptedExceptions) lines.push(`  - ${e}`);
  }
  for (const w of r.warnings) lines.push(`Warning: ${w}`);
  if (r.omittedEvidence.length > 0)
    lines.push(`Not attached (not on this machine, and said so in the claims' arguments): ${r.omittedEvidence.join(', ')}.`);
  lines.push(
    '',
    `The demo identity "${r.identityLabel}" is for trying the app only: its passphrase sits in a file beside it.`,
    'A real SRO chooses a passphrase, keeps it nowhere on disk, and publishes the root certificate',
    'or its fingerprint so recipients can check packs against it:',
    `  root certificate SHA-256  ${r.rootFingerprint}`,
    '',
    'Check the pack as a recipient would:',
    `  npx sscp verify ${pack} --trust ${shown(r.rootCertificatePath)}`,
    `  pdfsig ${pack}              # poppler-utils: "Signature is Valid." (the issuer is unknown to it until you trust root.pem)`,
    `  pdfdetach -list ${pack}     # the embedded evidence, manifest.json, assessment.json and attestation.cdx.json`,
    '',
    'Look at the assessment itself:',
    `  npx sscp show ${r.assessmentId} --db ${shown(r.databasePath)}`,
    `  npx sscp check --db ${shown(r.databasePath)}`,
  );
  return `${lines.join('\n')}\n`;
}

export const registerDemo: RegisterCommand = (program, ctx) => {
  program
    .command('demo')
    .description(
      "Make this project's own signed self-assessment: a database, a demo signing identity, and a signed evidence pack to verify.",
    )
    .requiredOption('--out <dir>', 'a new or empty folder to write everything into')
    .option('--json', 'print what was made as JSON')
    .action(async (opts: { out: string; json?: boolean }) => {
      const progress = packProgress(ctx.io, 'Signing');
      let result: DemoResult;
      try {
        result = await runDemo({
          outDir: opts.out,
          version: program.version() ?? 'unknown',
          onStep: (s) => ctx.io.stderr.write(`${s}…\n`),
          onPackProgress: progress.onProgress,
          actor: currentCliActor(),
        });
      } finally {
        progress.finish();
      }
      if (opts.json) printJson(ctx.io, result);
      else ctx.io.stdout.write(describeDemo(result, process.cwd()));
    });
};
