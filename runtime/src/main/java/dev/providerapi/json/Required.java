package dev.providerapi.json;

import org.jspecify.annotations.Nullable;

/**
 * Checks a required member in a generated builder's {@code build()}, so a request missing a member the spec
 * requires fails here, naming it, instead of as a 400/422 from the provider. Decoding a response does not go
 * through builders, so a provider that stops sending a member never breaks a client.
 */
public final class Required {
  private Required() {}

  /**
   * Fails if a required member is not set.
   *
   * @param value the member's value
   * @param type the type being built, for the message
   * @param member the member's name, for the message
   * @throws IllegalStateException if {@code value} is null
   */
  public static void check(@Nullable Object value, String type, String member) {
    if (value == null) {
      throw new IllegalStateException(type + ": required member '" + member + "' is not set");
    }
  }
}
