// Standard output and error without process.stdout and process.stderr when they are files or pipes.
// Node builds each on first use as a stream, loading its stream and net modules: about a twentieth
// of a short command's whole process (`rota --version | cat`), which bare node never pays. A file,
// a FIFO, a socket or /dev/null is never a terminal, so there the text goes to the descriptor with
// writeSync, as Node's stream would write it (synchronously, in order); a terminal or any other device
// keeps Node's stream.
import { fstatSync, type Stats, statSync, writeSync } from 'node:fs';

type Fd = 1 | 2;

const direct = new Map<Fd, boolean>();
const streams = new Map<Fd, NodeJS.WriteStream>();

/** The descriptor is a file, a FIFO or a socket (what spawn, `|` and `>` give), or /dev/null (`>/dev/null`, a cron job's). */
function isDirect(fd: Fd): boolean {
  let d = direct.get(fd);
  if (d === undefined) {
    try {
      const s = fstatSync(fd);
      d = s.isFile() || s.isFIFO() || s.isSocket() || isNullDevice(s);
    } catch {
      d = false;
    }
    direct.set(fd, d);
  }
  return d;
}

/** The character device /dev/null (none on Windows, where statSync fails). */
function isNullDevice(s: Stats): boolean {
  try {
    return s.isCharacterDevice() && s.rdev === statSync('/dev/null').rdev;
  } catch {
    return false;
  }
}

/** A reader that stops early (rota check … | head) is the reader's choice, not an error. */
const readerGone = () => process.exit(process.exitCode ?? 0);

function streamOf(fd: Fd): NodeJS.WriteStream {
  let s = streams.get(fd);
  if (!s) {
    s = fd === 1 ? process.stdout : process.stderr;
    s.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'EPIPE') readerGone();
      throw e;
    });
    streams.set(fd, s);
  }
  return s;
}

/** Blocks for `ms` (a full pipe whose file description another process made non-blocking says EAGAIN). */
const pause = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

function write(fd: Fd, text: string): void {
  if (!isDirect(fd)) {
    streamOf(fd).write(text);
    return;
  }
  let bytes = Buffer.from(text);
  while (bytes.length > 0) {
    try {
      bytes = bytes.subarray(writeSync(fd, bytes));
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EPIPE') readerGone();
      if (code !== 'EAGAIN') throw e;
      pause(1);
    }
  }
}

/** Writes all of `text` to standard output before returning. */
export const writeOut = (text: string) => write(1, text);
/** Writes all of `text` to standard error before returning. */
export const writeErr = (text: string) => write(2, text);
/** The "wrote PATH" lines of the files a command wrote, to standard error in one write (a publication writes dozens). */
export const reportWritten = (paths: readonly string[]) => writeErr(paths.map((p) => `wrote ${p}\n`).join(''));

/** Standard output (1) or error (2) as a terminal, for colours and widths; undefined for a file or a pipe. */
export function terminal(fd: Fd): NodeJS.WriteStream | undefined {
  return isDirect(fd) || !streamOf(fd).isTTY ? undefined : streamOf(fd);
}
