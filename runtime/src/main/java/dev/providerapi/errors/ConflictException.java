package dev.providerapi.errors;

import org.jspecify.annotations.Nullable;

/** The request conflicts with the resource's state, or a resource of that name exists (409). */
public class ConflictException extends ProviderException {
  private static final long serialVersionUID = 1L;

  /**
   * A conflict.
   *
   * @param details what is known of the failed call
   * @param cause the underlying failure, or null
   */
  public ConflictException(ErrorDetails details, @Nullable Throwable cause) {
    super(ErrorKind.CONFLICT, details, cause);
  }
}
