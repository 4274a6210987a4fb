package dev.providerapi.http;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A point in time by which a call, or a whole operation made of calls, must be done. Every
 * {@link ApiClient} call runs under the earlier of its own deadline ({@code ProviderConfig.callTimeout}) and
 * the one the caller's thread is in ({@link #within}); attempts, backoff, rate-limit waits and body reads all
 * count against it. Measured on {@link System#nanoTime()}, so wall-clock jumps do not move it.
 *
 * <p>A broker that wants, say, a whole {@code list()} (all pages) done in 20 s writes
 * {@code Deadline.within(Duration.ofSeconds(20), provider::list)}.
 */
public final class Deadline {
  private static final ThreadLocal<Deadline> CURRENT = new ThreadLocal<>();
  private static final long FAR = Long.MAX_VALUE / 4;

  private final long endNanos;
  private final Duration budget;

  private Deadline(long endNanos, Duration budget) {
    this.endNanos = endNanos;
    this.budget = budget;
  }

  /**
   * A deadline {@code budget} from now.
   *
   * @param budget the time allowed; not negative
   * @return the deadline
   * @throws IllegalArgumentException if {@code budget} is negative
   */
  public static Deadline after(Duration budget) {
    Objects.requireNonNull(budget, "budget");
    if (budget.isNegative()) {
      throw new IllegalArgumentException("a deadline budget must not be negative, was " + budget);
    }
    long nanos = budget.compareTo(Duration.ofNanos(FAR)) >= 0 ? FAR : budget.toNanos();
    return new Deadline(System.nanoTime() + nanos, budget);
  }

  /**
   * The deadline the current thread runs under, if a caller set one with {@link #within}.
   *
   * @return the thread's deadline, or empty outside {@link #within}
   */
  public static Optional<Deadline> current() {
    return Optional.ofNullable(CURRENT.get());
  }

  /**
   * Runs {@code body} with every call it makes on this thread bounded by {@code budget} from now (or by an
   * enclosing deadline, if that ends earlier).
   *
   * @param <T> the result type
   * @param budget the time allowed
   * @param body the work to run
   * @return what {@code body} returns
   */
  public static <T> T within(Duration budget, Supplier<T> body) {
    return within(after(budget), body);
  }

  /**
   * As {@link #within(Duration, Supplier)}, with a deadline already made.
   *
   * @param <T> the result type
   * @param deadline the deadline to run under
   * @param body the work to run
   * @return what {@code body} returns
   */
  public static <T> T within(Deadline deadline, Supplier<T> body) {
    Deadline outer = CURRENT.get();
    CURRENT.set(outer == null ? deadline : outer.earlier(deadline));
    try {
      return body.get();
    } finally {
      if (outer == null) {
        CURRENT.remove();
      } else {
        CURRENT.set(outer);
      }
    }
  }

  /**
   * This deadline or the enclosing one of the current thread, whichever ends first.
   *
   * @return the earlier deadline
   */
  public Deadline boundedByCurrent() {
    Deadline outer = CURRENT.get();
    return outer == null ? this : earlier(outer);
  }

  /**
   * Whichever of the two ends first.
   *
   * @param other the other deadline
   * @return this one if it ends no later than {@code other}, else {@code other}
   */
  public Deadline earlier(Deadline other) {
    return endNanos - other.endNanos <= 0 ? this : other;
  }

  /**
   * Time left; {@link Duration#ZERO} once passed.
   *
   * @return the time left, never negative
   */
  public Duration remaining() {
    long left = endNanos - System.nanoTime();
    return left <= 0 ? Duration.ZERO : Duration.ofNanos(left);
  }

  /**
   * Whether the deadline has passed.
   *
   * @return true once no time is left
   */
  public boolean expired() {
    return endNanos - System.nanoTime() <= 0;
  }

  /**
   * The budget this deadline was made with (for messages).
   *
   * @return the budget
   */
  public Duration budget() {
    return budget;
  }

  @Override
  public String toString() {
    return "Deadline[budget=" + budget.toMillis() + " ms, remaining=" + remaining().toMillis() + " ms]";
  }
}
