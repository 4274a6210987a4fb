package dev.providerapi.broker;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Where every launch attempt is written: {@link #pending} before the create is sent, {@link #resolve} after it
 * returns. A broker that dies in between leaves a PENDING row that the {@link Reconciler} settles.
 *
 * <p>Implementations are thread-safe and may be shared by several brokers (PostgreSQL) or processes.
 */
public interface LaunchLedger extends AutoCloseable {

  /** Records an attempt about to be sent; fails when that (token, attempt) is already recorded. */
  void pending(LaunchRecord record);

  /** Records how the attempt ended. Fails when the attempt was never recorded. */
  void resolve(String clientToken, int attempt, LaunchState state, @Nullable String instanceId,
      @Nullable String error);

  /** The attempts of one client token, by attempt number. */
  List<LaunchRecord> find(String clientToken);

  /** Every attempt, oldest first. */
  List<LaunchRecord> all();

  /** The attempts in one of {@code states}, oldest first. */
  List<LaunchRecord> inState(LaunchState... states);

  @Override
  void close();
}
