package dev.providerapi.spi;

import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Folds environment variables into a startup script for providers whose only hook is a shell script or
 * cloud-init user data (Lambda's {@code user_data}, Paperspace startup scripts). Values are single-quoted for
 * the shell, so nothing in them is expanded or executed.
 */
public final class StartupScripts {
  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private StartupScripts() {}

  /**
   * A script that exports {@code env} (also into {@code /etc/environment}, so SSH sessions see it) and then
   * runs {@code script}. Null when both are empty.
   *
   * @throws IllegalArgumentException for an invalid variable name, or env combined with a
   *     {@code #cloud-config} document (which is YAML, not a script: put the variables in it yourself)
   * @param script the caller's script, or null
   * @param env the variables to export
   * @return the combined script, or null
   */
  public static @Nullable String withEnv(@Nullable String script, Map<String, String> env) {
    if (env.isEmpty()) {
      return script;
    }
    if (script != null && script.stripLeading().startsWith("#cloud-config")) {
      throw new IllegalArgumentException("environment variables cannot be added to a #cloud-config document;"
          + " declare them in the cloud-config itself");
    }
    StringBuilder exports = new StringBuilder();
    for (Map.Entry<String, String> e : new TreeMap<>(env).entrySet()) {
      requireEnvName(e.getKey());
      String quoted = shellQuote(e.getValue());
      exports.append("export ").append(e.getKey()).append('=').append(quoted).append('\n');
      exports.append("echo ").append(shellQuote(e.getKey() + "=" + e.getValue()))
          .append(" >> /etc/environment\n");
    }
    if (script == null || script.isBlank()) {
      return "#!/bin/bash\n" + exports;
    }
    if (script.startsWith("#!")) {
      int eol = script.indexOf('\n');
      String shebang = eol < 0 ? script : script.substring(0, eol + 1);
      String rest = eol < 0 ? "" : script.substring(eol + 1);
      return (eol < 0 ? shebang + "\n" : shebang) + exports + rest;
    }
    return "#!/bin/bash\n" + exports + script;
  }

  static String shellQuote(String value) {
    return "'" + value.replace("'", "'\"'\"'") + "'";
  }

  /**
   * A {@code #cloud-config} document that writes the script (with {@code env} folded in by {@link #withEnv}) to
   * {@code path}, base64-encoded so no YAML quoting can break it, and runs it once at first boot; for providers
   * whose only hook is cloud-config. A script that already is a {@code #cloud-config} document is passed through
   * (with no env); null when there is nothing to run.
   *
   * @param script the caller's script, or null
   * @param env the variables to export
   * @param path where the script is written on the instance
   * @return the cloud-config document, or null
   */
  public static @Nullable String asCloudConfig(@Nullable String script, Map<String, String> env, String path) {
    String full = withEnv(script, env);
    if (full == null || full.isBlank()) {
      return null;
    }
    if (full.startsWith("#cloud-config")) {
      return full;
    }
    String b64 = java.util.Base64.getEncoder().encodeToString(full.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    return "#cloud-config\n"
        + "write_files:\n"
        + "  - path: " + path + "\n"
        + "    permissions: '0755'\n"
        + "    encoding: b64\n"
        + "    content: " + b64 + "\n"
        + "runcmd:\n"
        + "  - [" + path + "]\n";
  }

  /**
   * The script with {@code env} folded in (see {@link #withEnv}), as an executable file's content (a
   * {@code #!/bin/bash} line added when it has none), for providers that take cloud-init as structured keys and
   * run the script from a written file; null when there is nothing to run.
   *
   * @throws IllegalArgumentException for a {@code #cloud-config} document (such providers take keys, not a
   *     document) or an invalid variable name
   * @param script the caller's script, or null
   * @param env the variables to export
   * @return the file's content, or null
   */
  public static @Nullable String executable(@Nullable String script, Map<String, String> env) {
    if (script != null && script.stripLeading().startsWith("#cloud-config")) {
      throw new IllegalArgumentException("this provider takes cloud-init as structured keys, not a #cloud-config"
          + " document; pass a shell script as the startup script instead");
    }
    String full = withEnv(script, env);
    if (full == null || full.isBlank()) {
      return null;
    }
    return full.startsWith("#!") ? full : "#!/bin/bash\n" + full;
  }

  /**
   * Refuses a name a shell cannot export (and docker's {@code -e} would mangle).
   *
   * @param name an environment variable name
   * @throws IllegalArgumentException when it is not letters, digits and {@code _}, or starts with a digit
   */
  static void requireEnvName(String name) {
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("invalid environment variable name '" + name
          + "'; allowed: letters, digits and '_', not starting with a digit");
    }
  }
}
