// What the camera and microphone screens share (issue 12: they were copy-pasted): the device list
// and choice, opening the chosen device, stopping everything on leave or re-test, the phase, the
// measurement handed to main to judge (and its result), and a getUserMedia error measured as such
// (main explains it for this OS, with the OS's own camera and microphone switches).
import { useCallback, useEffect, useRef, useState } from 'react';
import type { DeviceMeasurements } from '../../shared/devices/measurements';
import { useApp } from '../app/store';
import { classifyMediaError, osFamily } from './analyze';
import { listDevices, stopStream, useDeviceRequirements } from './devices';

export type DeviceKind = 'camera' | 'microphone';
export type TestPhase = 'idle' | 'running' | 'done';

export function useDeviceTest(kind: DeviceKind, profileId: string | null) {
  const req = useDeviceRequirements(profileId);
  const measureDevices = useApp((s) => s.measureDevices);
  const setUnfinished = useApp((s) => s.setUnfinished);
  /** the screen was left: a test still running was stopped by the learner moving on, not by the computer */
  const left = useRef(false);
  const result = useApp((s) => s.devices[`devices.${kind}`]) ?? null;
  const streamRef = useRef<MediaStream | null>(null);
  const cleanups = useRef<(() => void)[]>([]);
  const [devices, setDevices] = useState<MediaDeviceInfo[]>([]);
  const [deviceId, setDeviceId] = useState('');
  const [phase, setPhase] = useState<TestPhase>('idle');

  const stop = useCallback(() => {
    for (const f of cleanups.current.splice(0)) f();
    stopStream(streamRef.current);
    streamRef.current = null;
  }, []);
  useEffect(() => {
    left.current = false;
    return () => {
      left.current = true;
      stop();
    };
  }, [stop]);

  /** opens the device (the chosen one, or the default), lists the others now that labels are visible */
  const open = useCallback(
    async (id: string, constraints: MediaTrackConstraints = {}) => {
      stop();
      const c = { ...constraints, ...(id ? { deviceId: { exact: id } } : {}) };
      const stream = await navigator.mediaDevices.getUserMedia(
        kind === 'camera' ? { video: c, audio: false } : { audio: Object.keys(c).length ? c : true, video: false },
      );
      streamRef.current = stream;
      setDevices(await listDevices(kind === 'camera' ? 'videoinput' : 'audioinput'));
      const track = (kind === 'camera' ? stream.getVideoTracks() : stream.getAudioTracks())[0]!;
      setDeviceId(track.getSettings().deviceId ?? id);
      return { stream, track };
    },
    [kind, stop],
  );

  /** records measurements and waits for main's verdicts on them */
  const save = useCallback((m: Partial<DeviceMeasurements>) => (profileId ? measureDevices(profileId, m) : Promise.resolve()), [profileId, measureDevices]);

  /**
   * Runs one test: phase, errors turned into results, everything stopped at the end (`keepOpen`:
   * the device stays on, e.g. the camera preview for the learner to adjust; leaving stops it).
   */
  const run = useCallback(
    async (body: () => Promise<void>, keepOpen = false) => {
      setPhase('running');
      // "not finished" until the test ends here: leaving while it runs keeps it so (issue 29)
      setUnfinished(kind, true);
      const began = performance.now();
      try {
        await body();
      } catch (err) {
        // stopped because the learner moved on (Continue while the face check ran): nothing failed
        if (left.current) return;
        const failed = {
          outcome: 'failed' as const,
          failure: classifyMediaError(err),
          os: osFamily(navigator.userAgent),
          detail: (err instanceof Error ? `${err.name}: ${err.message}` : String(err)).slice(0, 1000),
          durationMs: Math.round(performance.now() - began),
        };
        stop();
        // a camera that would not open has no face to judge
        await save(kind === 'camera' ? { camera: failed, face: undefined } : { microphone: failed });
      }
      if (left.current) return;
      setUnfinished(kind, false);
      if (keepOpen) for (const f of cleanups.current.splice(0)) f();
      else stop();
      setPhase('done');
    },
    [kind, save, stop, setUnfinished],
  );

  return {
    req,
    devices,
    deviceId,
    setDeviceId,
    phase,
    result,
    open,
    run,
    save,
    stop,
    busy: phase === 'running',
    /** still the stream this test opened (a re-test or leaving the screen replaced it) */
    isCurrent: (s: MediaStream) => streamRef.current === s,
    /** called when the test stops (timers, audio contexts, workers) */
    onStop: (f: () => void) => {
      cleanups.current.push(f);
    },
  };
}
