package dev.providerapi.http;

import java.time.Duration;

/** Waits. The system one sleeps the thread; tests pass one that advances a fake clock instead. */
@FunctionalInterface
public interface Sleeper {
  Sleeper SYSTEM = d -> {
    if (!d.isNegative() && !d.isZero()) {
      Thread.sleep(d.toMillis(), d.toNanosPart() % 1_000_000);
    }
  };

  void sleep(Duration duration) throws InterruptedException;
}
