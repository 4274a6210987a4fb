package dev.providerapi.descriptor;

import dev.providerapi.errors.ErrorKind;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One declared mapping from a failure to an {@link ErrorKind}. Every non-null condition must hold; the first
 * rule that matches wins, and HTTP-status defaults apply when none does.
 *
 * @param status the HTTP status to match; null for any
 * @param code the provider's error code to match exactly; null for any
 * @param codePrefix a prefix of the provider's error code; null for any
 * @param messageContains text the message must contain, ignoring case; null for any
 * @param kind the kind a match maps to
 * @param retryable whether a match is retryable (a 429 is unless this is false; other failures only for
 *     idempotent operations); null for the status's default
 */
public record ErrorRule(
    @Nullable Integer status,
    @Nullable String code,
    @Nullable String codePrefix,
    @Nullable String messageContains,
    ErrorKind kind,
    @Nullable Boolean retryable) {

  /**
   * Checks the kind.
   *
   * @param status the HTTP status to match; null for any
   * @param code the provider's error code to match exactly; null for any
   * @param codePrefix a prefix of the provider's error code; null for any
   * @param messageContains text the message must contain, ignoring case; null for any
   * @param kind the kind a match maps to
   * @param retryable whether a match is retryable (a 429 is unless this is false; other failures only for
   *     idempotent operations); null for the status's default
   * @throws NullPointerException if {@code kind} is null
   */
  public ErrorRule {
    Objects.requireNonNull(kind, "kind");
  }

  /**
   * A rule on the provider's error code alone.
   *
   * @param code the error code
   * @param kind the kind it maps to
   * @return the rule
   */
  public static ErrorRule code(String code, ErrorKind kind) {
    return new ErrorRule(null, code, null, null, kind, null);
  }

  /**
   * Whether every non-null condition of this rule holds for a failure.
   *
   * @param httpStatus the response's HTTP status
   * @param providerCode the provider's error code, or null
   * @param message the error message, or null
   * @return true if the rule matches
   */
  public boolean matches(int httpStatus, @Nullable String providerCode, @Nullable String message) {
    if (status != null && status != httpStatus) {
      return false;
    }
    if (code != null && !code.equals(providerCode)) {
      return false;
    }
    if (codePrefix != null && (providerCode == null || !providerCode.startsWith(codePrefix))) {
      return false;
    }
    return messageContains == null
        || (message != null && message.toLowerCase(java.util.Locale.ROOT)
            .contains(messageContains.toLowerCase(java.util.Locale.ROOT)));
  }
}
