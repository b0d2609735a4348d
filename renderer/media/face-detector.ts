// The camera screen's handle on the face-detector worker. Created on the camera screen only (the
// worker, face-api and the model are separate files the first screen never loads). One frame is in
// flight at a time: a slow machine detects less often, the preview never waits.
import type { FaceBox, FromWorker, ToWorker } from './face-protocol';

export interface FaceDetector {
  /** resolves when the model is loaded; rejects with the reason it could not be */
  ready: Promise<{ backend: string; loadMs: number }>;
  detect(frame: ImageData): Promise<{ faces: FaceBox[]; ms: number }>;
  close(): void;
}

/** Where the build puts the model and wasm files (vite.config.ts copies them), beside index.html. */
export function faceAssetsUrl(): string {
  return new URL('face/', document.baseURI).href;
}

export function startFaceDetector(baseUrl = faceAssetsUrl()): FaceDetector {
  const worker = new Worker(new URL('./face-worker.ts', import.meta.url), { type: 'module' });
  const waiting = new Map<number, { resolve: (r: { faces: FaceBox[]; ms: number }) => void; reject: (e: Error) => void }>();
  let next = 0;
  let settle!: { resolve: (r: { backend: string; loadMs: number }) => void; reject: (e: Error) => void };
  const ready = new Promise<{ backend: string; loadMs: number }>((resolve, reject) => {
    settle = { resolve, reject };
  });
  ready.catch(() => undefined); // callers that never await it must not see an unhandled rejection
  const fail = (message: string) => {
    const err = new Error(message);
    settle.reject(err);
    for (const w of waiting.values()) w.reject(err);
    waiting.clear();
  };
  worker.onmessage = (e: MessageEvent<FromWorker>) => {
    const m = e.data;
    if (m.type === 'ready') settle.resolve({ backend: m.backend, loadMs: m.loadMs });
    else if (m.type === 'faces') {
      waiting.get(m.id)?.resolve({ faces: m.faces, ms: m.ms });
      waiting.delete(m.id);
    } else if (m.id !== undefined) {
      waiting.get(m.id)?.reject(new Error(m.message));
      waiting.delete(m.id);
    } else fail(m.message);
  };
  worker.onerror = (e) => fail(e.message || 'the face detector could not start');
  worker.postMessage({ type: 'load', baseUrl } satisfies ToWorker);
  return {
    ready,
    detect(frame) {
      const id = next++;
      return new Promise((resolve, reject) => {
        waiting.set(id, { resolve, reject });
        const pixels = frame.data.buffer as ArrayBuffer;
        worker.postMessage({ type: 'detect', id, width: frame.width, height: frame.height, pixels } satisfies ToWorker, [pixels]);
      });
    },
    close() {
      worker.terminate();
      fail('closed');
    },
  };
}
