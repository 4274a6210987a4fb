package dev.providerapi.errors;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * Everything known about a failed call. {@code httpStatus} is 0 when no response arrived. Messages are the
 * provider's own, already redacted of any secret.
 *
 * <p>{@code responseBody} is the failed response's body text (redacted, capped), for adapters that must act on
 * more than code and message, e.g. a create call that fails yet reports the id of what it created (which
 * must then be deleted so nothing is left billing). Null when no response arrived or it had no body.
 */
public record ErrorDetails(
    String provider,
    String operation,
    int httpStatus,
    @Nullable String providerCode,
    @Nullable String providerMessage,
    @Nullable String requestId,
    boolean retryable,
    @Nullable Duration retryAfter,
    @Nullable String responseBody) {

  /** Details without a response body (no response, or one whose body does not matter). */
  public ErrorDetails(String provider, String operation, int httpStatus, @Nullable String providerCode,
      @Nullable String providerMessage, @Nullable String requestId, boolean retryable,
      @Nullable Duration retryAfter) {
    this(provider, operation, httpStatus, providerCode, providerMessage, requestId, retryable, retryAfter, null);
  }

  /** One line: {@code lambda launchInstance: HTTP 400 [code] message (request id r-1)}. */
  public String describe() {
    StringBuilder sb = new StringBuilder().append(provider).append(' ').append(operation).append(": ");
    sb.append(httpStatus == 0 ? "no response" : "HTTP " + httpStatus);
    if (providerCode != null) {
      sb.append(" [").append(providerCode).append(']');
    }
    if (providerMessage != null && !providerMessage.isBlank()) {
      sb.append(' ').append(providerMessage);
    }
    if (requestId != null) {
      sb.append(" (request id ").append(requestId).append(')');
    }
    if (retryAfter != null) {
      sb.append(" (retry after ").append(retryAfter.toMillis()).append(" ms)");
    }
    return sb.toString();
  }
}
