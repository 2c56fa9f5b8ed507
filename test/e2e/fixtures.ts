import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';

/** A real PNG: a small chart-like picture, so the preview shows an actual image. */
export function makePng(width: number, height: number): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (buf: Buffer) => {
    let c = 0xffffffff;
    for (const b of buf) c = crcTable[(c ^ b) & 0xff]! ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const sum = Buffer.alloc(4);
    sum.writeUInt32BE(crc(body));
    return Buffer.concat([len, body, sum]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8;
  header[9] = 2;
  const rows: Buffer[] = [];
  for (let y = 0; y < height; y++) {
    const row = Buffer.alloc(1 + width * 3);
    for (let x = 0; x < width; x++) {
      const bar = Math.floor(x / (width / 5));
      const filled = height - y < ((bar + 1) * height) / 6;
      row.set(filled ? [31, 95, 139] : [246, 247, 249], 1 + x * 3);
    }
    rows.push(row);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Evidence files a real SRO might attach. */
export async function writeEvidenceFiles(dir: string): Promise<Record<'policy' | 'training' | 'scan' | 'chart' | 'policyV2', string>> {
  await mkdir(dir, { recursive: true });
  const files = {
    policy: join(dir, 'Secure development policy.txt'),
    training: join(dir, 'Developer training records 2026.csv'),
    scan: join(dir, 'Dependency scan report.json'),
    chart: join(dir, 'Vulnerability trend.png'),
    policyV2: join(dir, 'Secure development policy v2.txt'),
  };
  await writeFile(
    files.policy,
    'Secure Development Policy\nVersion 1.3, approved by the board on 12 March 2026.\n\n1. Every change is peer reviewed.\n2. Threat models are kept for each product.\n',
  );
  await writeFile(files.training, 'name,course,completed\nA. Patel,Secure coding,2026-02-11\nJ. Smith,Secure coding,2026-02-14\n');
  await writeFile(files.scan, JSON.stringify({ tool: 'dependency-scanner', critical: 0, high: 1, scannedAt: '2026-10-01' }, null, 2));
  await writeFile(files.chart, makePng(240, 120));
  await writeFile(files.policyV2, 'Secure Development Policy\nVersion 2.0, approved by the board on 1 October 2026.\n');
  return files;
}
