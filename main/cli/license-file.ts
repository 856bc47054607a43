// The license a command was given: a file (a regular file, read up to the size limit + 1 byte) or
// standard input.
import { MAX_LICENSE_BYTES } from '../core/license/size-limit';
import type { Io } from './terminal';
import { Usage, readAll } from './terminal';

export async function licenseInput(file: string | undefined, io: Io): Promise<{ bytes: Uint8Array; name: string | null; size?: number }> {
  if (!file) throw new Usage('Name the license file (or - for standard input).');
  if (file === '-') return { bytes: await readAll(io.stdin), name: null };
  // A directory, a device or a FIFO is refused in words.
  const { readLicenseFile } = await import('../shell-files');
  const { bytes, size } = readLicenseFile(file, MAX_LICENSE_BYTES);
  return { bytes, size, name: file.split(/[\\/]/).pop() ?? file };
}
