import { describe, expect, it } from 'vitest';
import { REPORT_LIMIT_CHARS } from '../../../renderer/screens/report/ViewerPanel';
import { MAX_REPORT_CHARS } from '../../../electron/handlers/report';

describe('report viewer limit', () => {
  it('is the same as the main process limit', () => {
    expect(REPORT_LIMIT_CHARS).toBe(MAX_REPORT_CHARS);
  });
});
