package dev.providerapi.lifecycle;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A launch's client token carried in the instance name, for providers without tags or labels: provider.yaml's
 * {@code clientToken: {in: name, format: ...}}. A format is either {@code {token}} (the name is the token) or
 * {@code P{name}S{token}Q}: literal text {@code P}, the caller's name, a non-empty separator {@code S}, the token,
 * literal text {@code Q} ({@code {name} [{token}]}, {@code {name}-{token}}).
 *
 * <p>A request without a name (null, blank or the token itself) is named the bare token, whatever the format.
 * Nothing is truncated: neither the names written nor the names read are length-limited here.
 */
public final class TokenNames {
  private static final String NAME = "{name}";
  private static final String TOKEN = "{token}";

  private final String format;
  private final String prefix;
  private final String separator;
  private final String suffix;
  private final boolean bare;

  private TokenNames(String format) {
    this.format = format;
    int token = format.indexOf(TOKEN);
    if (token < 0 || format.indexOf(TOKEN, token + 1) >= 0) {
      throw new IllegalArgumentException("'" + format + "' must hold {token} exactly once");
    }
    if (format.equals(TOKEN)) {
      bare = true;
      prefix = separator = suffix = "";
      return;
    }
    int name = format.indexOf(NAME);
    if (name < 0 || format.indexOf(NAME, name + 1) >= 0 || name > token) {
      throw new IllegalArgumentException("'" + format + "' must be {token} alone or hold {name} once, before"
          + " {token}");
    }
    bare = false;
    prefix = format.substring(0, name);
    separator = format.substring(name + NAME.length(), token);
    suffix = format.substring(token + TOKEN.length());
    if (separator.isEmpty()) {
      throw new IllegalArgumentException("'" + format + "' needs text between {name} and {token}, or the name"
          + " and the token cannot be told apart");
    }
  }

  /**
   * The names of this format.
   *
   * @param format {@code {token}}, or literal text, {@code {name}}, a non-empty separator, {@code {token}} and
   *     literal text ({@code {name} [{token}]})
   * @return the token names
   * @throws IllegalArgumentException when the format is not one of those shapes
   */
  public static TokenNames of(String format) {
    return new TokenNames(Objects.requireNonNull(format, "format"));
  }

  /**
   * The format given to {@link #of}.
   *
   * @return the format
   */
  public String format() {
    return format;
  }

  /**
   * The instance name a launch sends: the format filled in, or the bare token when the request has no name of
   * its own (null, blank or the token itself) or the format is {@code {token}}.
   *
   * @param requestName the caller's name, or null
   * @param token the launch's client token
   * @return the instance name
   */
  public String name(@Nullable String requestName, String token) {
    Objects.requireNonNull(token, "token");
    if (bare || requestName == null || requestName.isBlank() || requestName.equals(token)) {
      return token;
    }
    return prefix + requestName + separator + token + suffix;
  }

  /**
   * Whether an instance of this name carries {@code token}: the name is the token, or has the format's shape
   * with the token in its place (any caller's name, even one holding the separator).
   *
   * @param instanceName the instance's name, or null
   * @param token the client token looked for
   * @return whether the name carries the token
   */
  public boolean carries(@Nullable String instanceName, String token) {
    if (instanceName == null) {
      return false;
    }
    if (instanceName.equals(token)) {
      return true;
    }
    String end = separator + token + suffix;
    return !bare && instanceName.length() >= prefix.length() + end.length() && instanceName.startsWith(prefix)
        && instanceName.endsWith(end);
  }

  /**
   * The token a name carries, when the format lets it be read back: with {@code {token}} the name itself; when
   * the format closes the token with literal text ({@code {name} [{token}]}), the text between the last
   * separator and that closing text of a name of the format's shape (the token then holds neither), and any
   * other name is a bare token (what {@link #name} writes for an unnamed request); when the token ends the name
   * ({@code {name}-{token}}) a name cannot be split (tokens may hold the separator), so null.
   *
   * @param instanceName the instance's name, or null
   * @return the token, or null when there is none to read
   */
  public @Nullable String token(@Nullable String instanceName) {
    if (instanceName == null || instanceName.isEmpty()) {
      return null;
    }
    if (bare) {
      return instanceName;
    }
    if (suffix.isEmpty()) {
      return null;
    }
    if (instanceName.startsWith(prefix) && instanceName.endsWith(suffix)
        && instanceName.length() >= prefix.length() + separator.length() + suffix.length()) {
      String rest = instanceName.substring(prefix.length(), instanceName.length() - suffix.length());
      int at = rest.lastIndexOf(separator);
      if (at >= 0) {
        String token = rest.substring(at + separator.length());
        if (!token.isEmpty() && !token.contains(suffix)) {
          return token;
        }
      }
    }
    return instanceName;
  }
}
