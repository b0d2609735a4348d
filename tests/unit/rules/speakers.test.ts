// The speaker check is the learner's own answer: heard passes, not heard warns (advisory) or fails.
// Judged the way main judges it (moved from tests/unit/renderer/tone.test.ts, same assertions).
import { describe, expect, it } from 'vitest';
import { CheckResultSchema } from '../../../shared/check';
import { judgedOne } from './judge-devices';

const speakersResult = (heard: boolean, label: string, required: boolean, routed: boolean) =>
  judgedOne('devices.speakers', { speakers: { heard, label, routed } }, { speakers: { required } });

describe('speaker check', () => {
  it('heard passes; not heard gives the volume/output fix', () => {
    const ok = speakersResult(true, 'Speakers (Realtek)', false, true);
    expect(ok.status).toBe('pass');
    expect(CheckResultSchema.parse(ok)).toEqual(ok);
    const no = speakersResult(false, 'Speakers (Realtek)', false, false);
    expect(no.status).toBe('warn');
    expect(no.fix?.key).toBe('devices:speakers.fix');
    expect(speakersResult(false, 'x', true, false).status).toBe('fail');
  });
});
