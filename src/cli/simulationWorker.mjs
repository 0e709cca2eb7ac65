// The entry of a simulation worker thread (src/cli/simulationPool.ts). Node cannot start a .ts
// file as a worker under tsx (ERR_UNKNOWN_FILE_EXTENSION), so this plain module registers tsx's
// loader in the worker's own thread, then loads the TypeScript worker.
import { register } from 'tsx/esm/api';

register();
await import('./simulationWorker.ts');
