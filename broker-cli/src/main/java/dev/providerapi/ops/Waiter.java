package dev.providerapi.ops;

import dev.providerapi.Provider;
import dev.providerapi.errors.ProviderException;
import dev.providerapi.model.Instance;
import dev.providerapi.model.InstanceStatus;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Polls an instance until it reaches a state, printing each change (and a line every 30 s) on stderr. A failed
 * poll (a 5xx, a timeout) is reported and retried; the deadline is the only end besides the state.
 */
final class Waiter {
  private static final Duration QUIET = Duration.ofSeconds(30);

  enum Result { REACHED, GONE, FAILED, TIMED_OUT }

  record Outcome(Result result, @Nullable Instance last, Duration waited) {}

  private final PrintWriter err;
  private final Duration timeout;
  private final Duration poll;

  Waiter(PrintWriter err, Duration timeout, Duration poll) {
    this.err = err;
    this.timeout = timeout;
    this.poll = poll;
  }

  /** Until RUNNING; FAILED, TERMINATED or gone end the wait as failures. */
  Outcome untilRunning(Provider provider, Instance start) {
    return until(provider, start, true);
  }

  /** Until TERMINATED or gone. */
  Outcome untilGone(Provider provider, Instance start) {
    return until(provider, start, false);
  }

  private Outcome until(Provider provider, Instance first, boolean running) {
    String what = provider.name() + " " + first.id();
    String goal = running ? "RUNNING" : "TERMINATED";
    long t0 = System.nanoTime();
    Instance last = first;
    InstanceStatus shown = null;
    long lastLine = t0;
    err.println("waiting for " + what + " to be " + goal + " (timeout " + Durations.human(timeout) + ")");
    err.flush();
    while (true) {
      Duration waited = Duration.ofNanos(System.nanoTime() - t0);
      if (last != null) {
        InstanceStatus st = last.status();
        if (running && st == InstanceStatus.RUNNING || !running && st == InstanceStatus.TERMINATED) {
          err.println("  " + what + ": " + st + " after " + Durations.human(waited));
          err.flush();
          return new Outcome(Result.REACHED, last, waited);
        }
        if (running && (st == InstanceStatus.FAILED || st == InstanceStatus.TERMINATED)) {
          err.println("  " + what + ": " + st + (last.preempted() ? " (preempted)" : "") + " after "
              + Durations.human(waited) + "; it will not reach RUNNING");
          err.flush();
          return new Outcome(Result.FAILED, last, waited);
        }
        if (st != shown || System.nanoTime() - lastLine > QUIET.toNanos()) {
          err.println("  " + what + ": " + st + (last.rawStatus() == null ? "" : " (" + last.rawStatus() + ")")
              + ", " + Durations.human(waited));
          err.flush();
          shown = st;
          lastLine = System.nanoTime();
        }
      }
      if (waited.compareTo(timeout) >= 0) {
        err.println("  " + what + ": not " + goal + " after " + Durations.human(timeout) + "; left as it is");
        err.flush();
        return new Outcome(Result.TIMED_OUT, last, waited);
      }
      sleep(min(poll, timeout.minus(waited)));
      try {
        Optional<Instance> now = provider.get(first.id());
        if (now.isEmpty()) {
          Duration w = Duration.ofNanos(System.nanoTime() - t0);
          err.println("  " + what + ": gone after " + Durations.human(w));
          err.flush();
          return new Outcome(running ? Result.FAILED : Result.GONE, null, w);
        }
        last = now.get();
      } catch (ProviderException e) {
        err.println("  " + what + ": poll failed (" + e.getClass().getSimpleName() + ": " + e.getMessage()
            + "); trying again");
        err.flush();
      }
    }
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b.isNegative() ? Duration.ZERO : b;
  }

  private static void sleep(Duration d) {
    try {
      Thread.sleep(Math.max(1, d.toMillis()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting", e);
    }
  }
}
