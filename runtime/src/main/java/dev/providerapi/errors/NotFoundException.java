package dev.providerapi.errors;

import org.jspecify.annotations.Nullable;

/** The resource does not exist (404, or the provider's own not-found code). */
public class NotFoundException extends ProviderException {
  private static final long serialVersionUID = 1L;

  /**
   * A missing resource.
   *
   * @param details what is known of the failed call
   * @param cause the underlying failure, or null
   */
  public NotFoundException(ErrorDetails details, @Nullable Throwable cause) {
    super(ErrorKind.NOT_FOUND, details, cause);
  }
}
