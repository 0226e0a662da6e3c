/**
 * `npm run deploy` against a real S3 server (s3rver) on loopback: the first deploy sends every
 * file with its type and caching; after one announcement changes and the site is rebuilt, only
 * the files whose bytes changed are sent again; after an announcement is removed, its files are
 * deleted; a deploy of the same build sends nothing.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { GetObjectCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import S3rver from 's3rver';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { cacheControl, contentType } from '../../src/output/hosting.ts';
import { runScript } from '../support/scripts.ts';
import { buildSite, SITES } from './global-setup.ts';

const work = mkdtempSync(join(tmpdir(), 'phaseout-deploy-'));
const CREDENTIALS = { AWS_ACCESS_KEY_ID: 'S3RVER', AWS_SECRET_ACCESS_KEY: 'S3RVER' };
const BUCKET = 'phaseout';
const PREFIX = 'site/';
let server: S3rver;
let endpoint = '';
let s3: S3Client;
/** Keys the server stored, in order, as its own event stream reports them. */
const puts: string[] = [];

/** Files a host serves (no dotfiles, no _headers, no .gz copies), path → bytes. */
function servedFiles(dir: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  const walk = (d: string) => {
    for (const e of readdirSync(d)) {
      const p = join(d, e);
      if (statSync(p).isDirectory()) walk(p);
      else out.set(relative(dir, p).split('\\').join('/'), readFileSync(p));
    }
  };
  walk(dir);
  for (const k of [...out.keys()]) if (k.split('/').pop()!.startsWith('.') || k === '_headers' || (k.endsWith('.gz') && out.has(k.slice(0, -3)))) out.delete(k);
  return out;
}

/** Paths whose bytes differ, or that exist in `b` only. */
function changed(a: Map<string, Buffer>, b: Map<string, Buffer>): string[] {
  return [...b].filter(([k, v]) => !a.get(k)?.equals(v)).map(([k]) => k).sort();
}

async function liveKeys(): Promise<string[]> {
  const keys: string[] = [];
  let token: string | undefined;
  do {
    const page = await s3.send(new ListObjectsV2Command({ Bucket: BUCKET, Prefix: PREFIX, ContinuationToken: token }));
    for (const o of page.Contents ?? []) keys.push(o.Key!.slice(PREFIX.length));
    token = page.IsTruncated ? page.NextContinuationToken : undefined;
  } while (token);
  return keys.sort();
}

async function deploy(site: string, extra: string[] = []) {
  puts.length = 0;
  const r = await runScript('deploy', ['--site', site, '--bucket', BUCKET, '--endpoint', endpoint, '--prefix', PREFIX, '--path-style', '--concurrency', '4', ...extra], { env: CREDENTIALS });
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return { ...r, uploaded: puts.filter((k) => k !== `${PREFIX}.phaseout-manifest.json`).map((k) => k.slice(PREFIX.length)).sort() };
}

beforeAll(async () => {
  server = new S3rver({ port: 0, address: '127.0.0.1', silent: true, directory: join(work, 's3'), configureBuckets: [{ name: BUCKET, configs: [] }] });
  server.on('event', (e: { Records: { eventName: string; s3: { object: { key: string } } }[] }) => {
    for (const r of e.Records) if (r.eventName.startsWith('ObjectCreated')) puts.push(decodeURIComponent(r.s3.object.key));
  });
  const { port } = await server.run();
  endpoint = `http://127.0.0.1:${port}`;
  s3 = new S3Client({ endpoint, region: 'us-east-1', forcePathStyle: true, credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } });
});

afterAll(async () => {
  s3?.destroy();
  await server?.close();
  rmSync(work, { recursive: true, force: true });
});

describe('npm run deploy to an S3-compatible server', () => {
  const first = SITES.basic.out;
  const data = join(work, 'data');
  const second = join(work, 'site-2');
  const third = join(work, 'site-3');

  test('the first deploy sends every file with its content type and caching', async () => {
    const r = await deploy(first);
    const files = servedFiles(first);
    expect(r.uploaded).toEqual([...files.keys()].sort());
    expect(await liveKeys()).toEqual([...files.keys(), '.phaseout-manifest.json'].sort());
    for (const rel of ['index.html', 'regions/421202/index.html', 'data/lines.xlsx', 'data/SHA256SUMS', 'feed.xml', ...[...files.keys()].filter((k) => k.startsWith('_astro/') || k.endsWith('.pf_fragment')).slice(0, 3)]) {
      const o = await s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: PREFIX + rel }));
      expect(o.ContentType, rel).toBe(contentType(`/${rel}`));
      expect(o.CacheControl, rel).toBe(cacheControl(`/${rel}`));
      expect(Buffer.from(await o.Body!.transformToByteArray()).equals(files.get(rel)!), rel).toBe(true);
    }
  });

  test('the same build again sends nothing', async () => {
    const r = await deploy(first);
    expect(r.uploaded).toEqual([]);
    expect(r.stdout).toContain('上传 0 个新增或改动的文件');
  });

  test('after one announcement changes, only the files whose bytes changed are sent', { timeout: 180_000 }, async () => {
    cpSync(SITES.basic.data, data, { recursive: true });
    const md = join(data, 'announcements/2025/2025-370300-plan.md');
    writeFileSync(md, readFileSync(md, 'utf8').replace(/^title: (.*)$/m, 'title: $1（修订）'));
    const b = buildSite(data, second);
    expect(b.status, b.output).toBe(0);
    const purge = join(work, 'purge.txt');
    const r = await deploy(second, ['--purge-list', purge]);
    const want = changed(servedFiles(first), servedFiles(second));
    expect(want).toContain('announcements/2025-370300-plan/index.html');
    expect(want.length).toBeLessThan(servedFiles(second).size / 3);
    expect(r.uploaded).toEqual(want);
    expect(readFileSync(purge, 'utf8')).toContain('/announcements/2025-370300-plan/\n');
    expect(await liveKeys()).toEqual([...servedFiles(second).keys(), '.phaseout-manifest.json'].sort());
  });

  test('after an announcement is removed, its files are deleted, and the deploy says so', { timeout: 180_000 }, async () => {
    for (const ext of ['md', 'csv']) rmSync(join(data, `announcements/2025/2025-370300-plan.${ext}`));
    const b = buildSite(data, third);
    expect(b.status, b.output).toBe(0);
    const before = servedFiles(second);
    const after = servedFiles(third);
    const gone = [...before.keys()].filter((k) => !after.has(k)).sort();
    expect(gone).toContain('announcements/2025-370300-plan/index.html');
    const r = await deploy(third);
    expect(r.uploaded).toEqual(changed(before, after));
    expect(r.stdout).toContain(`删除 ${gone.length} 个已不存在的文件`);
    expect(r.stdout).toContain('announcements/2025-370300-plan/index.html');
    expect(await liveKeys()).toEqual([...after.keys(), '.phaseout-manifest.json'].sort());
  });

  test('refuses to run without credentials or a bucket, in one sentence', async () => {
    const a = await runScript('deploy', ['--site', first, '--bucket', BUCKET], { env: {} });
    expect(a.status).toBe(2);
    expect(a.stderr).toContain('AWS_ACCESS_KEY_ID');
    const b = await runScript('deploy', ['--site', first], { env: CREDENTIALS });
    expect(b.status).toBe(2);
    expect(b.stderr).toContain('--bucket');
  });
});
