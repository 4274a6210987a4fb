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

  /**
   * Records an attempt about to be sent; fails when that (token, attempt) is already recorded.
   *
   * @param record the attempt, in state PENDING
   * @throws LedgerException when it cannot be written or is already recorded
   */
  void pending(LaunchRecord record);

  /**
   * Records how the attempt ended. Fails when the attempt was never recorded.
   *
   * @param clientToken the launch's client token
   * @param attempt the attempt's number
   * @param state the attempt's new state
   * @param instanceId the instance the attempt created; null when none is known
   * @param error why the attempt failed or is unknown, in words; null when it did not fail
   * @throws LedgerException when it cannot be written or the attempt was never recorded
   */
  void resolve(String clientToken, int attempt, LaunchState state, @Nullable String instanceId,
      @Nullable String error);

  /**
   * The attempts of one client token, by attempt number.
   *
   * @param clientToken the launch's client token
   * @return its attempts; empty when the token was never used
   */
  List<LaunchRecord> find(String clientToken);

  /**
   * Every attempt, oldest first.
   *
   * @return all recorded attempts
   */
  List<LaunchRecord> all();

  /**
   * The attempts in one of {@code states}, oldest first.
   *
   * @param states the states to select
   * @return the attempts now in any of them
   */
  List<LaunchRecord> inState(LaunchState... states);

  /** Releases what the ledger holds; unlike {@link AutoCloseable#close()}, throws no checked exception. */
  @Override
  void close();
}
