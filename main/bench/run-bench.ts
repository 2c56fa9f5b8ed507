import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateEvidence } from './generate-evidence';

const GIB = 1024 ** 3;
const CHILD = fileURLToPath(new URL('./bench-child.ts', import.meta.url));
const RSS_TARGET_MB = 256;

interface Timed {
  readonly seconds: number;
  readonly stdout: string;
}

function timed(cmd: string, args: readonly string[]): Timed {
  const started = performance.now();
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const seconds = (performance.now() - started) / 1000;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed: ${r.stderr}`);
  return { seconds, stdout: r.stdout };
}

function child(args: readonly string[]): { wall: number; inProcess: number; maxRssMb: number; data: Record<string, unknown> } {
  const r = timed(process.execPath, ['--import', 'tsx', CHILD, ...args]);
  const data = JSON.parse(r.stdout.trim().split('\n').pop()!) as Record<string, unknown>;
  return { wall: r.seconds, inProcess: data.seconds as number, maxRssMb: data.maxRssMb as number, data };
}

const verdict = (ok: boolean) => (ok ? 'PASS' : 'MISS');
const s = (n: number) => `${n.toFixed(2)} s`;

function parseSizes(argv: readonly string[]): number[] {
  const i = argv.indexOf('--sizes');
  const text = i >= 0 ? argv[i + 1] : undefined;
  const sizes = (text ?? '1,4').split(',').map(Number);
  if (sizes.some((n) => !Number.isFinite(n) || n <= 0)) throw new Error('--sizes takes GiB values such as 1,4 or 0.25');
  return sizes;
}

async function benchSize(gib: number): Promise<boolean> {
  const dir = mkdtempSync(join(tmpdir(), 'sscp-bench-'));
  try {
    const evidenceDir = join(dir, 'evidence');
    spawnSync('mkdir', [evidenceDir]);
    process.stdout.write(`\n== ${gib} GiB of evidence ==\nGenerating evidence…\n`);
    const files = await generateEvidence(evidenceDir, Math.round(gib * GIB));
    const filesJson = join(dir, 'files.json');
    writeFileSync(filesJson, JSON.stringify(files));

    const concatenated = join(dir, 'floor.bin');
    const floor = timed('sh', ['-c', `cat ${files.map((f) => `'${f.path}'`).join(' ')} > '${concatenated}' && openssl dgst -sha256 '${concatenated}'`]);
    rmSync(concatenated);

    const pack = join(dir, 'pack.pdf');
    const build = child(['build', filesJson, pack]);
    const packBytes = statSync(pack).size;
    const verify = child(['verify', pack, build.data.fingerprint as string]);
    if (!verify.data.valid) throw new Error(`the benchmark pack did not verify: ${JSON.stringify(verify.data.problems)}`);
    const dgst = timed('openssl', ['dgst', '-sha256', pack]);
    const pdfsig = timed('pdfsig', [pack]);
    if (!pdfsig.stdout.includes('Signature is Valid.')) throw new Error('pdfsig did not accept the benchmark pack');

    const buildRatio = build.inProcess / floor.seconds;
    const verifyRatio = verify.inProcess / dgst.seconds;
    const targets = [
      buildRatio <= 2.0,
      verifyRatio <= 1.5,
      verify.inProcess < pdfsig.seconds,
      build.maxRssMb < RSS_TARGET_MB,
      verify.maxRssMb < RSS_TARGET_MB,
    ];
    const lines = [
      `pack: ${(packBytes / GIB).toFixed(2)} GiB, ${files.length} evidence files; load average ${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores (other work on the machine slows both threads)`,
      `floor (cat all evidence into one file + openssl dgst -sha256): ${s(floor.seconds)}`,
      `build+sign: ${s(build.inProcess)} (${buildRatio.toFixed(2)}× floor; process incl. Node start ${s(build.wall)}), peak RSS ${build.maxRssMb.toFixed(0)} MB`,
      `verify:     ${s(verify.inProcess)} (${verifyRatio.toFixed(2)}× openssl dgst ${s(dgst.seconds)}; pdfsig ${s(pdfsig.seconds)}; process incl. Node start ${s(verify.wall)}), peak RSS ${verify.maxRssMb.toFixed(0)} MB`,
      `  ${verdict(targets[0]!)}  build+sign within 2.0× of floor`,
      `  ${verdict(targets[1]!)}  verify within 1.5× of openssl dgst -sha256 of the pack`,
      `  ${verdict(targets[2]!)}  verify faster than pdfsig`,
      `  ${verdict(targets[3]!)}  build+sign peak RSS < ${RSS_TARGET_MB} MB`,
      `  ${verdict(targets[4]!)}  verify peak RSS < ${RSS_TARGET_MB} MB`,
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
    return targets.every(Boolean);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * `npm run bench [-- --sizes 1,4]`: one run per size, times against the floor (reading and
 * hashing the evidence once) and against openssl/pdfsig on the same pack, plus peak memory.
 * Times are wall-clock on a shared machine: read them as indications, not proofs.
 */
export async function runBench(argv: readonly string[]): Promise<number> {
  const sizes = parseSizes(argv);
  let allPass = true;
  for (const gib of sizes) allPass = (await benchSize(gib)) && allPass;
  process.stdout.write(`\n${allPass ? 'All targets met.' : 'Some targets missed (see MISS lines).'}\n`);
  return 0;
}
