// `rc-license`: the installer's core from a terminal.
import { getAppInfo } from './core/app-info';

const args = process.argv.slice(2);
if (args[0] === '--version' || args[0] === '-V') {
  process.stdout.write(`${getAppInfo('cli').version}\n`);
} else {
  process.stdout.write('Usage: rc-license --version\n');
  process.exitCode = args.length ? 2 : 0;
}
