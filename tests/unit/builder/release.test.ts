// scripts/release.ts refuses to publish unless signing credentials are set and every installer's
// signature verifies. Signing itself cannot run here (no certificate, no Windows or macOS): the
// checks are tested with fake verifiers, and the script's refusal with a real run.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { signingEnvProblems, unsignedInstallers, verifierFor } from '../../../scripts/release/signing';

describe('release: signing credentials', () => {
  it('Windows needs a certificate or Azure Trusted Signing credentials', () => {
    expect(signingEnvProblems('win', {})[0]).toMatch(/WIN_CSC_LINK.*AZURE_TENANT_ID/);
    expect(signingEnvProblems('win', { WIN_CSC_LINK: 'cert.pfx', WIN_CSC_KEY_PASSWORD: 'x' })).toEqual([]);
    expect(signingEnvProblems('win', { AZURE_TENANT_ID: 't', AZURE_CLIENT_ID: 'c', AZURE_CLIENT_SECRET: 's' })).toEqual([]);
    expect(signingEnvProblems('win', { WIN_CSC_LINK: 'cert.pfx' })).toHaveLength(1); // no password
  });
  it('macOS needs a Developer ID certificate and notarization credentials', () => {
    expect(signingEnvProblems('mac', { CSC_NAME: 'Developer ID Application: X' })).toEqual([expect.stringMatching(/notarization/)]);
    expect(signingEnvProblems('mac', { CSC_NAME: 'X', APPLE_API_KEY: 'k.p8', APPLE_API_KEY_ID: 'i', APPLE_API_ISSUER: 'u' })).toEqual([]);
  });
});

describe('release: installer signatures', () => {
  it('every .exe/.msi/.pkg/.dmg is verified; a failing or missing verifier refuses that file', async () => {
    const files = ['release/a-win-x64.exe', 'release/a-win-x64.msi', 'release/a-mac-universal.pkg', 'release/a-linux-x86_64.AppImage'];
    const seen: string[] = [];
    const r = await unsignedInstallers(files, 'linux', async (program, args) => {
      seen.push(`${program} ${args.at(-1)}`);
      if (program === 'pkgutil') throw Object.assign(new Error('spawn pkgutil ENOENT'), { code: 'ENOENT' });
      return args.includes('release/a-win-x64.msi') ? { code: 1, output: 'No signature found.\n' } : { code: 0, output: 'Signature verification: ok' };
    });
    expect(seen).toEqual(['osslsigncode release/a-win-x64.exe', 'osslsigncode release/a-win-x64.msi', 'pkgutil release/a-mac-universal.pkg']);
    expect(r).toEqual([
      { file: 'release/a-win-x64.msi', reason: 'osslsigncode: No signature found.' },
      { file: 'release/a-mac-universal.pkg', reason: 'pkgutil could not run: spawn pkgutil ENOENT' },
    ]);
    expect(verifierFor('x.AppImage', 'linux')).toBeNull();
  });
  it('on Windows, PowerShell checks the Authenticode status (quotes in names are escaped)', () => {
    const v = verifierFor("C:\\r\\O'Brien.exe", 'win')!;
    expect(v.program).toBe('powershell.exe');
    expect(v.args("C:\\r\\O'Brien.exe").at(-1)).toContain("-LiteralPath 'C:\\r\\O''Brien.exe'");
  });
  it('the script refuses at once, with exit 1, without credentials — and says which', () => {
    const check = (os: string, extra: Record<string, string> = {}) =>
      spawnSync(process.execPath, ['--import', 'tsx', 'scripts/release.mts', '--check', `--os=${os}`], {
        encoding: 'utf8',
        env: { PATH: process.env.PATH, HOME: process.env.HOME, ...extra },
      });
    const win = check('win');
    expect(win.status).toBe(1);
    expect(win.stderr).toMatch(/^release refused: Windows signing: set WIN_CSC_LINK/);
    const mac = check('mac', { CSC_NAME: 'Developer ID Application: X' });
    expect(mac.status).toBe(1);
    expect(mac.stderr).toMatch(/notarization/);
    expect(check('win', { WIN_CSC_LINK: 'c.pfx', WIN_CSC_KEY_PASSWORD: 'p' }).status).toBe(0);
    expect(check('linux').status).toBe(0); // Linux packages are not code-signed
  });
});
