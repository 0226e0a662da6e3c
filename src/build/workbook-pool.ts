/**
 * Writes the site's workbooks in a worker thread, started before Astro renders the pages, so that
 * the second core compresses them meanwhile. The jobs come from a generator in the order the
 * outputs will ask for them (src/output/site-files.ts, workbookJobs); a few are handed to the
 * worker at a time, so the rows of at most IN_FLIGHT workbooks are copied at once.
 *
 * `render(job)` gives the bytes of a job by its path, once the worker has written them. A job
 * the generator did not announce is written in this thread when it is asked for: the national
 * workbook, after the pages, so that its rows are not held twice (here and in the worker).
 */
import { Worker } from 'node:worker_threads';
import { renderInProcess, type RenderWorkbook, type WorkbookJob } from '../output/xlsx.ts';
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

export function startWorkbooks(jobs: Iterator<WorkbookJob>): WorkbookPool {
  const worker = new Worker(new URL('./workbook-worker.ts', import.meta.url), { execArgv: ['--import', 'tsx'] });
  /** Announced by the generator, by path: their bytes to come. */
  const books = new Map<string, Pending>();
  /** Taken from the generator, not yet handed to the worker: waiting[next…] (slots before are emptied, so their rows can go). */
  const waiting: (WorkbookJob | undefined)[] = [];
  let next = 0;
  const dequeue = (): WorkbookJob | undefined => {
    if (next === waiting.length) {
      waiting.length = 0;
      next = 0;
      return undefined;
    }
    const job = waiting[next];
    waiting[next++] = undefined;
    return job;
  };
  let inFlight = 0;
  let exhausted = false;
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

  const take = (): WorkbookJob | undefined => {
    if (exhausted) return undefined;
    const next = jobs.next();
    if (next.done) {
      exhausted = true;
      return undefined;
    }
    books.set(next.value.path, pending());
    return next.value;
  };
  const pump = () => {
    while (inFlight < IN_FLIGHT && !failed) {
      const job = dequeue() ?? take();
      if (!job) return;
      inFlight++;
      try {
        worker.postMessage({ job } satisfies WorkbookRequest);
      } catch {
        // A job that cannot be copied to the worker (rows given as a generator): written here.
        inFlight--;
        renderInProcess(job).then((bytes) => settle(job.path, bytes), (err: unknown) => settle(job.path, err instanceof Error ? err : new Error(String(err))));
      }
    }
  };
  const failAll = (e: Error) => {
    failed = e;
    for (const path of [...books.keys()]) settle(path, e);
  };

  worker.on('message', (reply: WorkbookReply) => {
    inFlight--;
    settle(reply.path, 'error' in reply ? new Error(`写表格 ${reply.path} 失败：${reply.error}`) : reply.bytes);
    pump();
  });
  worker.on('error', (e) => failAll(e));
  worker.on('exit', (code) => {
    if (!closing && !failed) failAll(new Error(`写表格的线程意外退出（退出码 ${code}）`));
  });
  pump();

  return {
    render(job) {
      if (failed) return Promise.reject(failed);
      // The outputs may run ahead of the worker: take jobs from the generator until this one is
      // announced; those taken on the way wait their turn.
      while (!books.has(job.path)) {
        const taken = take();
        if (!taken) return renderInProcess(job);
        waiting.push(taken);
      }
      const book = books.get(job.path)!;
      book.taken = true;
      if (book.settled) books.delete(job.path);
      pump();
      return book.promise;
    },
    async close() {
      closing = true;
      await worker.terminate();
    },
  };
}
