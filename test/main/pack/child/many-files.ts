// Run in its own process so process.resourceUsage().maxRSS measures one step only:
//   node --import tsx many-files.ts build DIR NAME COUNT BYTES → prints {"packPath", "fingerprint"}
//   node --expose-gc --import tsx many-files.ts verify PACK FINGERPRINT    → prints {"maxRssMb", "heldMb", "valid", "ok"}
//   node --expose-gc --import tsx many-files.ts import PACK DB FINGERPRINT → prints {"maxRssMb", "heldMb", "stored"}
// heldMb: the memory still held (JS heap and memory outside it, after a full collection) at the
// moment the read reaches the end of the file, when every file has been read but not yet reported.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { importPack } from '../../../../main/import/pack-import';
import { buildPack } from '../../../../main/pack/build-pack';
import { verifyPack } from '../../../../main/pack/verify/verify-pack';
import { openWorkspace } from '../../../../main/services/workspace';
import { makePackInput, makeSigner, type EvidenceSpec } from '../fixtures';

const [mode, ...args] = process.argv.slice(2);
const maxRssMb = () => process.resourceUsage().maxRSS / 1024;
let heldMb: number | null = null;
const atEndOfRead = (done: number, total: number) => {
  if (done < total || heldMb !== null) return;
  (globalThis as { gc?: () => void }).gc?.();
  const usage = process.memoryUsage();
  heldMb = (usage.heapUsed + usage.external) / 1024 / 1024;
};

/** Text files, so each is compressed in the pack and needs a decoder of its own when read back. */
function textFiles(count: number, bytes: number): EvidenceSpec[] {
  return Array.from({ length: count }, (_, i) => ({
    fileName: `build-${i}.log`,
    mediaType: 'text/plain',
    content: Buffer.alloc(bytes, `build ${i} step ok, nothing to report on this line of the log\n`),
    claims: ['2.2.1'],
  }));
}

if (mode === 'build') {
  const [dir, name, count, bytes] = args as [string, string, string, string];
  const src = join(dir, `${name}-src`);
  mkdirSync(src, { recursive: true });
  const signer = await makeSigner(false);
  const packPath = join(dir, `${name}.pdf`);
  await buildPack(makePackInput(src, signer.signer, {}, textFiles(Number(count), Number(bytes))), packPath);
  console.log(JSON.stringify({ packPath, fingerprint: signer.fingerprint }));
} else if (mode === 'verify') {
  const [pack, fingerprint] = args as [string, string];
  const result = await verifyPack(pack, { fingerprint, onProgress: (p) => atEndOfRead(p.bytesDone, p.bytesTotal) });
  console.log(
    JSON.stringify({ maxRssMb: maxRssMb(), heldMb, valid: result.valid, ok: result.files.filter((f) => f.status === 'ok').length }),
  );
} else if (mode === 'import') {
  const [pack, db, fingerprint] = args as [string, string, string];
  const ws = openWorkspace(db);
  try {
    const onProgress = (p: { phase: string; bytesDone: number; bytesTotal: number }) => {
      if (p.phase === 'verify') atEndOfRead(p.bytesDone, p.bytesTotal);
    };
    const result = await importPack(ws, pack, { fingerprint }, { onProgress });
    console.log(JSON.stringify({ maxRssMb: maxRssMb(), heldMb, stored: result.evidence.stored }));
  } finally {
    ws.close();
  }
} else {
  throw new Error(`unknown mode ${mode}`);
}
