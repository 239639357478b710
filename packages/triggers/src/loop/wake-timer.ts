/** A sleep that ends early on wake() (a run finished, Pub/Sub queued something) or when the signal aborts. */
export class WakeTimer {
  private wakeUp: (() => void) | undefined;
  private woken = false;

  sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
    if (this.woken || signal?.aborted) {
      this.woken = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', done);
        this.wakeUp = undefined;
        resolve();
      };
      const timer = setTimeout(done, ms);
      signal?.addEventListener('abort', done, { once: true });
      this.wakeUp = done;
    });
  }

  wake(): void {
    if (this.wakeUp) this.wakeUp();
    else this.woken = true;
  }
}
