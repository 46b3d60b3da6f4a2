/**
 * A batch-check worker thread (started by src/cli/batch.ts): receives files, checks them one at a time in the order
 * received (the next file arrives while the current one is checked), posts each summary row back. Started through a
 * small JS entry that registers ts-node first when this is the .ts source.
 */
import { parentPort } from 'node:worker_threads';
import { checkOneFile, type WorkerReply, type WorkerRequest } from './batch';

const port = parentPort;
if (port) {
  const queue: WorkerRequest[] = [];
  let busy = false;
  const run = async (): Promise<void> => {
    busy = true;
    for (let req = queue.shift(); req; req = queue.shift()) {
      const result = await checkOneFile(req.file, req.options);
      const reply: WorkerReply = { id: req.id, result };
      port.postMessage(reply);
    }
    busy = false;
  };
  port.on('message', (req: WorkerRequest) => {
    queue.push(req);
    if (!busy) void run();
  });
}
