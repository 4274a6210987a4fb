package dev.providerapi.http.internal;

import java.util.function.Supplier;

/**
 * What the runtime knows about the calls the current thread makes, beyond the single HTTP call: a terminate
 * (money stops when it lands) goes ahead of other callers waiting for a rate-limit token, and the lookups that
 * resolve an ambiguous launch are not held back by an open circuit breaker (they are how a created instance
 * is found instead of leaked). Adapters call the API on the caller's thread, so a thread-local reaches them.
 */
public final class CallScope {
  private static final ThreadLocal<CallScope> CURRENT = new ThreadLocal<>();
  private static final CallScope NONE = new CallScope(false, false);

  private final boolean priority;
  private final boolean pastOpenBreaker;

  private CallScope(boolean priority, boolean pastOpenBreaker) {
    this.priority = priority;
    this.pastOpenBreaker = pastOpenBreaker;
  }

  static CallScope current() {
    CallScope s = CURRENT.get();
    return s == null ? NONE : s;
  }

  /** Calls made by {@code body} take rate-limit tokens before other waiting callers (still within the limits). */
  public static <T> T priority(Supplier<T> body) {
    return run(new CallScope(true, current().pastOpenBreaker), body);
  }

  /** Calls made by {@code body} are sent even while the circuit breaker is open, and not counted by it. */
  public static <T> T pastOpenBreaker(Supplier<T> body) {
    return run(new CallScope(current().priority, true), body);
  }

  private static <T> T run(CallScope scope, Supplier<T> body) {
    CallScope previous = CURRENT.get();
    CURRENT.set(scope);
    try {
      return body.get();
    } finally {
      if (previous == null) {
        CURRENT.remove();
      } else {
        CURRENT.set(previous);
      }
    }
  }

  boolean isPriority() {
    return priority;
  }

  boolean isPastOpenBreaker() {
    return pastOpenBreaker;
  }
}
