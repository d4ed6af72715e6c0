#!/usr/bin/env node
// The `horde-model-reference` command. Everything lives in ./cli/; this only hands it the process.
import { main } from './cli/main.js';

process.exitCode = await main(process.argv.slice(2));
