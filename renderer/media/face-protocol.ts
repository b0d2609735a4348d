// Messages between the camera screen and the face-detector worker (face-worker.ts).
// Frames go in as RGBA pixels (their buffer transferred, not copied); boxes come back relative to
// the frame (0–1), so the screen never depends on the size the detector worked at.

import type { FaceBox } from '../../shared/devices/measurements';

export type { FaceBox } from '../../shared/devices/measurements';

export type ToWorker =
  | { type: 'load'; baseUrl: string; /** the benchmark's baseline forces 'cpu'; the app lets the worker choose */ backend?: 'wasm' | 'cpu' }
  | { type: 'detect'; id: number; width: number; height: number; pixels: ArrayBuffer };

export type FromWorker =
  | { type: 'ready'; backend: string; loadMs: number }
  | { type: 'faces'; id: number; faces: FaceBox[]; ms: number }
  | { type: 'error'; id?: number; message: string };
