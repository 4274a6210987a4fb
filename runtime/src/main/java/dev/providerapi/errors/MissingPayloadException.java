package dev.providerapi.errors;

import org.jspecify.annotations.Nullable;

/**
 * A success status whose body is empty where the operation declares a body. The call may well have been applied
 * (a create answered 200 with nothing), so this is an unreadable answer, never "not found" or an empty list.
 */
public class MissingPayloadException extends UnexpectedResponseException {
  private static final long serialVersionUID = 1L;

  /**
   * An empty body where one was declared.
   *
   * @param details what is known of the call
   * @param cause the underlying failure, or null
   */
  public MissingPayloadException(ErrorDetails details, @Nullable Throwable cause) {
    super(details, cause);
  }
}
