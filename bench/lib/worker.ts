/** Child process of the mutation benchmark: runs the books it is sent, one at a time, and replies with the results. */
import { runBookJob, type BookJob } from './run';

process.on('message', (msg: { type: 'job'; job: BookJob } | { type: 'exit' }) => {
  if (msg.type === 'exit') {
    process.disconnect?.();
    return;
  }
  runBookJob(msg.job).then(
    (result) => process.send?.({ type: 'result', result }),
    (e: unknown) => process.send?.({ type: 'error', file: msg.job.file, message: e instanceof Error ? e.stack ?? e.message : String(e) }),
  );
});
