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

  private final ErrorKind kind;
  private final transient ErrorDetails details;

  protected ProviderException(ErrorKind kind, ErrorDetails details, @Nullable Throwable cause) {
    super(details.describe(), cause);
    this.kind = kind;
    this.details = details;
  }

  /** The exception subclass for {@code kind}. */
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

  public ErrorKind kind() {
    return kind;
  }

  public ErrorDetails details() {
    return details;
  }

  public String provider() {
    return details.provider();
  }

  public String operation() {
    return details.operation();
  }

  /** 0 when no response arrived. */
  public int httpStatus() {
    return details.httpStatus();
  }

  public Optional<String> providerCode() {
    return Optional.ofNullable(details.providerCode());
  }

  public Optional<String> providerMessage() {
    return Optional.ofNullable(details.providerMessage());
  }

  public Optional<String> requestId() {
    return Optional.ofNullable(details.requestId());
  }

  public boolean isRetryable() {
    return details.retryable();
  }

  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(details.retryAfter());
  }

  /** The failed response's body text, redacted of secrets (see {@link ErrorDetails#responseBody()}). */
  public Optional<String> responseBody() {
    return Optional.ofNullable(details.responseBody());
  }
}
