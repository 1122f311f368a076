/**
 * Starts the projection worker. Webpack 5 sees `new Worker(new URL(…, import.meta.url))`
 * and emits the worker as its own chunk, served from the pane's origin (CSP worker-src
 * 'self'; no blob: URL needed). Kept alone in this file: `import.meta` is ES-module syntax
 * that the CommonJS settings of the type-check and jest do not accept.
 */
export function startProjectionWorker(): Worker {
  // Not @ts-expect-error: the line errors under the CommonJS tsconfig only, not in webpack's build.
  // eslint-disable-next-line @typescript-eslint/ban-ts-comment
  // @ts-ignore TS1343: import.meta is fine in the ES-module build webpack compiles.
  return new Worker(new URL(/* webpackChunkName: "projection-worker" */ './projection.worker.ts', import.meta.url), { name: 'medaid-projection' });
}
