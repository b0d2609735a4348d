// Constants of the device steps that the window needs without the rules or zod (kept apart, no
// imports, so the first screens do not load them).

// What the app judges a camera against when the exam's sources name none: its usual minimum, as
// advice. A rule the exam does not state never makes a machine "not ready".
export const APP_CAMERA_DEFAULT = { minWidth: 640, minHeight: 480, minFps: 15, required: false } as const;

/** The most frames one face test keeps (a fast detector over a few seconds stays far under it). */
export const MAX_FACE_SAMPLES = 1000;
