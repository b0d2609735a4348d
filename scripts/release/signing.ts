// What the release script checks before anything is published: the signing credentials are in the
// environment, and every installer it is about to publish carries a valid signature. A release
// that cannot prove both is refused (exit 1); an unsigned installer is never uploaded "for now".
import path from 'node:path';

export type Os = 'win' | 'mac' | 'linux';

/** Problems with the environment for signing on this OS ([] = ready). Names only, never values. */
export function signingEnvProblems(os: Os, env: Record<string, string | undefined>): string[] {
  const has = (...names: string[]) => names.every((n) => Boolean(env[n]));
  if (os === 'win') {
    if (has('WIN_CSC_LINK', 'WIN_CSC_KEY_PASSWORD') || has('CSC_LINK', 'CSC_KEY_PASSWORD')) return [];
    if (has('AZURE_TENANT_ID', 'AZURE_CLIENT_ID', 'AZURE_CLIENT_SECRET')) return [];
    return ['Windows signing: set WIN_CSC_LINK and WIN_CSC_KEY_PASSWORD (a .pfx certificate), or AZURE_TENANT_ID, AZURE_CLIENT_ID and AZURE_CLIENT_SECRET (Azure Trusted Signing with azureSignOptions)'];
  }
  if (os === 'mac') {
    const out: string[] = [];
    if (!has('CSC_LINK', 'CSC_KEY_PASSWORD') && !has('CSC_NAME')) out.push('macOS signing: set CSC_LINK and CSC_KEY_PASSWORD (a Developer ID Application .p12), or CSC_NAME for a certificate in the keychain');
    if (!has('APPLE_API_KEY', 'APPLE_API_KEY_ID', 'APPLE_API_ISSUER')) out.push('macOS notarization: set APPLE_API_KEY, APPLE_API_KEY_ID and APPLE_API_ISSUER (App Store Connect API key)');
    return out;
  }
  return []; // Linux packages are not code-signed; a repository signs its index instead
}

export interface Verifier {
  program: string;
  args: (file: string) => string[];
}

/** How an installer's signature is verified, per kind of file and per OS the release runs on. */
export function verifierFor(file: string, hostOs: Os): Verifier | null {
  const ext = path.extname(file).toLowerCase();
  if (ext === '.exe' || ext === '.msi') {
    return hostOs === 'win'
      ? { program: 'powershell.exe', args: (f) => ['-NoProfile', '-Command', `if ((Get-AuthenticodeSignature -LiteralPath '${f.replace(/'/g, "''")}').Status -ne 'Valid') { exit 1 }`] }
      : { program: 'osslsigncode', args: (f) => ['verify', '-in', f] };
  }
  if (ext === '.pkg') return { program: 'pkgutil', args: (f) => ['--check-signature', f] };
  if (ext === '.dmg') return { program: 'spctl', args: (f) => ['--assess', '--type', 'open', '--context', 'context:primary-signature', '-v', f] };
  return null;
}

export type Run = (program: string, args: string[]) => Promise<{ code: number; output: string }>;

/** Installers whose signature does not verify (or cannot be verified here): none may be published. */
export async function unsignedInstallers(files: string[], hostOs: Os, run: Run): Promise<Array<{ file: string; reason: string }>> {
  const out: Array<{ file: string; reason: string }> = [];
  for (const file of files) {
    const v = verifierFor(file, hostOs);
    if (!v) continue;
    const r = await run(v.program, v.args(file)).catch((e: Error) => ({ code: -1, output: e.message }));
    if (r.code !== 0) out.push({ file, reason: r.code === -1 ? `${v.program} could not run: ${r.output}` : `${v.program}: ${r.output.trim().split('\n').slice(-1)[0] ?? 'not signed'}` });
  }
  return out;
}

/** The installers electron-builder wrote (latest*.yml, blockmaps and folders are not installers). */
export const INSTALLER = /\.(exe|msi|dmg|pkg|AppImage|deb)$/;
