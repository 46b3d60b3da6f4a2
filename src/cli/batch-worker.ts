/**
 * A batch-check worker thread (started by src/cli/batch.ts): receives one file at a time, checks it, posts its summary
 * row back. Started through a small JS entry that registers ts-node first when this is the .ts source.
 */
import { parentPort } from 'node:worker_threads';
import { checkOneFile, type WorkerReply, type WorkerRequest } from './batch';

const port = parentPort;
if (port) {
  port.on('message', (req: WorkerRequest) => {
    void checkOneFile(req.file, req.options).then((result) => {
      const reply: WorkerReply = { id: req.id, result };
      port.postMessage(reply);
    });
  });
}
