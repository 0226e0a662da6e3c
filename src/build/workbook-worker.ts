/**
 * A worker thread that writes workbooks (src/output/xlsx.ts) while the main thread renders pages:
 * compressing a national site's workbooks is a minute of work that needs nothing from Astro.
 * Messages: { job } in; { path, bytes } or { path, error } out. The bytes are copied, not
 * transferred: a small Buffer may share its memory with others.
 */
import { parentPort } from 'node:worker_threads';
import { writeWorkbook, type WorkbookJob } from '../output/xlsx.ts';

export interface WorkbookRequest {
  job: WorkbookJob;
}
export type WorkbookReply = { path: string; bytes: Uint8Array } | { path: string; error: string };

const port = parentPort;
if (port) {
  port.on('message', ({ job }: WorkbookRequest) => {
    writeWorkbook(job.sheets, job.opts).then(
      (bytes) => port.postMessage({ path: job.path, bytes } satisfies WorkbookReply),
      (e: unknown) => port.postMessage({ path: job.path, error: e instanceof Error ? (e.stack ?? e.message) : String(e) } satisfies WorkbookReply),
    );
  });
}
