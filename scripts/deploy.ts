/**
 * `npm run deploy -- --bucket NAME [--endpoint URL] [--region R] [--prefix P] [--site DIR]
 * [--path-style] [--dry-run] [--purge-list FILE] [--concurrency N]`: publishes a built site to
 * S3-compatible object storage (Aliyun OSS, Tencent COS, MinIO, Amazon S3), sending only what
 * changed.
 *
 * The build is deterministic, so the manifest of file hashes (src/output/manifest.ts) tells what
 * changed since the last deploy, whose manifest is kept in the bucket beside the site
 * (`<prefix>.phaseout-manifest.json`). New and changed files are uploaded with their
 * Content-Type and Cache-Control (src/output/hosting.ts), files that are gone are deleted, and
 * the new manifest is written last: an interrupted deploy is finished by the next one. Without a
 * manifest in the bucket (the first deploy), everything is uploaded and whatever else is under
 * the prefix is deleted.
 *
 * Credentials come from the environment: AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (and
 * AWS_SESSION_TOKEN for temporary ones), as every S3-compatible service issues them (OSS:
 * AccessKey; COS: SecretId/SecretKey). `--purge-list FILE` writes the changed URLs' paths for
 * the CDN's refresh (刷新) console or API.
 */
import { readFileSync, writeFileSync, existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  DeleteObjectsCommand, GetObjectCommand, ListObjectsV2Command, PutObjectCommand, S3Client, S3ServiceException,
} from '@aws-sdk/client-s3';
import { cacheControl, contentType } from '../src/output/hosting.ts';
import { MANIFEST_NAME, parseManifest, planDeploy, siteManifest, type Manifest } from '../src/output/manifest.ts';
import { fail, parseOptions, runIfMain, type Effects } from './cli.ts';

const USAGE = 'npm run deploy -- --bucket 存储桶 [--endpoint 网址] [--region 地域] [--prefix 前缀] [--site 网站目录] [--path-style] [--dry-run] [--purge-list 文件] [--concurrency N]';

export function deployOptions(argv: readonly string[]) {
  const { values } = parseOptions(argv, {
    bucket: { type: 'string' }, endpoint: { type: 'string' }, region: { type: 'string' }, prefix: { type: 'string', default: '' },
    site: { type: 'string', default: 'dist' }, 'path-style': { type: 'boolean', default: false }, 'dry-run': { type: 'boolean', default: false },
    'purge-list': { type: 'string' }, concurrency: { type: 'string', default: '8' },
  }, USAGE);
  if (!values.bucket) fail(`要用 --bucket 指定存储桶。用法：${USAGE}`);
  const concurrency = Number(values.concurrency);
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 64) fail('--concurrency 应为 1 到 64 之间的整数');
  let prefix = values.prefix.replace(/^\/+/, '');
  if (prefix && !prefix.endsWith('/')) prefix += '/';
  if (values.endpoint) {
    try {
      const u = new URL(values.endpoint);
      if (u.protocol !== 'https:' && u.protocol !== 'http:') throw new Error();
    } catch {
      fail(`--endpoint 不是有效的网址：${values.endpoint}（应写成 https://oss-cn-beijing.aliyuncs.com 这样）`);
    }
  }
  return { ...values, bucket: values.bucket, prefix, concurrency };
}

const mb = (n: number) => `${(n / 1048576).toFixed(1)} MB`;

/** The page URL path a file answers (`regions/1/index.html` → `/regions/1/`), for the CDN's refresh list. */
const urlPathOf = (rel: string) => `/${rel.replace(/(^|\/)index\.html$/, '$1')}`;

async function pool<T>(items: readonly T[], n: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(n, items.length) }, async () => {
    while (next < items.length) await work(items[next++]!);
  }));
}

async function liveManifest(s3: S3Client, bucket: string, prefix: string): Promise<{ manifest: Manifest | undefined; from: 'manifest' | 'listing' }> {
  try {
    const res = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: prefix + MANIFEST_NAME }));
    const parsed = parseManifest(await res.Body!.transformToString('utf-8'));
    if (parsed) return { manifest: parsed, from: 'manifest' };
  } catch (e) {
    if (!(e instanceof S3ServiceException && (e.name === 'NoSuchKey' || e.$metadata.httpStatusCode === 404))) throw e;
  }
  // No manifest (a first deploy, or one written by hand): whatever is under the prefix is live, with unknown hashes.
  const files: Record<string, string> = {};
  let token: string | undefined;
  do {
    const page = await s3.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, ContinuationToken: token }));
    for (const o of page.Contents ?? []) if (o.Key && o.Key !== prefix + MANIFEST_NAME) files[o.Key.slice(prefix.length)] = '';
    token = page.IsTruncated ? page.NextContinuationToken : undefined;
  } while (token);
  return { manifest: Object.keys(files).length > 0 ? { format: 1, files } : undefined, from: 'listing' };
}

export async function main(argv: readonly string[], fx: Effects): Promise<number> {
  const o = deployOptions(argv);
  const site = resolve(fx.cwd, o.site);
  if (!existsSync(site) || !statSync(site).isDirectory() || !existsSync(join(site, 'index.html'))) fail(`网站目录不存在或还没有生成：${o.site}（先运行 npm run build）`);
  const accessKeyId = fx.env.AWS_ACCESS_KEY_ID;
  const secretAccessKey = fx.env.AWS_SECRET_ACCESS_KEY;
  if (!accessKeyId || !secretAccessKey) fail('需要环境变量 AWS_ACCESS_KEY_ID 和 AWS_SECRET_ACCESS_KEY（对象存储的访问密钥；阿里云 OSS 为 AccessKey ID/Secret，腾讯云 COS 为 SecretId/SecretKey）');
  const s3 = new S3Client({
    region: o.region ?? fx.env.AWS_REGION ?? 'us-east-1',
    ...(o.endpoint && { endpoint: o.endpoint }),
    forcePathStyle: o['path-style'],
    credentials: { accessKeyId, secretAccessKey, ...(fx.env.AWS_SESSION_TOKEN && { sessionToken: fx.env.AWS_SESSION_TOKEN }) },
    // S3-compatible services do not all take the SDK's newer default checksums (CRC32 trailers).
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
  try {
    const local = siteManifest(site);
    const live = await liveManifest(s3, o.bucket, o.prefix);
    const plan = planDeploy(local, live.manifest);
    const where = `${o.bucket}/${o.prefix}`;
    fx.stdout(`本地网站 ${Object.keys(local.files).length} 个文件；${live.manifest ? `线上（${live.from === 'manifest' ? '上次部署的清单' : '存储桶现有文件，没有清单'}）${Object.keys(live.manifest.files).length} 个文件` : '线上还没有文件'}（${where}）。\n`);
    const bytes = plan.upload.reduce((n, rel) => n + statSync(join(site, rel)).size, 0);
    fx.stdout(`${o['dry-run'] ? '将' : ''}上传 ${plan.upload.length} 个新增或改动的文件（${mb(bytes)}），${o['dry-run'] ? '将' : ''}删除 ${plan.remove.length} 个已不存在的文件，${plan.unchanged} 个文件未变。\n`);
    if (plan.remove.length > 0) fx.stdout(`删除：${plan.remove.slice(0, 20).join('、')}${plan.remove.length > 20 ? ` 等 ${plan.remove.length} 个` : ''}\n`);
    if (o['purge-list']) {
      const paths = [...plan.upload, ...plan.remove].map(urlPathOf);
      writeFileSync(resolve(fx.cwd, o['purge-list']), paths.length ? `${paths.join('\n')}\n` : '');
      fx.stdout(`需要在 CDN 刷新的路径已写入 ${o['purge-list']}（${paths.length} 个）。\n`);
    }
    if (o['dry-run']) return 0;

    let done = 0;
    await pool(plan.upload, o.concurrency, async (rel) => {
      await s3.send(new PutObjectCommand({
        Bucket: o.bucket, Key: o.prefix + rel, Body: readFileSync(join(site, rel)),
        ContentType: contentType(`/${rel}`), CacheControl: cacheControl(`/${rel}`), Metadata: { sha256: local.files[rel]! },
      }));
      if (++done % 5000 === 0) fx.stdout(`  已上传 ${done}/${plan.upload.length}\n`);
    });
    for (let i = 0; i < plan.remove.length; i += 1000) {
      const batch = plan.remove.slice(i, i + 1000);
      const res = await s3.send(new DeleteObjectsCommand({ Bucket: o.bucket, Delete: { Objects: batch.map((rel) => ({ Key: o.prefix + rel })), Quiet: true } }));
      if (res.Errors && res.Errors.length > 0) throw new Error(`删除失败：${res.Errors.slice(0, 5).map((e) => `${e.Key}（${e.Code}）`).join('、')}`);
    }
    // Last: the manifest says what is live only once it is.
    await s3.send(new PutObjectCommand({
      Bucket: o.bucket, Key: o.prefix + MANIFEST_NAME, Body: `${JSON.stringify(local)}\n`, ContentType: 'application/json; charset=utf-8', CacheControl: 'no-store',
    }));
    fx.stdout(`部署完成：上传 ${plan.upload.length} 个，删除 ${plan.remove.length} 个；线上清单已更新（${o.prefix}${MANIFEST_NAME}）。\n`);
    return 0;
  } catch (e) {
    if (e instanceof S3ServiceException) fail(`对象存储返回错误 ${e.name}（HTTP ${e.$metadata.httpStatusCode ?? '?'}）：${e.message}。请检查 --bucket、--endpoint、--region 和访问密钥；已上传的文件会在下次部署时核对`);
    throw e;
  } finally {
    s3.destroy();
  }
}

await runIfMain(import.meta.url, main);
