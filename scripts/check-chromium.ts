// Pre-flight step of `npm run test:e2e`: a machine without Chromium fails once, first, with the line
// that installs it — not with one launch failure per end-to-end test.
import { findChromium, missingChromiumMessage } from './find-chromium';

if (!findChromium()) {
  console.error(missingChromiumMessage());
  process.exit(1);
}
