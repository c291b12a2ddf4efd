// rota app: writes the browser app 排班助手.html (built beside the CLI bundle in dist/) into a folder,
// for a clerk's PC without Node.js: it opens from the file system, offline.
import { join } from 'node:path';
import type { Command } from 'commander';
import { Exit } from './exit.js';
import { reportWritten } from './output.js';

export const APP_FILE = '排班助手.html';

export function registerApp(cmd: Command): void {
  cmd.requiredOption('-o, --out <dir>', '输出文件夹 output folder').action(async (opts: { out: string }) => {
    const [{ readBytes }, { writeAllOrNone }] = await Promise.all([import('../io/read-file.js'), import('../io/atomic-write.js')]);
    // This command's bundle is dist/cli/app.cjs; the build writes the app in dist/.
    const { bytes } = readBytes(join(__dirname, '..', APP_FILE));
    if (!bytes)
      throw new Exit(70, '排班助手.html 不在安装中，请重新安装或构建（npm run build）。The browser app is missing from this installation.');
    reportWritten(writeAllOrNone(opts.out, [{ path: APP_FILE, content: bytes }]));
  });
}
