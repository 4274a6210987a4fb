package dev.providerapi.broker;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One launch attempt as the ledger holds it. {@code request} is the launch request as JSON without secrets
 * (environment values and the startup script are left out; their keys and length are kept).
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

  public LaunchRecord {
    Objects.requireNonNull(clientToken, "clientToken");
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
  }
}
