// Which certificate authorities the measurement trusts. Networks that inspect TLS (common in
// companies and schools) and internal speed servers use a company CA that Node's built-in list
// lacks: Node 22.15+ (Electron 45 ships Node 22) reads the OS store (tls.getCACertificates('system')),
// and the admin's policy can name one more PEM file (networkTest.caFile). Older Node has no such
// call: it keeps its own list, plus NODE_EXTRA_CA_CERTS.
import { X509Certificate } from 'node:crypto';
import { promises as fs } from 'node:fs';
import tls from 'node:tls';

type CaType = 'default' | 'system' | 'bundled' | 'extra';
export interface CaSource {
  rootCertificates: readonly string[];
  getCACertificates?: (type?: CaType) => string[];
}

/** Node's list and the OS store, or undefined (Node's own default) where Node cannot read the OS store. */
export function systemCa(source: CaSource = tls as unknown as CaSource): string[] | undefined {
  const get = source.getCACertificates;
  if (typeof get !== 'function') return undefined;
  try {
    // 'default' already holds NODE_EXTRA_CA_CERTS (and the OS store under --use-system-ca)
    return [...new Set([...get.call(source, 'default'), ...get.call(source, 'system')])];
  } catch {
    return undefined;
  }
}

const BEGIN = '-----BEGIN CERTIFICATE-----';
const END = '-----END CERTIFICATE-----';
const MAX_FILE = 1024 * 1024;

/** Every certificate of a PEM text, each checked to be one; the errors name the file and say what to do. */
export function parsePemCertificates(text: string, file: string, now: number): string[] {
  const out: string[] = [];
  // indexOf, not a regular expression: an admin's file of any shape is read in linear time
  for (let at = text.indexOf(BEGIN); at >= 0; at = text.indexOf(BEGIN, at + BEGIN.length)) {
    const end = text.indexOf(END, at);
    if (end < 0) throw new Error(`${file}: certificate ${out.length + 1} has no "${END}" line`);
    const pem = text.slice(at, end + END.length);
    let cert: X509Certificate;
    try {
      cert = new X509Certificate(pem);
    } catch (err) {
      throw new Error(`${file}: certificate ${out.length + 1} cannot be read (${(err as Error).message})`);
    }
    if (Date.parse(cert.validTo) < now)
      throw new Error(`${file}: certificate ${out.length + 1} (${cert.subject.replace(/\n/g, ', ')}) expired on ${cert.validTo}`);
    out.push(pem + '\n');
  }
  if (!out.length)
    throw new Error(`${file}: no certificate in PEM form (a file with "${BEGIN}" blocks; convert a .cer/.der file with openssl x509 -inform der)`);
  return out;
}

/** The policy's extra CA file, read and checked; a problem is an error with the file's name. */
export async function readCaFile(file: string, now: number, read: (f: string) => Promise<Buffer> = (f) => fs.readFile(f)): Promise<string[]> {
  let raw: Buffer;
  try {
    raw = await read(file);
  } catch (err) {
    throw new Error(`the policy's networkTest.caFile ${file} cannot be read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
  }
  if (raw.length > MAX_FILE) throw new Error(`the policy's networkTest.caFile ${file} is larger than 1 MB: not a certificate file`);
  return parsePemCertificates(raw.toString('utf8'), `the policy's networkTest.caFile ${file}`, now);
}

/** The trusted list with the extra certificates added (the base undefined: Node's own list). */
export function withExtraCa(base: string | string[] | undefined, extra: string[]): string[] {
  const start = base === undefined ? [...tls.rootCertificates] : Array.isArray(base) ? base : [base];
  return [...new Set([...start, ...extra])];
}
