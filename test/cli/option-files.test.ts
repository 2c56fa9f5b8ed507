import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readSigningPassphrase } from '../../main/cli/commands/identity-secrets';
import { readOptionFile, trustedRootOption } from '../../main/cli/options';

/** Files named by --trust, --passphrase-file and --p12-password-file share one reader and one way of failing. */
describe('files named on the command line', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sscp-option-files-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const io = { stdout: { write: () => true }, stderr: { write: () => true }, env: {}, isTTY: false };

  it('reads the text, and --trust gives the verifier one root, or nothing when not given', () => {
    writeFileSync(join(dir, 'root.pem'), '-----BEGIN CERTIFICATE-----\n');
    expect(readOptionFile(join(dir, 'root.pem'), { what: 'x', flag: '--x', maxBytes: 1024 })).toBe('-----BEGIN CERTIFICATE-----\n');
    expect(trustedRootOption(join(dir, 'root.pem'))).toEqual(['-----BEGIN CERTIFICATE-----\n']);
    expect(trustedRootOption(undefined)).toBeUndefined();
  });

  it('names the option and says plainly when the file is missing or is not a file', () => {
    const missing = join(dir, 'missing.pem');
    expect(() => trustedRootOption(missing)).toThrow(
      expect.objectContaining({
        kind: 'not-found',
        message: `The trusted root certificate file ${missing} cannot be read: it does not exist.`,
      }) as Error,
    );
    expect(() => readSigningPassphrase(io, missing)).toThrow(
      expect.objectContaining({
        kind: 'not-found',
        message: `The signing passphrase file ${missing} cannot be read: it does not exist.`,
        // The role's advice is a fact of the reason; the CLI prints it as it is.
        reason: expect.objectContaining({
          hint: 'Check the path given to --passphrase-file: it must be an ordinary file; or set SSCP_PASSPHRASE instead.',
        }) as unknown,
      }) as Error,
    );
    expect(() => trustedRootOption(dir)).toThrow(
      expect.objectContaining({
        kind: 'invalid-input',
        message: `The trusted root certificate file ${dir} is a folder, not a file.`,
      }) as Error,
    );
  });
});
