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
  public enum State { BOOTING, RUNNING, STOPPING, STOPPED, TERMINATED, PREEMPTED }

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

  public String id() {
    return id;
  }

  public @Nullable String token() {
    return token;
  }

  public String name() {
    return name;
  }

  public ObjectNode spec() {
    return spec;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public boolean spot() {
    return spot;
  }

  public @Nullable Instant terminatedAt() {
    return terminatedAt;
  }

  /** The state at {@code now}: a booting instance is running once its boot time has passed. */
  public synchronized State state(Instant now) {
    if (state == State.BOOTING && !now.isBefore(readyAt)) {
      state = State.RUNNING;
    }
    if (state == State.STOPPING) {
      state = State.STOPPED;
    }
    return state;
  }

  /** The state without moving it on (for assertions). */
  public State state() {
    return state;
  }

  /** Still billing or able to: not terminated and not preempted. */
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

  /** Seconds billed up to {@code now} (booting and running time; a stopped instance bills nothing here). */
  public long billedSeconds(Instant now) {
    Instant end = terminatedAt == null ? now : terminatedAt;
    return Math.max(0, Duration.between(createdAt, end).toSeconds());
  }

  @Override
  public String toString() {
    return "FakeInstance[" + id + ", token=" + token + ", " + state + "]";
  }
}
