/**
 * Writes the regions' workbooks in a worker thread, started before anything else in the build, so
 * that the second core compresses them while the main thread makes the national files, the search
 * index and the pages. The pool knows every path up front, in the order the outputs will ask for
 * them (src/output/site-files.ts, workbookPlan), and makes each job only when it hands it over:
 * at most IN_FLIGHT jobs' rows are being copied or written at once.
 *
 * `render(path, job)` gives the bytes of a workbook by its path, once the worker has written them.
 * A path the pool does not know is written in this thread, and so is a job whose rows are not
 * arrays (a streamed table cannot be copied to the worker). A failure (of a job, of the worker,
 * or of making a job) rejects the workbooks it concerns, and is thrown when the outputs ask.
 */
import { Worker } from 'node:worker_threads';
import { renderInProcess, type RenderWorkbook, type WorkbookJob } from '../output/xlsx.ts';
import { t } from '../i18n/zh-CN.ts';
import type { WorkbookReply, WorkbookRequest } from './workbook-worker.ts';

const IN_FLIGHT = 2;

export interface WorkbookPool {
  render: RenderWorkbook;
  /** Stops the worker (after a failure, or when every workbook has been taken). */
  close(): Promise<void>;
}

/** A workbook's bytes to come. It is forgotten once it has both arrived and been asked for. */
interface Pending {
  promise: Promise<Uint8Array>;
  resolve(bytes: Uint8Array): void;
  reject(e: Error): void;
  settled: boolean;
  taken: boolean;
}

function pending(): Pending {
  const p = { settled: false, taken: false } as Pending;
  p.promise = new Promise<Uint8Array>((resolve, reject) => {
    p.resolve = resolve;
    p.reject = reject;
  });
  p.promise.catch(() => undefined); // reported when the outputs ask for it, not as unhandled
  return p;
}

const asError = (e: unknown) => (e instanceof Error ? e : new Error(String(e)));
/** Structured clone copies arrays, but silently turns an iterable object into {}. */
const copyable = (job: WorkbookJob) => job.sheets.every((s) => Array.isArray(s.rows));

export function startWorkbooks(paths: readonly string[], jobOf: (path: string) => WorkbookJob): WorkbookPool {
  const known = new Set(paths);
  const worker = new Worker(new URL('./workbook-worker.ts', import.meta.url), { execArgv: ['--import', 'tsx'] });
  /** Workbooks handed to the worker or queued, by path. */
  const books = new Map<string, Pending>();
  /** paths[0…started) have their Pending; the next to start is paths[started]. */
  let started = 0;
  let inFlight = 0;
  let failed: Error | undefined;
  let closing = false;

  const settle = (path: string, outcome: Uint8Array | Error) => {
    const book = books.get(path);
    if (!book || book.settled) return;
    book.settled = true;
    if (outcome instanceof Error) book.reject(outcome);
    else book.resolve(outcome);
    if (book.taken) books.delete(path);
  };
  const failAll = (e: Error) => {
    failed ??= e;
    for (const path of [...books.keys()]) settle(path, e);
  };

  /** Makes the next workbook's job and hands it over: to the worker, or written here if it cannot be copied. */
  const startNext = () => {
    const path = paths[started++]!;
    books.set(path, pending());
    let job: WorkbookJob;
    try {
      job = jobOf(path);
    } catch (e) {
      settle(path, asError(e));
      return;
    }
    if (!copyable(job)) {
      void renderInProcess(path, () => job).then((bytes) => settle(path, bytes), (e: unknown) => settle(path, asError(e)));
      return;
    }
    inFlight++;
    worker.postMessage({ job } satisfies WorkbookRequest);
  };
  const pump = () => {
    while (inFlight < IN_FLIGHT && started < paths.length && !failed) startNext();
  };

  worker.on('message', (reply: WorkbookReply) => {
    inFlight--;
    settle(reply.path, 'error' in reply ? new Error(t.build.workbookFailed(reply.path, reply.error)) : reply.bytes);
    pump();
  });
  worker.on('error', (e) => failAll(e));
  worker.on('exit', (code) => {
    if (!closing) failAll(new Error(t.build.workbookWorkerExited(code)));
  });
  pump();

  return {
    render(path, job) {
      if (!known.has(path)) return renderInProcess(path, job);
      if (failed && !books.has(path)) return Promise.reject(failed);
      // The outputs ask in the pool's order, but may run ahead of the worker: the workbooks
      // before this one are started now (the worker takes them in turn).
      while (!books.has(path) && started < paths.length) startNext();
      const book = books.get(path);
      if (!book) return renderInProcess(path, job); // asked for a second time

      book.taken = true;
      if (book.settled) books.delete(path);
      return book.promise;
    },
    async close() {
      closing = true;
      await worker.terminate();
    },
  };
}
