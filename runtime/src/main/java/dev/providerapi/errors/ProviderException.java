package dev.providerapi.errors;

import java.time.Duration;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A failed provider call, typed by {@link ErrorKind}. Names the provider, operation, HTTP status and the
 * provider's own error code and message; never carries a credential.
 */
public class ProviderException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The error's class. */
  private final ErrorKind kind;
  private final transient ErrorDetails details;

  /**
   * A provider failure; subclasses fix {@code kind}.
   *
   * @param kind the error's class
   * @param details what is known of the failed call; its {@link ErrorDetails#describe()} is the message
   * @param cause the underlying failure, or null
   */
  protected ProviderException(ErrorKind kind, ErrorDetails details, @Nullable Throwable cause) {
    super(details.describe(), cause);
    this.kind = kind;
    this.details = details;
  }

  /**
   * The exception subclass for {@code kind}.
   *
   * @param kind the error's class
   * @param details what is known of the failed call
   * @param cause the underlying failure, or null
   * @return a new exception of the subclass that matches {@code kind}
   */
  public static ProviderException of(ErrorKind kind, ErrorDetails details, @Nullable Throwable cause) {
    return switch (kind) {
      case AUTHENTICATION -> new AuthenticationException(details, cause);
      case NOT_FOUND -> new NotFoundException(details, cause);
      case CAPACITY_UNAVAILABLE -> new CapacityUnavailableException(details, cause);
      case QUOTA_EXCEEDED -> new QuotaExceededException(details, cause);
      case RATE_LIMITED -> new RateLimitedException(details, cause);
      case INVALID_REQUEST -> new InvalidRequestException(details, cause);
      case CONFLICT -> new ConflictException(details, cause);
      case PROVIDER_UNAVAILABLE -> new ProviderUnavailableException(details, cause);
      case UNEXPECTED_RESPONSE -> new UnexpectedResponseException(details, cause);
    };
  }

  /**
   * The error's class.
   *
   * @return the kind, matching this exception's subclass
   */
  public ErrorKind kind() {
    return kind;
  }

  /**
   * Everything known about the failed call.
   *
   * @return the details
   */
  public ErrorDetails details() {
    return details;
  }

  /**
   * The provider's name.
   *
   * @return the name
   */
  public String provider() {
    return details.provider();
  }

  /**
   * The operation id of the failed call.
   *
   * @return the operation id
   */
  public String operation() {
    return details.operation();
  }

  /**
   * 0 when no response arrived.
   *
   * @return the HTTP status, or 0
   */
  public int httpStatus() {
    return details.httpStatus();
  }

  /**
   * The provider's own error code.
   *
   * @return the code, or empty if it sent none
   */
  public Optional<String> providerCode() {
    return Optional.ofNullable(details.providerCode());
  }

  /**
   * The provider's error message, redacted of secrets.
   *
   * @return the message, or empty if it sent none
   */
  public Optional<String> providerMessage() {
    return Optional.ofNullable(details.providerMessage());
  }

  /**
   * The provider's request id, for its support.
   *
   * @return the request id, or empty if it sent none
   */
  public Optional<String> requestId() {
    return Optional.ofNullable(details.requestId());
  }

  /**
   * Whether repeating the call may succeed.
   *
   * @return true if the failure is retryable
   */
  public boolean isRetryable() {
    return details.retryable();
  }

  /**
   * How long the provider asked us to wait before trying again.
   *
   * @return the wait, or empty if it did not say
   */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(details.retryAfter());
  }

  /**
   * The failed response's body text, redacted of secrets (see {@link ErrorDetails#responseBody()}).
   *
   * @return the body, or empty if no response arrived or it had no body
   */
  public Optional<String> responseBody() {
    return Optional.ofNullable(details.responseBody());
  }
}
