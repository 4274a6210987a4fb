package dev.providerapi.vast;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Vast takes a container's environment as one string of docker flags ({@code "-e A=1 -e B=2"}), split on
 * whitespace with no documented quoting. So only values without whitespace or quotes can travel there; the
 * others are exported by the startup script instead (see {@link #split}).
 */
final class DockerEnv {
  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final Pattern FLAG_SAFE = Pattern.compile("[^\\s'\"\\\\]*");

  private DockerEnv() {}

  /** What goes into the {@code env} flags and what the startup script must export. */
  record Split(String flags, Map<String, String> viaScript) {}

  /**
   * @throws IllegalArgumentException for a variable name the shell and docker would not accept (the value is
   *     never named: it may be a secret)
   */
  static Split split(Map<String, String> env) {
    StringBuilder flags = new StringBuilder();
    Map<String, String> viaScript = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : new TreeMap<>(env).entrySet()) {
      if (!NAME.matcher(e.getKey()).matches()) {
        throw new IllegalArgumentException("invalid environment variable name '" + e.getKey()
            + "'; allowed: letters, digits and '_', not starting with a digit");
      }
      if (FLAG_SAFE.matcher(e.getValue()).matches()) {
        if (flags.length() > 0) {
          flags.append(' ');
        }
        flags.append("-e ").append(e.getKey()).append('=').append(e.getValue());
      } else {
        viaScript.put(e.getKey(), e.getValue());
      }
    }
    return new Split(flags.toString(), viaScript);
  }
}
