// Installations in flight in this process, so that a shell can interrupt them cleanly (the window
// closing, Ctrl-C): each is recorded as interrupted, with whether anything was sent, and its lock
// released — instead of the process ending under it.
export class RunningJobs {
  private readonly controller = new AbortController();
  private readonly running = new Set<Promise<unknown>>();

  get size(): number {
    return this.running.size;
  }

  /** Runs an installation with the signal that interrupts it. */
  run<T>(work: (signal: AbortSignal) => Promise<T>): Promise<T> {
    const job = work(this.controller.signal);
    this.running.add(job);
    void job.then(
      () => this.running.delete(job),
      () => this.running.delete(job),
    );
    return job;
  }

  /** Interrupts every installation and waits (at most `timeoutMs`) for each to be recorded. */
  async interruptAll(timeoutMs = 5000): Promise<void> {
    this.controller.abort();
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([Promise.allSettled([...this.running]), new Promise<void>((resolve) => (timer = setTimeout(resolve, timeoutMs)))]);
    clearTimeout(timer);
  }
}
