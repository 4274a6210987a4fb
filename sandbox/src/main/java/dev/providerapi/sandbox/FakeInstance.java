package dev.providerapi.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One instance a fake stores. {@code token} is the value of the field the real API carries the caller's tag in
 * (Lambda tag or name, Vast label, Paperspace/RunPod/TensorDock name, CoreWeave label); {@code spec} is the
 * create request as the provider received it.
 */
public final class FakeInstance {
  /** Lifecycle the fakes share; each renders it in its own status vocabulary. */
  public enum State {
    /** Created or started, and its boot time has not yet passed. */
    BOOTING,
    /** Booted. */
    RUNNING,
    /** Asked to stop; the next {@link FakeInstance#state(Instant)} reads it as STOPPED. */
    STOPPING,
    /** Stopped; it can be started again. */
    STOPPED,
    /** Terminated by the caller. */
    TERMINATED,
    /** Taken back by the provider: a test called {@link FakeProvider#preempt(String)}. */
    PREEMPTED
  }

  private final String id;
  private final @Nullable String token;
  private final String name;
  private final ObjectNode spec;
  private final Instant createdAt;
  private final boolean spot;
  private volatile State state = State.BOOTING;
  private volatile Instant readyAt;
  private volatile @Nullable Instant terminatedAt;

  FakeInstance(String id, @Nullable String token, String name, ObjectNode spec, Instant createdAt,
      Duration bootTime, boolean spot) {
    this.id = id;
    this.token = token;
    this.name = name;
    this.spec = spec;
    this.createdAt = createdAt;
    this.readyAt = createdAt.plus(bootTime);
    this.spot = spot;
  }

  /**
   * The fake's id for the instance.
   *
   * @return the id the fake's API answers with
   */
  public String id() {
    return id;
  }

  /**
   * The caller's tag, from the field the real API carries it in.
   *
   * @return the tag; null when the create request had none
   */
  public @Nullable String token() {
    return token;
  }

  /**
   * The instance's name.
   *
   * @return the name the create request gave, or the one the fake made up
   */
  public String name() {
    return name;
  }

  /**
   * The create request as the provider received it.
   *
   * @return the request's JSON; not a copy, so do not change it
   */
  public ObjectNode spec() {
    return spec;
  }

  /**
   * When the fake created the instance, on the sandbox's clock.
   *
   * @return the creation instant
   */
  public Instant createdAt() {
    return createdAt;
  }

  /**
   * Whether the instance was created on the spot (interruptible) market.
   *
   * @return true for a spot instance
   */
  public boolean spot() {
    return spot;
  }

  /**
   * When the instance was terminated or preempted, on the sandbox's clock.
   *
   * @return that instant; null while the instance is neither
   */
  public @Nullable Instant terminatedAt() {
    return terminatedAt;
  }

  /**
   * The state at {@code now}: a booting instance is running once its boot time has passed.
   *
   * @param now the sandbox clock's current instant
   * @return the state, moved on (BOOTING to RUNNING, STOPPING to STOPPED) where {@code now} says so
   */
  public synchronized State state(Instant now) {
    if (state == State.BOOTING && !now.isBefore(readyAt)) {
      state = State.RUNNING;
    }
    if (state == State.STOPPING) {
      state = State.STOPPED;
    }
    return state;
  }

  /**
   * The state without moving it on (for assertions).
   *
   * @return the state as last moved on
   */
  public State state() {
    return state;
  }

  /**
   * Still billing or able to: not terminated and not preempted.
   *
   * @return false once the instance is TERMINATED or PREEMPTED
   */
  public boolean live() {
    return state != State.TERMINATED && state != State.PREEMPTED;
  }

  synchronized void stop() {
    state = State.STOPPING;
  }

  synchronized void start(Instant now, Duration bootTime) {
    state = State.BOOTING;
    readyAt = now.plus(bootTime);
  }

  synchronized void terminate(Instant now) {
    state = State.TERMINATED;
    terminatedAt = now;
  }

  synchronized void preempt(Instant now) {
    state = State.PREEMPTED;
    terminatedAt = now;
  }

  /**
   * Seconds billed up to {@code now}: from creation to termination (or to {@code now}), whole seconds.
   *
   * @param now the sandbox clock's current instant
   * @return the seconds billed, never negative
   */
  public long billedSeconds(Instant now) {
    Instant end = terminatedAt == null ? now : terminatedAt;
    return Math.max(0, Duration.between(createdAt, end).toSeconds());
  }

  @Override
  public String toString() {
    return "FakeInstance[" + id + ", token=" + token + ", " + state + "]";
  }
}
