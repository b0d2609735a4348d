#!/usr/bin/env node
// The npm bin: plain Node, no Electron. The CLI is bundled to dist/cli.cjs by `npm run build:node`
// (run automatically by `npm ci` / `npm install` through the prepare script).
'use strict';
require('../dist/cli.cjs');
