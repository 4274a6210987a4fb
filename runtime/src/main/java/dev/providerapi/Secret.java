package dev.providerapi;

import java.util.Objects;

/**
 * A credential. {@link #toString()} never shows it; only {@link #reveal()} does, and only the auth step of
 * the HTTP chain calls that.
 */
public final class Secret {
  private final String value;

  private Secret(String value) {
    this.value = Objects.requireNonNull(value, "value");
  }

  /**
   * Wraps a credential.
   *
   * @param value the credential
   * @return the secret
   * @throws NullPointerException if {@code value} is null
   */
  public static Secret of(String value) {
    return new Secret(value);
  }

  /**
   * The credential itself; only the HTTP chain's auth step calls this.
   *
   * @return the value
   */
  public String reveal() {
    return value;
  }

  /**
   * Whether the credential is empty or only whitespace.
   *
   * @return true if blank
   */
  public boolean isBlank() {
    return value.isBlank();
  }

  @Override
  public String toString() {
    return "Secret[***]";
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Secret s && s.value.equals(value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }
}
