// The largest license file read (a real one is a few KiB). Its own module: the CLI's shell needs
// the number before anything else, without the hashing code of license-read.ts (perf issue).
export const MAX_LICENSE_BYTES = 64 * 1024;
