package dev.providerapi.sandbox;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The fakes' clock: real time plus an offset a test moves with {@link #advance(Duration)}, so "booting for 30 s"
 * or "preempted after an hour" takes no wall time in a test and real time in {@code provider-api sandbox}.
 */
public final class SandboxClock {
  private final AtomicLong offsetMillis = new AtomicLong();

  /** A clock at the system time, until a test moves it forward ({@link #advance}). */
  public SandboxClock() {}

  /**
   * The sandbox's current instant.
   *
   * @return the wall clock's instant plus every {@link #advance(Duration)} so far
   */
  public Instant now() {
    return Instant.now().plusMillis(offsetMillis.get());
  }

  /**
   * Moves the clock forward.
   *
   * @param by how far, zero or more (counted in whole milliseconds)
   * @throws IllegalArgumentException when {@code by} is negative
   */
  public void advance(Duration by) {
    if (by.isNegative()) {
      throw new IllegalArgumentException("the sandbox clock only moves forward, got " + by);
    }
    offsetMillis.addAndGet(by.toMillis());
  }
}
