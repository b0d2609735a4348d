// What the viewer says about a report file the main process did not read (electron/main/report-file.ts):
// one sentence per reason, so a learner or support person knows why nothing opened and what to do.
import type { TFunction } from 'i18next';
import type { OpenedFileRefusal, OpenedReportFile } from '../../../../shared/api/report';

const KEY: Record<OpenedFileRefusal, `viewer:refused.${OpenedFileRefusal}`> = {
  url: 'viewer:refused.url',
  unc: 'viewer:refused.unc',
  'not-a-path': 'viewer:refused.not-a-path',
  'not-a-file': 'viewer:refused.not-a-file',
  unreadable: 'viewer:refused.unreadable',
};

export function refusedFileMessage(t: TFunction, f: Pick<OpenedReportFile, 'fileName' | 'refused'>): string {
  // a reason this window does not know (a newer main process): the plainest one
  const key = (f.refused && Object.prototype.hasOwnProperty.call(KEY, f.refused) ? KEY[f.refused] : null) ?? KEY.unreadable;
  return t(key, { file: f.fileName });
}
