package dev.providerapi.errors;

/** The typed error classes every provider's failures map onto (declared per provider in provider.yaml). */
public enum ErrorKind {
  AUTHENTICATION,
  NOT_FOUND,
  CAPACITY_UNAVAILABLE,
  QUOTA_EXCEEDED,
  RATE_LIMITED,
  INVALID_REQUEST,
  CONFLICT,
  PROVIDER_UNAVAILABLE,
  UNEXPECTED_RESPONSE
}
