// Measuring overhead of the network test: the throughput our measurement reports against the same
// transfer done with a plain fetch(), both from the same loopback HTTPS server in the same run
// (median of alternating rounds). Target: ratio ≥ 0.9 — the measurement must not be what limits the
// number it reports. fetch() cannot be handed a CA, so this script re-runs itself with the test
// certificate in NODE_EXTRA_CA_CERTS (a temp file, removed afterwards).
import { spawnSync } from 'node:child_process';
import https from 'node:https';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { realNetworkDeps } from '../../electron/network/deps';
import { MeasuredAgent } from '../../electron/network/connect';
import { measureDownload, measureUpload, type Ctx } from '../../electron/network/measure';
import { speedServer, testCert } from '../../tests/unit/network/servers';

const BYTES = 64 * 1024 * 1024;
const ROUNDS = 5;
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
};

async function child(certDir: string) {
  const cert = { key: readFileSync(path.join(certDir, 'key.pem'), 'utf8'), cert: readFileSync(path.join(certDir, 'cert.pem'), 'utf8') };
  const server = await speedServer({ cert });
  const deps = realNetworkDeps({ ca: cert.cert, allowPrivate: true, env: {} });
  const signal = new AbortController().signal;
  const opts = { durationMs: 30_000, maxBytes: BYTES, stallMs: 10_000, onSample: () => undefined };
  const ours = { down: [] as number[], up: [] as number[] };
  const plain = { down: [] as number[], up: [] as number[] };
  const node = [] as number[];
  for (let i = 0; i < ROUNDS; i++) {
    const agent = new MeasuredAgent({ deps, proxy: null, signal });
    const ctx: Ctx = { deps, signal, agentFor: () => agent, onDate: () => undefined, onBytes: () => undefined };
    ours.down.push((await measureDownload(ctx, `${server.url}/__down?bytes={bytes}`, opts)).mbps!);
    ours.up.push((await measureUpload(ctx, `${server.url}/__up`, opts)).mbps!);
    agent.destroy();

    // the baseline: one fetch, timed from the first byte to the last, as our measurement is
    const res = await fetch(`${server.url}/__down?bytes=${BYTES}`);
    const reader = res.body!.getReader();
    let bytes = 0;
    let first = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (!bytes) first = performance.now();
      bytes += value.length;
    }
    plain.down.push((bytes * 8) / 1000 / (performance.now() - first));
    // a second, stricter baseline: node's own https client, the same one our measurement builds on
    node.push(
      await new Promise<number>((resolve, reject) => {
        https
          .get(`${server.url}/__down?bytes=${BYTES}`, { ca: cert.cert }, (r) => {
            let n = 0;
            let t0 = 0;
            r.on('data', (c: Buffer) => {
              if (!n) t0 = performance.now();
              n += c.length;
            });
            r.on('end', () => resolve((n * 8) / 1000 / (performance.now() - t0)));
          })
          .on('error', reject);
      }),
    );
    // upload: one POST of the same bytes, timed until the server's answer (it has read them all)
    const body = Buffer.alloc(BYTES);
    const t = performance.now();
    await (await fetch(`${server.url}/__up`, { method: 'POST', body })).text();
    plain.up.push((BYTES * 8) / 1000 / (performance.now() - t));
  }
  await server.close();
  const line = (name: string, a: number[], b: number[]) => {
    const r = median(a) / median(b);
    console.log(
      `${name.padEnd(9)} measured ${median(a).toFixed(0).padStart(6)} Mbps   plain fetch ${median(b).toFixed(0).padStart(6)} Mbps   ratio ${r.toFixed(2)} ${r >= 0.9 ? '(target ≥ 0.9: met)' : '(target ≥ 0.9: NOT met)'}`,
    );
  };
  console.log(`loopback HTTPS, ${BYTES / 1024 / 1024} MB per transfer, median of ${ROUNDS} alternating rounds`);
  line('download', ours.down, plain.down);
  const r = median(ours.down) / median(node);
  console.log(`download  against node's https.get ${median(node).toFixed(0).padStart(6)} Mbps   ratio ${r.toFixed(2)}`);
  line('upload', ours.up, plain.up);
}

if (process.env.PREFLIGHT_BENCH_CERT_DIR) {
  void child(process.env.PREFLIGHT_BENCH_CERT_DIR).catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
} else {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'preflight-bench-cert-'));
  try {
    const c = testCert();
    writeFileSync(path.join(dir, 'key.pem'), c.key);
    writeFileSync(path.join(dir, 'cert.pem'), c.cert);
    const r = spawnSync(process.execPath, [...process.execArgv, ...process.argv.slice(1)], {
      stdio: 'inherit',
      env: { ...process.env, PREFLIGHT_BENCH_CERT_DIR: dir, NODE_EXTRA_CA_CERTS: path.join(dir, 'cert.pem') },
    });
    process.exitCode = r.status ?? 1;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
