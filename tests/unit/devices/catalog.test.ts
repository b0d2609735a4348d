// The virtual camera/microphone and headset catalog: well-formed data, matched as text in labels.
import { describe, expect, it } from 'vitest';
import { HEADSET_LABELS, isHeadsetLabel, VIRTUAL_DEVICES, virtualDeviceFor } from '../../../shared/devices/catalog';

describe('virtual device catalog', () => {
  it('has unique ids, lower-case labels, known kinds', () => {
    const ids = VIRTUAL_DEVICES.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const e of VIRTUAL_DEVICES) {
      expect(e.labels.length).toBeGreaterThan(0);
      for (const l of e.labels) expect(l).toBe(l.toLowerCase());
      for (const k of e.kinds) expect(['camera', 'microphone']).toContain(k);
    }
    for (const l of HEADSET_LABELS) expect(l).toBe(l.toLowerCase());
  });
  it('recognises the software cameras proctors reject, by the labels browsers report', () => {
    expect(virtualDeviceFor('OBS Virtual Camera', 'camera')?.id).toBe('obs');
    expect(virtualDeviceFor('ManyCam Virtual Webcam', 'camera')?.id).toBe('manycam');
    expect(virtualDeviceFor('Snap Camera', 'camera')?.id).toBe('snap-camera');
    expect(virtualDeviceFor('XSplit VCam', 'camera')?.id).toBe('xsplit');
    expect(virtualDeviceFor('Camera (NVIDIA Broadcast)', 'camera')?.id).toBe('nvidia-broadcast');
    expect(virtualDeviceFor('DroidCam Source 3', 'camera')?.id).toBe('droidcam');
    expect(virtualDeviceFor('e2eSoft iVCam', 'camera')?.id).toBe('ivcam');
    expect(virtualDeviceFor('mmhmm Camera', 'camera')?.id).toBe('mmhmm');
    expect(virtualDeviceFor('CABLE Output (VB-Audio Virtual Cable)', 'microphone')?.id).toBe('vb-cable');
  });
  it('leaves real devices alone, and matches per kind', () => {
    for (const real of ['Integrated Webcam (0c45:6a10)', 'FaceTime HD Camera', 'Logitech BRIO (046d:085e)', 'HD Pro Webcam C920', 'fake_device_0', ''])
      expect(virtualDeviceFor(real, 'camera')).toBeNull();
    expect(virtualDeviceFor('Snap Camera', 'microphone')).toBeNull();
  });
  it('labels are data: long or odd text is cut, never used as a pattern', () => {
    expect(virtualDeviceFor(`${'x'.repeat(300)}obs virtual camera`, 'camera')).toBeNull();
    expect(virtualDeviceFor('(.*)+$[', 'camera')).toBeNull();
  });
  it('headsets by name', () => {
    expect(isHeadsetLabel('Headset Microphone (Jabra Evolve2 65)')).toBe(true);
    expect(isHeadsetLabel('AirPods Pro')).toBe(true);
    expect(isHeadsetLabel('Microphone Array (Realtek(R) Audio)')).toBe(false);
  });
});
