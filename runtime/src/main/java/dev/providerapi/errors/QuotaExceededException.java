package dev.providerapi.errors;

import org.jspecify.annotations.Nullable;

/** An account limit was reached. */
public class QuotaExceededException extends ProviderException {
  private static final long serialVersionUID = 1L;

  public QuotaExceededException(ErrorDetails details, @Nullable Throwable cause) {
    super(ErrorKind.QUOTA_EXCEEDED, details, cause);
  }
}
