package dev.providerapi.errors;

import org.jspecify.annotations.Nullable;

/** No capacity for the requested GPU, type or region right now; another region or type may have some. */
public class CapacityUnavailableException extends ProviderException {
  private static final long serialVersionUID = 1L;

  /**
   * A capacity failure.
   *
   * @param details what is known of the failed call
   * @param cause the underlying failure, or null
   */
  public CapacityUnavailableException(ErrorDetails details, @Nullable Throwable cause) {
    super(ErrorKind.CAPACITY_UNAVAILABLE, details, cause);
  }
}
