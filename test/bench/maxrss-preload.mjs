// Preloaded into a measured command (node --import): writes the process's peak RSS in KiB on exit.
import { writeFileSync } from 'node:fs';

process.on('exit', () => {
  if (process.env.ROTA_MAXRSS_FILE) writeFileSync(process.env.ROTA_MAXRSS_FILE, String(process.resourceUsage().maxRSS));
});
