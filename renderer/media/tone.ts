// A short test tone through a chosen output: three soft beeps (a steady tone is easy to miss or to
// mistake for a fan). setSinkId routes it to the device where the browser allows choosing one. The
// learner's answer is judged in main (shared/rules/devices.ts, devices.speakers).
export const TONE_HZ = 660;
export const BEEPS = 3;
const BEEP_S = 0.35;
const GAP_S = 0.25;

/** What the browser lets us choose: an AudioContext with setSinkId (Chromium 110+). */
type SinkContext = AudioContext & { setSinkId?: (id: string) => Promise<void> };

export function canChooseOutput(): boolean {
  return typeof AudioContext !== 'undefined' && 'setSinkId' in AudioContext.prototype;
}

/** Plays the beeps; resolves when they have ended. `sinkId` '' is the system's default output. */
export async function playTone(sinkId: string): Promise<{ routed: boolean }> {
  const ctx: SinkContext = new AudioContext();
  try {
    let routed = false;
    if (sinkId && typeof ctx.setSinkId === 'function') {
      await ctx.setSinkId(sinkId);
      routed = true;
    }
    await ctx.resume();
    const gain = ctx.createGain();
    gain.gain.value = 0;
    gain.connect(ctx.destination);
    const osc = ctx.createOscillator();
    osc.type = 'sine';
    osc.frequency.value = TONE_HZ;
    osc.connect(gain);
    const t0 = ctx.currentTime + 0.05;
    for (let i = 0; i < BEEPS; i++) {
      const at = t0 + i * (BEEP_S + GAP_S);
      // short ramps: no click at the start and end of each beep
      gain.gain.setValueAtTime(0, at);
      gain.gain.linearRampToValueAtTime(0.3, at + 0.02);
      gain.gain.setValueAtTime(0.3, at + BEEP_S - 0.02);
      gain.gain.linearRampToValueAtTime(0, at + BEEP_S);
    }
    const end = t0 + BEEPS * (BEEP_S + GAP_S);
    osc.start(t0);
    osc.stop(end);
    await new Promise<void>((resolve) => {
      osc.onended = () => resolve();
    });
    return { routed };
  } finally {
    void ctx.close().catch(() => undefined);
  }
}
