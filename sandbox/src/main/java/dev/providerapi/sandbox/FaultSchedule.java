package dev.providerapi.sandbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Faults queued per operation of one fake: each is served {@code times} times, in the order scheduled, then the
 * fake answers normally again. Thread-safe: concurrent requests take faults one by one.
 */
public final class FaultSchedule {
  private final Map<Op, List<Pending>> pending = new EnumMap<>(Op.class);
  private final List<Served> served = new ArrayList<>();
  private volatile Duration delay = Duration.ofSeconds(2);
  private volatile Duration stall = Duration.ofSeconds(5);

  /** An empty schedule: every request is answered as the fake would. */
  public FaultSchedule() {}

  private static final class Pending {
    final FaultKind kind;
    int remaining;

    Pending(FaultKind kind, int remaining) {
      this.kind = kind;
      this.remaining = remaining;
    }
  }

  /**
   * A fault that was served, for assertions; {@code atNanos} is {@link System#nanoTime()} on arrival.
   *
   * @param op the operation the request was for
   * @param kind the fault served
   * @param method the request's HTTP method
   * @param path the request's path
   * @param atNanos {@link System#nanoTime()} when the request arrived
   */
  public record Served(Op op, FaultKind kind, String method, String path, long atNanos) {}

  /**
   * Serve {@code kind} on the next request for {@code op}.
   *
   * @param op the operation whose request gets the fault
   * @param kind the fault
   * @return this schedule
   */
  public FaultSchedule once(Op op, FaultKind kind) {
    return times(op, kind, 1);
  }

  /**
   * Serve {@code kind} on the next {@code n} requests for {@code op}, after the faults already queued for it.
   *
   * @param op the operation whose requests get the fault
   * @param kind the fault
   * @param n how many requests get it, at least 1
   * @return this schedule
   * @throws IllegalArgumentException when {@code n} is less than 1
   */
  public synchronized FaultSchedule times(Op op, FaultKind kind, int n) {
    if (n < 1) {
      throw new IllegalArgumentException("a fault is served at least once, got " + n);
    }
    pending.computeIfAbsent(op, o -> new ArrayList<>()).add(new Pending(kind, n));
    return this;
  }

  /**
   * How long {@link FaultKind#DELAY} waits before answering (default 2 s).
   *
   * @param delay the wait
   * @return this schedule
   */
  public FaultSchedule delay(Duration delay) {
    this.delay = delay;
    return this;
  }

  /**
   * How long {@link FaultKind#STALL_MID_BODY} holds the half-sent body before closing (default 5 s).
   *
   * @param stall the stall
   * @return this schedule
   */
  public FaultSchedule stall(Duration stall) {
    this.stall = stall;
    return this;
  }

  /**
   * How long {@link FaultKind#DELAY} waits before answering.
   *
   * @return the wait (default 2 s)
   */
  public Duration delay() {
    return delay;
  }

  /**
   * How long {@link FaultKind#STALL_MID_BODY} holds the half-sent body before closing.
   *
   * @return the stall (default 5 s)
   */
  public Duration stall() {
    return stall;
  }

  /** Takes the next fault for {@code op}, or null. */
  synchronized @Nullable FaultKind take(Op op, String method, String path) {
    List<Pending> queue = pending.get(op);
    if (queue == null) {
      return null;
    }
    Iterator<Pending> it = queue.iterator();
    if (!it.hasNext()) {
      return null;
    }
    Pending next = it.next();
    if (--next.remaining == 0) {
      it.remove();
    }
    served.add(new Served(op, next.kind, method, path, System.nanoTime()));
    return next.kind;
  }

  /**
   * Faults not served yet, per operation.
   *
   * @param op the operation
   * @return how many of its requests will still get a fault
   */
  public synchronized int remaining(Op op) {
    List<Pending> queue = pending.get(op);
    return queue == null ? 0 : queue.stream().mapToInt(p -> p.remaining).sum();
  }

  /**
   * Every fault served since the schedule was made or cleared, in the order served.
   *
   * @return a copy
   */
  public synchronized List<Served> served() {
    return List.copyOf(served);
  }

  /** Drops the faults not yet served and the record of those served. The delay and stall stay as set. */
  public synchronized void clear() {
    pending.clear();
    served.clear();
  }
}
