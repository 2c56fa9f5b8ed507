import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * Converts a file with headless LibreOffice into `outDir`, using a private profile so parallel
 * test files never share (and lock) one. Returns the converted file's path.
 */
export async function sofficeConvert(input: string, target: string, outDir: string, extension: string): Promise<string> {
  await run(
    'soffice',
    [
      `-env:UserInstallation=file://${join(outDir, 'lo-profile')}`,
      '--headless',
      '--norestore',
      '--convert-to',
      target,
      '--outdir',
      outDir,
      input,
    ],
    { timeout: 180_000 },
  );
  const base =
    input
      .split(/[\\/]/)
      .pop()
      ?.replace(/\.[^.]+$/, '') ?? 'out';
  return join(outDir, `${base}.${extension}`);
}

/** The PDF's text in reading order, with every run of whitespace (wrapped lines too) as one space. */
export async function pdfText(pdf: string): Promise<string> {
  const { stdout } = await run('pdftotext', [pdf, '-'], { maxBuffer: 64 * 1024 * 1024 });
  return stdout.replace(/\s+/g, ' ');
}
