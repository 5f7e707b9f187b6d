// Worker-thread entry: load tsx so the thread can run the TypeScript sources, then the real entry.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
