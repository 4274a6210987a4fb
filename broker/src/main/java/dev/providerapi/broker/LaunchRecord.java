package dev.providerapi.broker;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One launch attempt as the ledger holds it. {@code request} is the launch request as JSON without secrets
 * (environment values and the startup script are left out; their keys and length are kept).
 *
 * @param clientToken the launch's client token, shared by all its attempts
 * @param attempt the attempt's number, from 1
 * @param provider the name of the provider the attempt was sent to
 * @param offerId the offer tried; null when the request named none
 * @param request the launch request as JSON, without secrets
 * @param state where the attempt stands
 * @param instanceId the instance the attempt created; null while none is known
 * @param error why the attempt failed or is unknown, in words; null when it did not fail
 * @param createdAt when the attempt was recorded as PENDING
 * @param updatedAt when the row last changed
 */
public record LaunchRecord(
    String clientToken,
    int attempt,
    String provider,
    @Nullable String offerId,
    String request,
    LaunchState state,
    @Nullable String instanceId,
    @Nullable String error,
    Instant createdAt,
    Instant updatedAt) {

  /**
   * Checks that the required components are present.
   *
   * @param clientToken the launch's client token
   * @param attempt the attempt's number
   * @param provider the provider's name
   * @param offerId the offer tried, or null
   * @param request the launch request as JSON, without secrets
   * @param state where the attempt stands
   * @param instanceId the instance created, or null
   * @param error why the attempt failed, or null
   * @param createdAt when the attempt was recorded
   * @param updatedAt when the row last changed
   * @throws NullPointerException when a component that may not be null is
   */
  public LaunchRecord {
    Objects.requireNonNull(clientToken, "clientToken");
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
  }
}
