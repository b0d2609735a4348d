// What the camera and microphone screens share (issue 12: they were copy-pasted): the device list
// and choice, opening the chosen device, stopping everything on leave or re-test, the phase, the
// saved result, and turning a getUserMedia error into the right explanation for this OS.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { CheckResult, SourceRef } from '../../shared/check';
import { useApp } from '../app/store';
import { classifyMediaError, failureResult, osFamily } from './analyze';
import { listDevices, stopStream, useDeviceRequirements } from './devices';

export type DeviceKind = 'camera' | 'microphone';
export type TestPhase = 'idle' | 'running' | 'done';

export function useDeviceTest(kind: DeviceKind, profileId: string | null) {
  const req = useDeviceRequirements(profileId);
  const setDeviceResult = useApp((s) => s.setDeviceResult);
  const saved = useApp((s) => s.devices[`devices.${kind}`]);
  // the scan's OS facts (privacy switches, permissions) explain browser errors when a check has run
  const access = useApp((s) => s.scan?.facts.device.mediaAccess);
  const streamRef = useRef<MediaStream | null>(null);
  const cleanups = useRef<(() => void)[]>([]);
  const [devices, setDevices] = useState<MediaDeviceInfo[]>([]);
  const [deviceId, setDeviceId] = useState('');
  const [phase, setPhase] = useState<TestPhase>('idle');
  const [result, setResult] = useState<CheckResult | null>(saved ?? null);

  const stop = useCallback(() => {
    for (const f of cleanups.current.splice(0)) f();
    stopStream(streamRef.current);
    streamRef.current = null;
  }, []);
  useEffect(() => stop, [stop]);

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

  const save = useCallback(
    (r: CheckResult) => {
      if (r.id === `devices.${kind}`) setResult(r);
      setDeviceResult(r);
    },
    [kind, setDeviceResult],
  );

  /**
   * Runs one test: phase, errors turned into results, everything stopped at the end (`keepOpen`:
   * the device stays on, e.g. the camera preview for the learner to adjust; leaving stops it).
   */
  const run = useCallback(
    async (body: () => Promise<void>, required: boolean, source?: SourceRef, keepOpen = false) => {
      setPhase('running');
      try {
        await body();
      } catch (err) {
        save(
          failureResult(
            kind,
            classifyMediaError(err),
            osFamily(navigator.userAgent),
            required,
            err instanceof Error ? `${err.name}: ${err.message}` : String(err),
            source,
            access,
          ),
        );
        stop();
      }
      if (keepOpen) for (const f of cleanups.current.splice(0)) f();
      else stop();
      setPhase('done');
    },
    [access, kind, save, stop],
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
