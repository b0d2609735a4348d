// Pure parts of the network measurement: address ranges, the STUN codec, the OS proxy parsers
// (from command output fixtures), and the plan a profile and a policy make.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { refusedName, refusedRange } from '../../../electron/network/address';
import { decodeBindingResponse, encodeBindingRequest, MAGIC_COOKIE } from '../../../electron/network/stun';
import { osProxy, parseNetshWinhttp, parseRegInternetSettings, parseResolveProxy, parseScutilProxy, proxyUrl } from '../../../electron/network/system-proxy';
import { realNetworkDeps } from '../../../electron/network/deps';
import { planFor, NetworkMeasureSchema, NetworkPolicySchema } from '../../../shared/network/config';

const fixture = (name: string) => readFileSync(path.resolve(__dirname, '../../fixtures/network', name), 'utf8');

describe('refused addresses', () => {
  it.each([
    ['127.0.0.1'],
    ['127.8.9.1'],
    ['10.1.2.3'],
    ['172.16.0.1'],
    ['172.31.255.255'],
    ['192.168.1.1'],
    ['169.254.169.254'],
    ['100.64.0.1'],
    ['0.0.0.0'],
    ['224.0.0.1'],
    ['255.255.255.255'],
    ['::1'],
    ['::'],
    ['fe80::1'],
    ['fd12:3456::1'],
    ['fc00::1'],
    ['::ffff:127.0.0.1'],
    ['::ffff:7f00:1'],
    ['::ffff:10.0.0.1'],
    ['64:ff9b::a00:1'],
    ['ff02::1'],
    ['fe80::1%eth0'],
  ])('%s is refused', (ip) => expect(refusedRange(ip)).not.toBeNull());
  it.each([['8.8.8.8'], ['1.1.1.1'], ['172.32.0.1'], ['100.128.0.1'], ['2606:4700::6810:84e5'], ['::ffff:8.8.8.8'], ['2001:4860:4860::8888']])(
    '%s is public',
    (ip) => expect(refusedRange(ip)).toBeNull(),
  );
  it('names that mean this computer, and bracketed literals', () => {
    expect(refusedName('localhost')).toMatch(/this computer/);
    expect(refusedName('exam.localhost.')).toMatch(/this computer/);
    expect(refusedName('[::1]')).not.toBeNull();
    expect(refusedName('courses.edx.org')).toBeNull();
  });
});

describe('STUN (RFC 5389)', () => {
  const id = Buffer.from('0123456789ab');
  /** a binding success whose one attribute is XOR-MAPPED-ADDRESS (family 1: IPv4, 2: IPv6); the caller writes the address at 28 */
  const success = (family: 1 | 2, port: number) => {
    const addressBytes = family === 1 ? 4 : 16;
    const b = Buffer.alloc(28 + addressBytes);
    b.writeUInt16BE(0x0101, 0);
    b.writeUInt16BE(8 + addressBytes, 2);
    b.writeUInt32BE(MAGIC_COOKIE, 4);
    id.copy(b, 8);
    b.writeUInt16BE(0x0020, 20);
    b.writeUInt16BE(4 + addressBytes, 22);
    b[25] = family;
    b.writeUInt16BE(port ^ 0x2112, 26);
    return b;
  };
  it('encodes a 20-byte binding request with the magic cookie and the transaction id', () => {
    const b = encodeBindingRequest(id);
    expect(b.toString('hex')).toBe('000100002112a442' + id.toString('hex'));
    expect(() => encodeBindingRequest(Buffer.alloc(3))).toThrow();
  });
  it('decodes XOR-MAPPED-ADDRESS (IPv4 and IPv6) from a success response', () => {
    const v4 = success(1, 54321);
    v4.writeUInt32BE((0xc0000201 ^ MAGIC_COOKIE) >>> 0, 28);
    expect(decodeBindingResponse(v4)).toEqual({ transactionId: id, mapped: { family: 4, address: '192.0.2.1', port: 54321 } });
    // IPv6: the address is XORed with the cookie followed by the transaction id (RFC 5389 §15.2)
    const v6 = success(2, 32853);
    const addr = Buffer.from('20010db8123456780011223344556677', 'hex');
    const key = Buffer.concat([v6.subarray(4, 8), id]);
    for (let i = 0; i < 16; i++) v6[28 + i] = addr[i]! ^ key[i]!;
    expect(decodeBindingResponse(v6)?.mapped).toEqual({ family: 6, address: '2001:db8:1234:5678:11:2233:4455:6677', port: 32853 });
  });
  it('ignores what is not a binding success: requests, errors, short or lying lengths', () => {
    expect(decodeBindingResponse(encodeBindingRequest(id))).toBeNull();
    expect(decodeBindingResponse(Buffer.alloc(10))).toBeNull();
    const err = encodeBindingRequest(id);
    err.writeUInt16BE(0x0111, 0);
    expect(decodeBindingResponse(err)).toBeNull();
    const lying = encodeBindingRequest(id);
    lying.writeUInt16BE(0x0101, 0);
    lying.writeUInt16BE(400, 2);
    expect(decodeBindingResponse(lying)).toBeNull();
  });
});

describe('system proxy settings', () => {
  it('Windows Internet Settings: https entry of a per-scheme list, PAC address, credentials stripped', () => {
    const p = parseRegInternetSettings(fixture('reg-internet-settings-proxy.txt'));
    expect(p.https).toBe('http://proxy.campus.example:3129');
    expect(p.pacUrl).toBe('http://wpad.campus.example/proxy.pac');
    expect(p.found.map((f) => f.value)).toEqual([
      'http=proxy.campus.example:3128;https=proxy.campus.example:3129;socks=socks.campus.example:1080',
      'http://wpad.campus.example/proxy.pac',
    ]);
    expect(JSON.stringify(p)).not.toMatch(/jdoe|Secret1/);
    expect(parseRegInternetSettings(fixture('reg-internet-settings-direct.txt'))).toEqual({ found: [], https: null, pacUrl: null });
  });
  it('WinHTTP (netsh): one proxy for every scheme, or direct access', () => {
    expect(parseNetshWinhttp(fixture('netsh-winhttp-proxy.txt'))).toEqual({
      found: [{ source: 'WinHTTP', value: 'proxy.corp.example:8080' }],
      https: 'http://proxy.corp.example:8080',
      pacUrl: null,
    });
    expect(parseNetshWinhttp(fixture('netsh-winhttp-direct.txt')).https).toBeNull();
  });
  it('macOS scutil --proxy: HTTPS proxy preferred, SOCKS named but not used, PAC kept', () => {
    const p = parseScutilProxy(fixture('scutil-proxy.txt'));
    expect(p.https).toBe('http://proxy.example.com:8443');
    expect(p.found.map((f) => f.source)).toEqual(['macOS HTTPS proxy', 'macOS HTTP proxy', 'macOS SOCKS proxy', 'macOS PAC']);
    expect(p.pacUrl).toBe('http://wpad.example.com/wpad.dat');
    expect(JSON.stringify(p)).not.toMatch(/maria|hunter2/);
    expect(parseScutilProxy(fixture('scutil-direct.txt'))).toEqual({ found: [], https: null, pacUrl: null });
  });
  it("Electron's resolveProxy answers", () => {
    expect(parseResolveProxy('DIRECT')).toEqual({ https: null, first: null });
    expect(parseResolveProxy('PROXY proxy.campus:3128; DIRECT')).toEqual({ https: 'http://proxy.campus:3128', first: 'PROXY proxy.campus:3128' });
    expect(parseResolveProxy('SOCKS5 s:1080; HTTPS secure.proxy:443').https).toBe('http://secure.proxy:443');
    expect(proxyUrl('socks5://s:1080')).toBeNull();
    expect(proxyUrl('user:pw@p:3128')).toBe('http://p:3128');
  });
  it('headless: asks reg and netsh on Windows, scutil on macOS, the environment elsewhere', async () => {
    const calls: string[] = [];
    const exec = async (program: string, args: readonly string[]) => {
      calls.push(`${program} ${args.join(' ')}`);
      const out =
        program === 'reg'
          ? fixture('reg-internet-settings-proxy.txt')
          : program === 'netsh'
            ? fixture('netsh-winhttp-direct.txt')
            : fixture('scutil-proxy.txt');
      return { ok: true, stdout: out, stderr: '' };
    };
    const win = await osProxy(realNetworkDeps({ platform: 'win32', exec, env: {} }));
    expect(calls).toEqual(['reg query HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Internet Settings', 'netsh winhttp show proxy']);
    expect(win.https).toBe('http://proxy.campus.example:3129');
    expect((await osProxy(realNetworkDeps({ platform: 'darwin', exec, env: {} }))).https).toBe('http://proxy.example.com:8443');
    const linux = await osProxy(realNetworkDeps({ platform: 'linux', exec, env: { https_proxy: 'http://u:p@envproxy:3128' } }));
    expect(linux).toEqual({ found: [{ source: 'https_proxy', value: 'http://envproxy:3128' }], https: 'http://envproxy:3128', pacUrl: null });
    const failing = await osProxy(
      realNetworkDeps({ platform: 'win32', exec: async () => ({ ok: false, stdout: '', stderr: '', failure: 'not-found' }), env: {} }),
    );
    expect(failing.https).toBeNull();
  });
});

describe('the plan', () => {
  it('lists every host before anything is contacted; a policy replaces the endpoints; limits are capped', () => {
    const m = NetworkMeasureSchema.parse({
      services: { urls: ['https://courses.edx.org'] },
      udp: { stunServer: 'stun.cloudflare.com:3478' },
      throughput: { downloadUrl: 'https://speed.cloudflare.com/__down?bytes={bytes}', uploadUrl: 'https://speed.cloudflare.com/__up' },
    });
    expect(m.services!.required).toBe(false); // advisory unless the profile says otherwise
    expect(planFor(m, null).hosts).toEqual(['courses.edx.org:443', 'speed.cloudflare.com:443', 'udp stun.cloudflare.com:3478']);
    const pol = NetworkPolicySchema.parse({
      throughput: { downloadUrl: 'https://speed.campus.example/down?n={bytes}', uploadUrl: 'https://speed.campus.example/up' },
      stunServer: 'stun.campus.example:3478',
    });
    const plan = planFor(m, pol, { directionMs: 99_000, totalMs: 1e9 });
    expect(plan.hosts).toEqual(['courses.edx.org:443', 'speed.campus.example:443', 'udp stun.campus.example:3478']);
    expect([plan.directionMs, plan.totalMs]).toEqual([10_000, 30_000]);
  });
  it('accepts https only, a download address with {bytes}, and host:port STUN servers', () => {
    expect(NetworkMeasureSchema.safeParse({ services: { urls: ['http://courses.edx.org'] } }).success).toBe(false);
    expect(NetworkMeasureSchema.safeParse({ throughput: { downloadUrl: 'https://x/__down', uploadUrl: 'https://x/__up' } }).success).toBe(false);
    expect(NetworkMeasureSchema.safeParse({ udp: { stunServer: 'stun.example' } }).success).toBe(false);
    expect(NetworkMeasureSchema.safeParse({ udp: { stunServer: '[2001:db8::1]:3478' } }).success).toBe(true);
  });
});
