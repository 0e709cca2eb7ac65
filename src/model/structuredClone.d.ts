/**
 * `structuredClone` is a global of every runtime the model runs in (browsers, workers, Node ≥ 17),
 * but TypeScript declares it in the DOM and WebWorker libraries, which the pure layers do not load.
 */
declare function structuredClone<T>(value: T): T;
