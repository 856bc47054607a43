// The `rc-license` process entry. The build splits the CLI into chunks so that each command loads
// only what it uses (`--help` never compiles the HTTP client or the keychain module).
import { runFromProcess } from './index';

runFromProcess();
