#!/usr/bin/env node
// A committed entry, so npm links the `kith-server` bin at install time, before dist/ is built.
import '../dist/cli.js';
