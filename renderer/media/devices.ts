// Thin browser helpers shared by the camera and microphone screens.
import { useFromMain } from '../app/useFromMain';
import type { DeviceRequirements } from '../../shared/api/scan';

export function stopStream(stream: MediaStream | null | undefined): void {
  stream?.getTracks().forEach((t) => t.stop());
}

export async function listDevices(kind: MediaDeviceKind): Promise<MediaDeviceInfo[]> {
  if (!navigator.mediaDevices?.enumerateDevices) return [];
  return (await navigator.mediaDevices.enumerateDevices()).filter((d) => d.kind === kind && d.deviceId);
}

export function useDeviceRequirements(profileId: string | null): DeviceRequirements | null {
  return useFromMain(() => (profileId ? window.preflight.deviceRequirements(profileId) : null), [profileId]).value ?? null;
}

/**
 * Frames per second the camera delivers, over `ms`. Decoded-frame counts (getVideoPlaybackQuality)
 * measure the camera itself; painted-frame counting (requestVideoFrameCallback) would also count
 * what a busy or hidden window fails to paint, so it is only the fallback.
 */
export async function measureFps(video: HTMLVideoElement, ms: number): Promise<number> {
  if (typeof video.getVideoPlaybackQuality === 'function') {
    const before = video.getVideoPlaybackQuality().totalVideoFrames;
    const start = performance.now();
    await new Promise((r) => setTimeout(r, ms));
    const frames = video.getVideoPlaybackQuality().totalVideoFrames - before;
    if (frames > 0) return (frames * 1000) / (performance.now() - start);
  }
  return countPaintedFrames(video, ms);
}

function countPaintedFrames(video: HTMLVideoElement, ms: number): Promise<number> {
  return new Promise((resolve) => {
    let frames = 0;
    const start = performance.now();
    const done = () => resolve((frames * 1000) / (performance.now() - start));
    if (typeof video.requestVideoFrameCallback === 'function') {
      const tick = () => {
        frames++;
        if (performance.now() - start < ms) video.requestVideoFrameCallback(tick);
        else done();
      };
      video.requestVideoFrameCallback(tick);
      // a stalled stream delivers no frames at all: still finish
      setTimeout(() => {
        if (frames === 0) done();
      }, ms + 500);
    } else {
      let last = -1;
      const tick = () => {
        if (video.currentTime !== last) {
          frames++;
          last = video.currentTime;
        }
        if (performance.now() - start < ms) requestAnimationFrame(tick);
        else done();
      };
      requestAnimationFrame(tick);
    }
  });
}
