package dev.providerapi.http;

import java.time.Duration;

/** Waits. The system one sleeps the thread; tests pass one that advances a fake clock instead. */
@FunctionalInterface
public interface Sleeper {
  /** Sleeps the current thread; a zero or negative duration returns at once. */
  Sleeper SYSTEM = d -> {
    if (!d.isNegative() && !d.isZero()) {
      Thread.sleep(d.toMillis(), d.toNanosPart() % 1_000_000);
    }
  };

  /**
   * Waits for {@code duration}.
   *
   * @param duration how long to wait
   * @throws InterruptedException if the thread is interrupted while waiting
   */
  void sleep(Duration duration) throws InterruptedException;
}
