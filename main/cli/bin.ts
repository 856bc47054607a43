// The `rc-license` process entry. The build splits the CLI into chunks so that each command loads
// only what it uses (`--help` never compiles the HTTP client or the keychain module).
import { setFlagsFromString } from 'node:v8';
import { runFromProcess } from './index';

// undici parses HTTP with llhttp compiled to WebAssembly, and V8's optimising compiler holds about
// 37 MB while it tiers up llhttp's one huge function: most of a command's peak memory, for the
// few small answers a command reads (perf issue: `apply` peaked at 101 MB, 64 MB without it).
// The baseline compiler parses them as well. Set before any WebAssembly is compiled (undici loads
// at the first request), which is when V8 reads it; the window's main process is unaffected.
setFlagsFromString('--liftoff-only');

runFromProcess();
