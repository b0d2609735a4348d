#!/usr/bin/env node
// The npm bin: plain Node, no Electron. The CLI is bundled to dist/cli/ by `npm run build:node`
// (run automatically by `npm ci` / `npm install` through the prepare script).
'use strict';
import('../dist/cli/cli.mjs').catch((err) => {
  process.stderr.write(`internal error: ${String(err)}\n`);
  process.exitCode = 3;
});
