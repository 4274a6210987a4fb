package dev.providerapi.errors;

/** The typed error classes every provider's failures map onto (declared per provider in provider.yaml). */
public enum ErrorKind {
  /** Missing, wrong or insufficient credentials: {@link AuthenticationException}. */
  AUTHENTICATION,
  /** The resource does not exist: {@link NotFoundException}. */
  NOT_FOUND,
  /** No capacity right now: {@link CapacityUnavailableException}. */
  CAPACITY_UNAVAILABLE,
  /** An account limit was reached: {@link QuotaExceededException}. */
  QUOTA_EXCEEDED,
  /** The provider asked us to slow down: {@link RateLimitedException}. */
  RATE_LIMITED,
  /** The request was rejected as invalid: {@link InvalidRequestException}. */
  INVALID_REQUEST,
  /** The request conflicts with the resource's state: {@link ConflictException}. */
  CONFLICT,
  /** The provider failed or could not be reached: {@link ProviderUnavailableException}. */
  PROVIDER_UNAVAILABLE,
  /** The response could not be understood: {@link UnexpectedResponseException}. */
  UNEXPECTED_RESPONSE
}
