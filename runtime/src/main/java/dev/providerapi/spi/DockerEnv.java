package dev.providerapi.spi;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * A container's environment for providers that take it as one string of docker flags ({@code "-e A=1 -e B=2"},
 * Vast's {@code env}), split on whitespace with no documented quoting. Only values without whitespace or quotes
 * can travel there; the others are exported by the startup script instead (see {@link #split} and
 * {@link StartupScripts#withEnv}).
 */
public final class DockerEnv {
  private static final Pattern FLAG_SAFE = Pattern.compile("[^\\s'\"\\\\]*");

  private DockerEnv() {}

  /**
   * What goes into the flags and what the startup script must export.
   *
   * @param flags {@code -e NAME=value} flags joined by spaces, empty when none
   * @param viaScript the variables whose values flags cannot carry
   */
  public record Split(String flags, Map<String, String> viaScript) {}

  /**
   * Splits an environment into flag-safe values and the rest.
   *
   * @throws IllegalArgumentException for a variable name the shell and docker would not accept (the value is
   *     never named: it may be a secret)
   * @param env the environment
   * @return the flags and the variables left for the script
   */
  public static Split split(Map<String, String> env) {
    StringBuilder flags = new StringBuilder();
    Map<String, String> viaScript = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : new TreeMap<>(env).entrySet()) {
      StartupScripts.requireEnvName(e.getKey());
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
