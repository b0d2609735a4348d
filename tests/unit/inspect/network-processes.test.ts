import { describe, expect, it } from 'vitest';
import { collectArea } from '../../../electron/inspect';
import { proxiesFrom, timeEndpoints, withoutCredentials } from '../../../electron/inspect/network';
import { parseRoutes } from '../../../electron/inspect/linux';
import { fakeDeps } from './fake-deps';

const req = { pythonPackages: [], endpoints: [], networkChecks: true };

describe('network', () => {
  const linuxNet = (head?: Parameters<typeof fakeDeps>[0]['head']) =>
    fakeDeps({
      files: {
        '/sys/class/net/lo/type': '772',
        '/sys/class/net/lo/operstate': 'unknown',
        '/sys/class/net/lo/address': '00:00:00:00:00:00',
        '/sys/class/net/wlp2s0/type': '1',
        '/sys/class/net/wlp2s0/operstate': 'up',
        '/sys/class/net/wlp2s0/address': '3c:22:fb:12:34:56',
        '/sys/class/net/wg0/type': '65534',
        '/sys/class/net/wg0/operstate': 'unknown',
        '/sys/class/net/docker0/type': '1',
        '/sys/class/net/docker0/operstate': 'down',
        '/sys/class/net/docker0/address': '02:42:ac:11:00:01',
        '/proc/net/route':
          'Iface\tDestination\tGateway \tFlags\tRefCnt\tUse\tMetric\tMask\nwlp2s0\t0000A8C0\t00000000\t0001\t0\t0\t0\t00FFFFFF\nwlp2s0\t00000000\t0101A8C0\t0003\t0\t0\t600\t00000000\n',
      },
      dirs: { '/sys/class/net': ['lo', 'wlp2s0', 'wg0', 'docker0'], '/sys/class/net/wlp2s0/wireless': [], '/sys/class/net/wlp2s0/device': [] },
      host: {
        networkInterfaces: () => ({
          lo: [{ address: '127.0.0.1', family: 'IPv4', internal: true, netmask: '', mac: '', cidr: null }],
          wlp2s0: [{ address: '192.168.1.23', family: 'IPv4', internal: false, netmask: '', mac: '', cidr: null }],
          wg0: [{ address: '10.8.0.2', family: 'IPv4', internal: false, netmask: '', mac: '', cidr: null }],
        }),
      },
      head,
    });
  it('Linux: every interface from /sys, VPN tunnels flagged, default route from the kernel table', async () => {
    const n = await collectArea('network', req, linuxNet());
    expect(n.interfaces).toEqual([
      { name: 'lo', up: true, internal: true, type: 'loopback', mac: null, ip4: '127.0.0.1', vpnLike: false, virtual: false },
      { name: 'wlp2s0', up: true, internal: false, type: 'wireless', mac: '3c:22:fb:12:34:56', ip4: '192.168.1.23', vpnLike: false, virtual: false },
      { name: 'wg0', up: true, internal: false, type: 'tunnel', mac: null, ip4: '10.8.0.2', vpnLike: true, virtual: true },
      { name: 'docker0', up: false, internal: false, type: 'wired', mac: '02:42:ac:11:00:01', ip4: null, vpnLike: false, virtual: true },
    ]);
    expect([n.defaultInterface, n.defaultGateway]).toEqual(['wlp2s0', '192.168.1.1']);
    expect(n.endpoints).toEqual([]);
  });
  it('Windows/macOS: systeminformation interfaces, VPN vendors by adapter name', async () => {
    const deps = fakeDeps({
      platform: 'win32',
      si: {
        networkInterfaces: [
          {
            iface: 'Wi-Fi',
            ifaceName: 'Intel(R) Wi-Fi 6 AX201',
            operstate: 'up',
            internal: false,
            type: 'wireless',
            mac: 'aa:bb:cc:dd:ee:ff',
            ip4: '10.0.0.5',
            virtual: false,
            default: true,
          },
          {
            iface: 'Ethernet 3',
            ifaceName: 'PANGP Virtual Ethernet Adapter',
            operstate: 'up',
            internal: false,
            type: 'wired',
            mac: '02:50:41:00:00:01',
            ip4: '10.99.0.2',
            virtual: false,
            default: false,
          },
        ],
        networkGatewayDefault: '10.0.0.1',
      },
    });
    const n = await collectArea('network', req, deps);
    expect(n.interfaces.map((i) => [i.name, i.vpnLike])).toEqual([
      ['Wi-Fi', false],
      ['Ethernet 3', true],
    ]);
    expect([n.defaultInterface, n.defaultGateway]).toEqual(['Wi-Fi', '10.0.0.1']);
  });
  it('never contacts anything by default, nor when network checks are off', async () => {
    let contacted = 0;
    const head = async () => {
      contacted++;
      return 200;
    };
    await collectArea('network', { ...req, endpoints: [] }, linuxNet(head));
    await collectArea('network', { ...req, endpoints: ['https://proctor.example'], networkChecks: false }, linuxNet(head));
    expect(contacted).toBe(0);
  });
  it('listed https endpoints get a HEAD within the budget; other schemes are refused; a hung server costs the budget only', async () => {
    const head = async (url: URL, signal: AbortSignal) => {
      if (url.hostname === 'slow.example') return new Promise<number>((_r, reject) => signal.addEventListener('abort', () => reject(new Error('aborted'))));
      return url.hostname === 'down.example' ? 503 : 204;
    };
    const t0 = Date.now();
    const out = await timeEndpoints(
      ['https://ok.example/ping', 'https://down.example', 'http://plain.example', 'file:///etc/passwd', 'not a url', 'https://slow.example'],
      head,
      200,
    );
    expect(Date.now() - t0).toBeLessThan(2000);
    expect(out.map((e) => [e.url, e.ok, e.error])).toEqual([
      ['https://ok.example/ping', true, null],
      ['https://down.example', false, 'HTTP 503'],
      ['http://plain.example', false, 'only https:// addresses are checked'],
      ['file:///etc/passwd', false, 'only https:// addresses are checked'],
      ['not a url', false, 'only https:// addresses are checked'],
      ['https://slow.example', false, 'no answer within 200 ms'],
    ]);
    expect(out[0]!.latencyMs).toBeGreaterThanOrEqual(0);
  });
  it('proxy settings without credentials', () => {
    expect(
      proxiesFrom({ HTTPS_PROXY: 'http://maria:s3cret@proxy.example:3128', ALL_PROXY: 'socks5://proxy.example:1080', http_proxy: 'bob:pw@10.0.0.1:8080' }),
    ).toEqual([
      { source: 'HTTPS_PROXY', value: 'http://proxy.example:3128' },
      { source: 'http_proxy', value: '10.0.0.1:8080' },
      { source: 'ALL_PROXY', value: 'socks5://proxy.example:1080' },
    ]);
    expect(withoutCredentials('http://proxy.example:3128/a@b')).toBe('http://proxy.example:3128/a@b');
  });
  it('parses the kernel routing table (gateway bytes are little-endian)', () => {
    expect(parseRoutes('Iface\tDestination\tGateway\tFlags\neth0\t00000000\t010200C0\t0003\n')).toEqual({ iface: 'eth0', gateway: '192.0.2.1' });
    expect(parseRoutes('Iface\tDestination\tGateway\tFlags\neth0\t000200C0\t00000000\t0001\n')).toBeNull();
  });
});

describe('processes', () => {
  it('Linux: executable names from /proc, kernel threads left out, 15-character names completed from the command', async () => {
    const deps = fakeDeps({
      files: {
        '/proc/1/comm': 'systemd\n',
        '/proc/1/cmdline': '/sbin/init\0splash\0',
        '/proc/2/comm': 'kworker/0:1\n',
        '/proc/2/cmdline': '',
        '/proc/77/comm': 'TeamViewer_Desk\n',
        '/proc/77/cmdline': '/opt/teamviewer/tv_bin/TeamViewer_Desktop\0--secret-arg\0',
        '/proc/78/comm': 'Discord\n',
        '/proc/78/cmdline': '/usr/share/discord/Discord\0--token=abc\0',
        '/proc/79/comm': 'discord\n',
        '/proc/79/cmdline': 'discord\0',
      },
      dirs: { '/proc': ['1', '2', '77', '78', '79', 'self', 'net'] },
    });
    const p = await collectArea('processes', req, deps);
    expect(p.names).toEqual(['discord', 'systemd', 'teamviewer_desktop']);
    expect(JSON.stringify(p)).not.toMatch(/secret|token|\/opt/);
  });
  it('Windows/macOS: systeminformation process names, lower-cased and unique, without paths or arguments', async () => {
    const deps = fakeDeps({
      platform: 'win32',
      si: {
        processes: {
          list: [
            { name: 'TeamViewer.exe', path: 'C:\\Program Files\\TeamViewer', params: '--id 123' },
            { name: 'teamviewer.exe' },
            { name: '', path: 'C:\\Tools\\AnyDesk.exe' },
            { name: 'chrome.exe' },
          ],
        },
      },
    });
    expect((await collectArea('processes', req, deps)).names).toEqual(['anydesk.exe', 'chrome.exe', 'teamviewer.exe']);
  });
});
