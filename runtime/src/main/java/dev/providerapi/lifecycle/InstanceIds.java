package dev.providerapi.lifecycle;

import java.util.OptionalLong;
import org.jspecify.annotations.Nullable;

/**
 * Instance ids as callers give them, checked before anything is sent: a null or blank id is the caller's
 * mistake ({@link IllegalArgumentException}), never a request for "the instance with no id".
 */
public final class InstanceIds {
  private InstanceIds() {}

  /**
   * The id, stripped.
   *
   * @param provider the provider's name, for the message
   * @param operation the operation, for the message
   * @param instanceId the id the caller gave
   * @return the id without surrounding whitespace
   * @throws IllegalArgumentException if the id is null or blank
   */
  public static String require(String provider, String operation, @Nullable String instanceId) {
    if (instanceId == null || instanceId.isBlank()) {
      throw new IllegalArgumentException(provider + " " + operation + ": the instance id is "
          + (instanceId == null ? "null" : "blank") + "; pass the id launch() or list() returned");
    }
    return instanceId.strip();
  }

  /**
   * The id as the number a provider with numeric ids (Vast) uses, or empty when it is no number: no instance
   * of that provider can have such an id.
   *
   * @param provider the provider's name, for the message
   * @param operation the operation, for the message
   * @param instanceId the id the caller gave
   * @return the id as a number, or empty when it is not one
   * @throws IllegalArgumentException if the id is null or blank
   */
  public static OptionalLong asLong(String provider, String operation, @Nullable String instanceId) {
    String id = require(provider, operation, instanceId);
    try {
      return OptionalLong.of(Long.parseLong(id));
    } catch (NumberFormatException e) {
      return OptionalLong.empty();
    }
  }

  /**
   * Like {@link #asLong} for a call that must name an existing instance (stop, start): a non-number is refused.
   *
   * @param provider the provider's name, for the message
   * @param operation the operation, for the message
   * @param instanceId the id the caller gave
   * @return the id as a number
   * @throws IllegalArgumentException if the id is null, blank or not a number
   */
  public static long requireLong(String provider, String operation, @Nullable String instanceId) {
    OptionalLong id = asLong(provider, operation, instanceId);
    if (id.isEmpty()) {
      throw new IllegalArgumentException(provider + " " + operation + ": instance ids are numbers, got '"
          + instanceId + "'");
    }
    return id.getAsLong();
  }
}
