// A clock for tests that waits less than it says (no test framework imported: the Playwright
// specs use it too).
/**
 * The flow's waits on a clock that runs ahead: each sleep waits at most 30 ms for real (longer than
 * the simulator's 20 ms validation delay, so the server has applied the license before it is read)
 * and counts the rest as passed. A test of "rejected after 300 ms settled" takes ~60 ms, not 650.
 */
export function fastClock(realCapMs = 30): { now: () => number; sleep: (ms: number) => Promise<void> } {
  let ahead = 0;
  return {
    now: () => Date.now() + ahead,
    sleep: async (ms) => {
      const real = Math.min(ms, realCapMs);
      await new Promise<void>((r) => setTimeout(r, real));
      ahead += ms - real;
    },
  };
}
