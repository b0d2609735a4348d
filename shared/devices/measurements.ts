// What the app's window measured of the camera, the face in view, the microphone and the speakers:
// numbers and labels only, judged by shared/rules/devices.ts like any other facts. They travel in
// facts.devices (shared/facts.ts) and so in reports: support staff re-judge them against another
// exam. They come from the window and from files, so every number and string is bounded.
import { z } from 'zod';
import { MAX_FACE_SAMPLES } from './window-constants';

const label = z.string().max(500);
const ms = z.number().nonnegative().max(3_600_000);
const luma = z.number().min(0).max(255);
const level = z.number().min(0).max(100);

/** getUserMedia's error, mapped to the three problems a learner can fix ('other' otherwise). */
export const MediaFailureSchema = z.enum(['not-found', 'denied', 'in-use', 'other']);
export type MediaFailure = z.infer<typeof MediaFailureSchema>;
export const OsFamilySchema = z.enum(['windows', 'macos', 'linux']);
export type OsFamily = z.infer<typeof OsFamilySchema>;

/** The device could not be opened: which error, on which OS (the fix differs), the browser's words. */
const Failed = {
  outcome: z.literal('failed'),
  failure: MediaFailureSchema,
  os: OsFamilySchema,
  /** e.g. "NotReadableError: Could not start video source" */
  detail: z.string().max(1000),
  durationMs: ms,
};

export const CameraMeasurementSchema = z.discriminatedUnion('outcome', [
  z.object({
    outcome: z.literal('measured'),
    label,
    width: z.number().int().nonnegative().max(100_000),
    height: z.number().int().nonnegative().max(100_000),
    fps: z.number().nonnegative().max(1000),
    /** mean luma (0–255) of one frame: a covered lens is near 0 */
    brightness: luma,
    durationMs: ms,
  }),
  z.object(Failed),
]);
export type CameraMeasurement = z.infer<typeof CameraMeasurementSchema>;

/** A face the detector found, relative to the frame (0–1; a face at the edge may reach past it). */
export const FaceBoxSchema = z.object({
  x: z.number().min(-1).max(2),
  y: z.number().min(-1).max(2),
  width: z.number().min(0).max(2),
  height: z.number().min(0).max(2),
  score: z.number().min(0).max(1),
});
export type FaceBox = z.infer<typeof FaceBoxSchema>;

/**
 * The light on the face itself (the middle of the largest face's box, where skin is, not the box's
 * corners): its left and right halves as the picture shows them, and the share of its pixels at or
 * near full brightness (washed out, nothing left for the proctor to see).
 */
export const FaceLightSchema = z.object({
  left: luma,
  right: luma,
  clipped: z.number().min(0).max(1),
});
export type FaceLight = z.infer<typeof FaceLightSchema>;

/** One analysed frame: the faces found and the light on the (largest) face and around it. */
export const FaceSampleSchema = z.object({
  faces: z.array(FaceBoxSchema).max(50),
  /** mean luma inside the largest face's box; null when no face */
  faceLuma: luma.nullable(),
  /** mean luma outside that box (the whole frame when no face) */
  backgroundLuma: luma,
  /** the light on the face's halves; absent when no face, and in reports from before it was measured */
  faceLight: FaceLightSchema.optional(),
});
export type FaceSample = z.infer<typeof FaceSampleSchema>;

export { MAX_FACE_SAMPLES };

export const FaceMeasurementSchema = z.discriminatedUnion('outcome', [
  z.object({
    outcome: z.literal('measured'),
    samples: z.array(FaceSampleSchema).max(MAX_FACE_SAMPLES),
    durationMs: ms,
    /** median detection time per frame, and the detector's backend (wasm, cpu…) */
    detectMs: ms.nullable(),
    backend: z.string().max(50).nullable(),
  }),
  /** the detector could not run (old browser, blocked WebAssembly…) */
  z.object({ outcome: z.literal('failed'), detail: z.string().max(1000), durationMs: ms }),
]);
export type FaceMeasurement = z.infer<typeof FaceMeasurementSchema>;

export const MicrophoneMeasurementSchema = z.discriminatedUnion('outcome', [
  z.object({
    outcome: z.literal('measured'),
    label,
    /** loudest level (0–100) while the learner spoke */
    peak: level,
    /** median level (0–100) while the learner stayed quiet; null when not measured */
    noiseFloor: level.nullable(),
    /** share of clipped samples while speaking */
    clipped: z.number().min(0).max(1),
    durationMs: ms,
  }),
  z.object(Failed),
]);
export type MicrophoneMeasurement = z.infer<typeof MicrophoneMeasurementSchema>;

/** The learner's own answer after the test tone: only they can tell whether they heard it. */
export const SpeakersMeasurementSchema = z.object({
  heard: z.boolean(),
  label,
  /** the tone went to the chosen output (setSinkId), not only the system's default */
  routed: z.boolean(),
});
export type SpeakersMeasurement = z.infer<typeof SpeakersMeasurementSchema>;

/** Every device measured so far; a device absent was not measured (no result, not a failure). */
export const DeviceMeasurementsSchema = z
  .object({
    camera: CameraMeasurementSchema.optional(),
    face: FaceMeasurementSchema.optional(),
    microphone: MicrophoneMeasurementSchema.optional(),
    speakers: SpeakersMeasurementSchema.optional(),
  })
  .strict();
export type DeviceMeasurements = z.infer<typeof DeviceMeasurementsSchema>;
export type MeasuredDevice = keyof DeviceMeasurements;
