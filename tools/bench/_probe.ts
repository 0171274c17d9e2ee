// TEMPORARY investigation script (deleted after use).
import fs from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { startGateway } from './gateway-process';
import { createRandomFile } from './random-file';
import { S3RawClient } from './s3-raw-client';
import { createTempWorkspace } from './temp-workspace';

const root = path.resolve(__dirname, '../..');
const rssLine = (pid: number) => fs.readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').filter((l) => /^(VmRSS|RssAnon|RssFile|RssShmem|VmHWM|Threads)/.test(l)).map((l) => l.replace(/\s+/g, ' ')).join(' | ');
const ticks = (pid: number) => {
  const out: Record<string, number> = {};
  for (const tid of fs.readdirSync(`/proc/${pid}/task`)) {
    const st = fs.readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
    const comm = st.slice(st.indexOf('(') + 1, st.lastIndexOf(')'));
    const f = st.slice(st.lastIndexOf(')') + 2).split(' ');
    out[`${tid}:${comm}`] = (Number(f[11]) + Number(f[12])) * 10; // ms (utime+stime, 100 Hz)
  }
  return out;
};
const sysStat = () => fs.readFileSync('/proc/stat', 'utf8').split('\n')[0].split(/\s+/).slice(1).map(Number);
const diffTicks = (a: Record<string, number>, b: Record<string, number>) => Object.entries(b).map(([k, v]) => [k, v - (a[k] ?? 0)] as const).filter(([, v]) => v > 0).map(([k, v]) => `${k}=${v}ms`).join(' ');
const us = () => Number(process.hrtime.bigint() / 1000n);

(async () => {
  const ws = await createTempWorkspace('/tmp', root);
  const sizeMiB = Number(process.env.PROBE_MIB ?? 1024);
  const file = await createRandomFile(path.join(ws.dir, 'src.bin'), sizeMiB);
  const creds = { accessKeyId: 'PROBEACCESSKEY000001', secretKey: 'probesecretkey-123456', region: 'kr-central-2' };
  if (process.env.PROBE_RESTART) {
    const first = await startGateway({ repoRoot: root, dataDir: path.join(ws.dir, 'data'), ...creds });
    await first.waitReady(120000);
    console.log('first start', rssLine(first.pid));
    await first.stop();
  }
  const gw = await startGateway({ repoRoot: root, dataDir: path.join(ws.dir, 'data'), nodeArgs: (process.env.PROBE_ARGS ?? '').split(' ').filter(Boolean), ...creds });
  try {
    const ready = await gw.waitReady(120000);
    console.log('ready', ready.toFixed(0), 'ms', rssLine(gw.pid));
    for (const t of [1, 2, 5, 10]) { await sleep(1000 * (t === 1 ? 1 : t - [1, 2, 5, 10][[1, 2, 5, 10].indexOf(t) - 1])); console.log(`+${t}s idle`, rssLine(gw.pid)); }
    const client = new S3RawClient({ endpoint: gw.endpoint, ...creds });
    await client.createBucket('probe');
    const reps = Number(process.env.PROBE_REPS ?? 1);
    for (let i = 0; i < reps; i++) {
      const g0 = ticks(gw.pid); const c0 = process.cpuUsage(); const s0 = sysStat();
      const t0 = us();
      const etag = await client.putObject('probe', `big${i}`, { stream: fs.createReadStream(file.path), length: file.bytes }, false);
      const t1 = us();
      const g1 = ticks(gw.pid); const c1 = process.cpuUsage(c0); const s1 = sysStat();
      const sd = s1.map((v, j) => (v - s0[j]) * 10);
      console.log(`  wall ${((t1 - t0) / 1000).toFixed(0)}ms; gateway threads: ${diffTicks(g0, g1)}`);
      console.log(`  client user ${(c1.user / 1000).toFixed(0)}ms sys ${(c1.system / 1000).toFixed(0)}ms; system (all cpus, ms): user ${sd[0]} nice ${sd[1]} sys ${sd[2]} idle ${sd[3]} iowait ${sd[4]} irq ${sd[5]} softirq ${sd[6]} steal ${sd[7]}`);
      console.log(`PUT ${i}`, ((file.bytes / 2 ** 20) / ((t1 - t0) / 1e6)).toFixed(1), 'MiB/s', etag === file.md5Hex, `window ${t0} ${t1}`, rssLine(gw.pid));
    }
    if (process.env.PROBE_SMALL) {
      const { measureSmallObjects } = await import('./measure-small-objects');
      const g0 = ticks(gw.pid); const c0 = process.cpuUsage(); const s0 = sysStat();
      const t0 = us();
      if (process.env.PROBE_ARGS?.includes('sqlprobe')) { process.kill(gw.pid, 'SIGUSR2'); await sleep(300); }
      const r = await measureSmallObjects(client, 'probe', Number(process.env.PROBE_SMALL), 16, gw.pid);
      const t1 = us();
      const g1 = ticks(gw.pid); const c1 = process.cpuUsage(c0); const s1 = sysStat();
      const sd = s1.map((v, j) => (v - s0[j]) * 10);
      if (process.env.PROBE_ARGS?.includes('sqlprobe')) { process.kill(gw.pid, 'SIGUSR2'); await sleep(300); }
      console.log('small', JSON.stringify(r), `window ${t0} ${t1}`);
      console.log(`  wall ${((t1 - t0) / 1000).toFixed(0)}ms; gateway threads: ${diffTicks(g0, g1)}`);
      console.log(`  client user ${(c1.user / 1000).toFixed(0)}ms sys ${(c1.system / 1000).toFixed(0)}ms; system (all cpus, ms): user ${sd[0]} sys ${sd[2]} idle ${sd[3]} iowait ${sd[4]} softirq ${sd[6]} steal ${sd[7]}`);
    }
    await sleep(2000);
    console.log('after', rssLine(gw.pid));
  } catch (e) {
    console.log('FAILED', e, '\n--- gateway output ---\n', gw.outputTail());
  } finally {
    await gw.stop();
    await ws.remove();
  }
})();
