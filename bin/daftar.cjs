#!/usr/bin/env node
// The `daftar` command. The code is the built CLI (npm run build); the notes
// database uses node:sqlite, which needs Node 22.5 or later (npm scripts run the
// project's pinned Node 24).
'use strict';
const { existsSync } = require('node:fs');
const { join } = require('node:path');

const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 5)) {
  process.stderr.write(`daftar: Node ${process.versions.node} is too old (node:sqlite needs 22.5+). Run it through npm (npx daftar …, npm run serve), which uses the project's Node 24.\n`);
  process.exit(1);
}
const cli = join(__dirname, '..', 'out', 'main', 'cli.js');
if (!existsSync(cli)) {
  process.stderr.write('daftar: the command is not built yet; run `npm run build` first.\n');
  process.exit(1);
}
require(cli).main().catch((error) => {
  process.stderr.write(`daftar: ${error && error.message ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
