/** Process entry of the crossfoot command (bin/crossfoot.js requires the compiled form of this file). */
import { run } from './program';

process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  // the reader went away (`crossfoot inspect x.xlsx | head`): stop quietly
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});

void run(process.argv.slice(2), {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  colors: process.stdout.isTTY === true,
}).then((code) => {
  process.exitCode = code;
});
