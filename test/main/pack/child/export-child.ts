/**
 * Exports one assessment and stops dead at a chosen moment, so a test can SIGKILL it there:
 * `node --import tsx export-child.ts DB ID OUT STOP`. STOP is a step of the signing journal
 * (leased, planned, built, renamed, committed), `embed:F` (a fraction of the evidence bytes embedded)
 * or `none`. At the moment it prints `at STOP` and blocks; without one it prints `exported SHA`.
 */
import { exportPack } from '../../../../main/pack/export-pack';
import { holdForKill } from '../../../helpers/kill-harness';
import { LABEL, PASSPHRASE, withExportServices } from '../export-fixture';

const [dbPath, assessmentId, outPath, stop] = process.argv.slice(2) as [string, string, string, string];
const embedAt = stop.startsWith('embed:') ? Number(stop.slice('embed:'.length)) : null;

const result = await withExportServices(dbPath, (ws, identities) =>
  exportPack(
    ws,
    identities,
    {
      assessmentId,
      identityLabel: LABEL,
      passphrase: PASSPHRASE,
      outPath,
      profile: 'certification',
      acceptExceptions: true,
      replace: true,
    },
    {
      onStep: (step) => {
        if (step === stop) holdForKill(`at ${stop}`);
      },
      onProgress: (p) => {
        if (embedAt !== null && p.phase === 'embed' && p.bytesTotal > 0 && p.bytesDone / p.bytesTotal >= embedAt) holdForKill(`at ${stop}`);
      },
    },
  ),
);
process.stdout.write(`exported ${result.sha256}\n`);
