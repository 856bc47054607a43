// The `rc-license` process entry, bundled as ESM with code splitting so that each command loads
// only what it uses (`--help` never parses the HTTP client or the keychain module).
import { runFromProcess } from './index';

runFromProcess();
