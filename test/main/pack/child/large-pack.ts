// Run in its own process so process.resourceUsage().maxRSS measures one phase only:
//   node --import tsx large-pack.ts build DIR SIZE_BYTES SHA256 → prints {"maxRssMb", "packPath", "fingerprint"}
//   node --import tsx large-pack.ts verify PACK FINGERPRINT → prints {"maxRssMb", "valid", ...}
import { truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildPack } from '../../../../main/pack/build-pack';
import { verifyPack } from '../../../../main/pack/verify/verify-pack';
import { makePackInput, makeSigner } from '../fixtures';

const [mode, target, arg, zerosSha256] = process.argv.slice(2);

if (mode === 'build') {
  const size = Number(arg);
  const signer = await makeSigner(false);
  // SHA-256 of `size` zero bytes, given by the test (computed with openssl, not by our code): the
  // export re-hashes the file against it, so a wrong one fails the build.
  const sha256 = zerosSha256!;
  const input = makePackInput(target!, signer.signer, {}, [
    // Declared an archive, so it is stored as it is (zeros would deflate to almost nothing) and the pack is > 2 GiB.
    { fileName: 'disk-image.zip', mediaType: 'application/zip', content: Buffer.from('x'), claims: ['2.2.1'] },
  ]);
  // Swap the tiny placeholder for a sparse multi-GiB file stored under its real hash.
  const blob = join(target!, sha256);
  writeFileSync(blob, '');
  truncateSync(blob, size);
  const item = { ...input.detail.evidence[0]!, sha256, size };
  const packPath = join(target!, 'large.pdf');
  await buildPack({ ...input, detail: { ...input.detail, evidence: [item] } }, packPath);
  console.log(JSON.stringify({ maxRssMb: process.resourceUsage().maxRSS / 1024, packPath, fingerprint: signer.fingerprint }));
} else if (mode === 'verify') {
  const result = await verifyPack(target!, { fingerprint: arg });
  console.log(
    JSON.stringify({
      maxRssMb: process.resourceUsage().maxRSS / 1024,
      valid: result.valid,
      problems: result.problems,
      files: result.files,
    }),
  );
} else {
  throw new Error(`unknown mode ${mode}`);
}
