// Issue 13: redaction misses — non-ASCII user names, the os area's probe error, proxy credentials
// (also from a facts file, and even with --include-personal: a password is never "personal data"
// to opt in to), MAC addresses without separators or dotted. Property test over generated names.
import { describe, expect, it } from 'vitest';
import { buildReport } from '../../../shared/report/model';
import { findProfile } from '../../../shared/profile/load';
import { evaluate } from '../../../shared/rules';
import { machines } from '../../fixtures/facts/machines';
import type { Facts } from '../../../shared/facts';
import { rng } from './hostile';
import { runIn, tmpDir, writeIn } from './helpers';

const POM = findProfile('mitx-pom-final')!;
const report = (f: Facts, includePersonal = false) =>
  buildReport({ profile: POM, facts: f, results: evaluate(POM, f), appVersion: '1', createdAt: '2026-11-20T10:00:00Z', includePersonal });

const NAMES = ['José', 'Zoë', 'Андрей', '李雷', "O'Brien", 'Mária Ñúñez', 'Łukasz', 'Ørjan', 'محمد', 'Ζωή', 'Jean-Luc', 'Ana.Luísa', 'Nguyễn', 'Ümit'];

function withName(name: string, host: string): Facts {
  const f = machines.good();
  f.device.username = name;
  f.device.hostname = host;
  f.software.python = [
    { path: `C:\\Users\\${name}\\python.exe`, version: '3.12.1', via: 'path', packages: {}, error: `cannot run as ${name}: access denied for ${name}.` },
  ];
  f.software.r = [{ path: '/opt/R', version: null, via: 'path', error: `owned by ${name}, not ${name.toUpperCase()}!` }];
  f.os.probe = { status: 'partial', error: `wmic failed for user ${name} on ${host} (/home/${name}/x)`, durationMs: 3 };
  f.virtualization.signals.push({ kind: 'other', detail: `«${name}» and ${name}'s files on ${host}`, strength: 'weak' });
  return f;
}

describe('redaction', () => {
  it('non-ASCII and punctuated user names are removed everywhere (property over generated names)', () => {
    const next = rng(99);
    const names = [...NAMES];
    const alphabet = 'aeioubcdfgjklmnñçãõéíóúüößøåłžšćдежзийлмнпрстуфхцчшщ李雷王芳陈静αβγδεζ';
    for (let i = 0; i < 60; i++) names.push(Array.from({ length: 3 + Math.floor(next() * 8) }, () => alphabet[Math.floor(next() * alphabet.length)]).join(''));
    for (const name of names) {
      const text = JSON.stringify(report(withName(name, 'desk-07')));
      expect(text.toLowerCase(), name).not.toContain(name.toLowerCase());
    }
  });

  it('a name inside a longer word of another script is not cut out of it (Unicode-aware boundaries)', () => {
    const f = withName('José', 'desk-07');
    f.software.r = [{ path: '/opt/R', version: null, via: 'path', error: 'Josélito and José' }];
    expect(report(f).facts.software.r[0]!.error).toBe('Josélito and [user]');
  });

  it("the os area's probe error is redacted (the rest of the os facts stay as they are)", () => {
    const r = report(withName('maria', 'MARIA-PC'));
    expect(r.facts.os.probe.error).toBe('wmic failed for user [user] on [host] (/home/~/x)');
    expect(r.facts.os.name).toBe(withName('maria', 'MARIA-PC').os.name);
  });

  it('proxy credentials are removed fully (passwords with @, /, spaces), even with --include-personal', () => {
    for (const value of [
      'http://bob:p@ssw0rd@proxy.example:3128',
      'http://bob:pa/ss w0rd@proxy.example:3128',
      'bob:p@ss word@proxy.example:3128',
      'socks5://u%40x:p%2F@proxy.example:1080',
    ]) {
      for (const personal of [false, true]) {
        const f = machines.good();
        f.network.proxy = [{ source: 'HTTPS_PROXY', value }];
        f.network.endpoints = [{ url: 'https://x.example', ok: false, latencyMs: null, error: `proxy ${value} refused` }];
        const r = report(f, personal);
        const text = JSON.stringify(r);
        for (const secret of ['ssw0rd', 'ss w0rd', 'pa/ss', 'bob', 'p%2F', 'u%40x']) expect(text, `${value} ${personal}`).not.toContain(secret);
        expect(r.facts.network.proxy[0]!.value).toMatch(/proxy\.example:\d+$/);
      }
    }
  });

  it('evaluate --facts strips proxy credentials from a facts file', async () => {
    const dir = tmpDir('proxy');
    const f = machines.good();
    f.network.proxy = [{ source: 'HTTPS_PROXY', value: 'http://admin:S3cr3t @x/y@proxy.corp:8080' }];
    writeIn(dir, 'facts.json', JSON.stringify(f));
    const r = await runIn(dir, ['evaluate', '--facts', 'facts.json', '--profile', 'mitx-sds-capstone', '--format', 'json', '--include-personal']);
    expect(r.stdout).not.toMatch(/S3cr3t|admin/);
    expect(JSON.parse(r.stdout).facts.network.proxy[0].value).toBe('http://proxy.corp:8080');
  });

  it('MAC addresses without separators and in dotted form keep only the vendor prefix', () => {
    const f = machines.good();
    f.network.interfaces[0]!.mac = '3c22fb123456';
    f.virtualization.signals.push({ kind: 'mac-prefix', detail: 'MAC 0800.27ab.cdef and 080027ABCDEF and 08:00:27:ab:cd:ef', strength: 'weak' });
    const r = report(f);
    expect(r.facts.network.interfaces[0]!.mac).toBe('3c22fbxxxxxx');
    expect(r.facts.virtualization.signals.at(-1)!.detail).toBe('MAC 0800.27xx.xxxx and 080027xxxxxx and 08:00:27:xx:xx:xx');
  });
});
