#!/usr/bin/env node
// The npm bin: plain Node, no Electron. The CLI is bundled to dist/cli/ by `npm run build:node`
// (run automatically by `npm ci` / `npm install` through the prepare script).
'use strict';
// Node >= 22.1 keeps the compiled CLI in a per-user cache folder (compile-cache.cjs says which and
// why it is safe); never fatal: without it the CLI only starts slower
try {
  require('./compile-cache.cjs').enableCompileCache();
} catch {
  // no cache
}
import('../dist/cli/cli.mjs').catch((err) => {
  process.stderr.write(`internal error: ${String(err)}\n`);
  process.exitCode = 3;
});
