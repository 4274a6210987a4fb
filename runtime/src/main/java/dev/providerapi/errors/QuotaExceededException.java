package dev.providerapi.errors;

import org.jspecify.annotations.Nullable;

/** An account limit was reached. */
public class QuotaExceededException extends ProviderException {
  private static final long serialVersionUID = 1L;

  /**
   * A reached account limit.
   *
   * @param details what is known of the failed call
   * @param cause the underlying failure, or null
   */
  public QuotaExceededException(ErrorDetails details, @Nullable Throwable cause) {
    super(ErrorKind.QUOTA_EXCEEDED, details, cause);
  }
}
