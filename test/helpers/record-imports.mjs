// Preloaded with `node --import`: records every ES module URL the process loads, for start-up tests.
import { register } from 'node:module';

register('./record-imports-hooks.mjs', import.meta.url);
