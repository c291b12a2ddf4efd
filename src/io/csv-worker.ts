// The CSV parsing thread of streamTable (built as dist/csv-worker.cjs): parses the file and posts rows
// in batches; their line numbers in an Int32Array and their raw cells (mapped columns only) joined by
// NUL, or as an array when a cell contains NUL; cleaning happens on the receiving side. The parser
// waits when too many batches are unread, so memory stays bounded even if the consumer is slower.
import { parentPort, workerData } from 'node:worker_threads';
import type { Column } from './table.js';
import { BATCH, MAX_UNREAD, parseStream } from './table-stream.js';

async function workerMain(data: { file: string; columns: Column[]; chunkSize?: number }): Promise<void> {
  const port = parentPort!;
  let unread = 0;
  let wake: (() => void) | undefined;
  port.on('message', () => {
    unread--;
    wake?.();
  });
  let fields: string[] | undefined;
  let lines = new Int32Array(BATCH);
  let cells: string[] = [];
  let count = 0;
  let nul = false;
  const flush = () => {
    if (count === 0) return;
    const batch = lines.subarray(0, count);
    port.postMessage(nul ? { type: 'rows', lines: batch, cells } : { type: 'rows', lines: batch, joined: cells.join('\u0000') }, [
      batch.buffer,
    ]);
    unread++;
    lines = new Int32Array(BATCH);
    cells = [];
    count = 0;
    nul = false;
  };
  try {
    const result = await parseStream(
      data.file,
      data.columns,
      (record, index, line) => {
        if (!fields) {
          fields = index.map(([f]) => f);
          port.postMessage({ type: 'fields', fields });
        }
        for (const [, i] of index) {
          const v = record[i] ?? '';
          if (v.includes('\u0000')) nul = true;
          cells.push(v);
        }
        lines[count++] = line;
        if (count === BATCH) flush();
      },
      data.chunkSize,
      async () => {
        while (unread >= MAX_UNREAD) await new Promise<void>((r) => (wake = r));
      },
    );
    flush();
    port.postMessage({ type: 'done', result });
  } catch (e) {
    port.postMessage({ type: 'failed', message: (e as Error).message });
  }
  port.close();
}

void workerMain(workerData as { file: string; columns: Column[]; chunkSize?: number });
