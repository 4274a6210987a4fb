package dev.providerapi.descriptor;

import dev.providerapi.errors.ErrorKind;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One declared mapping from a failure to an {@link ErrorKind}. Every non-null condition must hold; the first
 * rule that matches wins, and HTTP-status defaults apply when none does.
 */
public record ErrorRule(
    @Nullable Integer status,
    @Nullable String code,
    @Nullable String codePrefix,
    @Nullable String messageContains,
    ErrorKind kind,
    @Nullable Boolean retryable) {

  public ErrorRule {
    Objects.requireNonNull(kind, "kind");
  }

  public static ErrorRule code(String code, ErrorKind kind) {
    return new ErrorRule(null, code, null, null, kind, null);
  }

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
