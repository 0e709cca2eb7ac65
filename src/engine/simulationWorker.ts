/**
 * The entry of a browser simulation worker (a sampler or the summariser): the roles of
 * src/engine/simulationWorkerRoles.ts on this worker's messages. The page's side is
 * src/state/simulationClient.ts.
 */
import { createSimulationWorker, type ToSimulationWorker } from './simulationWorkerRoles';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const handle = createSimulationWorker((message, transfer) => scope.postMessage(message, transfer));
scope.addEventListener('message', (event: MessageEvent<ToSimulationWorker>) => handle(event.data));
