// One measured phase per process, so process.resourceUsage().maxRSS is that phase's peak.
//   build FILES_JSON PACK  |  verify PACK FINGERPRINT
import { readFileSync } from 'node:fs';
import { CURRENT_CATALOG } from '../../shared/catalog/index';
import { buildPack } from '../pack/build-pack';
import { verifyPack } from '../pack/verify/verify-pack';
import { signDigest } from '../signing/cms';
import { certificateFingerprint } from '../signing/fingerprint';
import { createIdentityMaterial, unlockedIdentityFromMaterial } from '../signing/identity-material';
import { benchAssessment, type BenchFile } from './bench-assessment';

const [mode, a, b] = process.argv.slice(2);

if (mode === 'build') {
  const files = JSON.parse(readFileSync(a!, 'utf8')) as BenchFile[];
  const byHash = new Map(files.map((f) => [f.sha256, f.path]));
  const material = await createIdentityMaterial({ subject: { sroName: 'Bench SRO', sroRole: 'CTO', organisation: 'Benchmark Ltd' } });
  const identity = await unlockedIdentityFromMaterial('bench', material);
  const fingerprint = certificateFingerprint(identity.certificate.der);
  const started = performance.now();
  await buildPack(
    {
      detail: benchAssessment(files),
      catalog: CURRENT_CATALOG,
      evidencePath: (sha) => byHash.get(sha)!,
      signer: { name: 'Bench SRO', certificateFingerprint: fingerprint, sign: (d, t) => signDigest(d, identity, t) },
      profile: 'certification',
      acceptedExceptions: [],
      audit: { entries: 0, headSeq: 0, headHash: '0'.repeat(64), keyEvents: [], contributors: [] },
    },
    b!,
  );
  const seconds = (performance.now() - started) / 1000;
  console.log(JSON.stringify({ seconds, maxRssMb: process.resourceUsage().maxRSS / 1024, fingerprint }));
} else if (mode === 'verify') {
  const started = performance.now();
  const result = await verifyPack(a!, { fingerprint: b });
  const seconds = (performance.now() - started) / 1000;
  console.log(JSON.stringify({ seconds, maxRssMb: process.resourceUsage().maxRSS / 1024, valid: result.valid, problems: result.problems }));
} else {
  throw new Error(`unknown mode ${mode}`);
}
