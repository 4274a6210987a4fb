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

  private static final class Pending {
    final FaultKind kind;
    int remaining;

    Pending(FaultKind kind, int remaining) {
      this.kind = kind;
      this.remaining = remaining;
    }
  }

  /** A fault that was served, for assertions; {@code atNanos} is {@link System#nanoTime()} on arrival. */
  public record Served(Op op, FaultKind kind, String method, String path, long atNanos) {}

  /** Serve {@code kind} on the next request for {@code op}. */
  public FaultSchedule once(Op op, FaultKind kind) {
    return times(op, kind, 1);
  }

  /** Serve {@code kind} on the next {@code n} requests for {@code op}. */
  public synchronized FaultSchedule times(Op op, FaultKind kind, int n) {
    if (n < 1) {
      throw new IllegalArgumentException("a fault is served at least once, got " + n);
    }
    pending.computeIfAbsent(op, o -> new ArrayList<>()).add(new Pending(kind, n));
    return this;
  }

  /** How long {@link FaultKind#DELAY} waits before answering (default 2 s). */
  public FaultSchedule delay(Duration delay) {
    this.delay = delay;
    return this;
  }

  /** How long {@link FaultKind#STALL_MID_BODY} holds the half-sent body before closing (default 5 s). */
  public FaultSchedule stall(Duration stall) {
    this.stall = stall;
    return this;
  }

  public Duration delay() {
    return delay;
  }

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

  /** Faults not served yet, per operation. */
  public synchronized int remaining(Op op) {
    List<Pending> queue = pending.get(op);
    return queue == null ? 0 : queue.stream().mapToInt(p -> p.remaining).sum();
  }

  public synchronized List<Served> served() {
    return List.copyOf(served);
  }

  public synchronized void clear() {
    pending.clear();
    served.clear();
  }
}
