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
 *
 * @param provider the provider's name
 * @param operation the operation id of the failed call
 * @param httpStatus the response's HTTP status; 0 when no response arrived
 * @param providerCode the provider's own error code; null if it sent none
 * @param providerMessage the provider's error message, redacted; null if it sent none
 * @param requestId the provider's request id; null if it sent none
 * @param retryable whether repeating the call may succeed
 * @param retryAfter how long the provider asked us to wait; null if it did not say
 * @param responseBody the failed response's body text, redacted and capped; null if there was no body
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

  /**
   * Details without a response body (no response, or one whose body does not matter).
   *
   * @param provider the provider's name
   * @param operation the operation id of the failed call
   * @param httpStatus the response's HTTP status, or 0 when no response arrived
   * @param providerCode the provider's own error code, or null
   * @param providerMessage the provider's error message, redacted, or null
   * @param requestId the provider's request id, or null
   * @param retryable whether repeating the call may succeed
   * @param retryAfter how long the provider asked us to wait, or null
   */
  public ErrorDetails(String provider, String operation, int httpStatus, @Nullable String providerCode,
      @Nullable String providerMessage, @Nullable String requestId, boolean retryable,
      @Nullable Duration retryAfter) {
    this(provider, operation, httpStatus, providerCode, providerMessage, requestId, retryable, retryAfter, null);
  }

  /**
   * One line: {@code lambda launchInstance: HTTP 400 [code] message (request id r-1)}.
   *
   * @return the description; it names no credential
   */
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
