package dev.providerapi.errors;

import org.jspecify.annotations.Nullable;

/** The response could not be understood (unexpected status or an undecodable body). */
public class UnexpectedResponseException extends ProviderException {
  private static final long serialVersionUID = 1L;

  /**
   * An unreadable response.
   *
   * @param details what is known of the failed call
   * @param cause the underlying failure (for instance the decoding error), or null
   */
  public UnexpectedResponseException(ErrorDetails details, @Nullable Throwable cause) {
    super(ErrorKind.UNEXPECTED_RESPONSE, details, cause);
  }
}
