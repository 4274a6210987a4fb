package dev.providerapi.ops;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What a command reads from its surroundings: environment variables, the home folder and the two output
 * streams. {@link OpsMain#main} passes the process's own; tests pass their own, so nothing reads
 * {@link System#getenv()} behind their back.
 *
 * @param vars the environment variables; a blank value counts as unset
 * @param home the user's home folder, where the default config and ledger files are looked for
 * @param osName the {@code os.name} system property, which picks the ledger's default folder
 * @param out where a command writes its results
 * @param err where a command writes errors and warnings
 */
public record Env(Map<String, String> vars, Path home, String osName, PrintWriter out, PrintWriter err) {

  /**
   * Copies {@code vars}, so later changes to the caller's map are not seen.
   *
   * @param vars the environment variables; a blank value counts as unset
   * @param home the user's home folder
   * @param osName the {@code os.name} system property
   * @param out where a command writes its results
   * @param err where a command writes errors and warnings
   * @throws NullPointerException when {@code vars} is null or holds a null name or value
   */
  public Env {
    vars = Map.copyOf(vars);
  }

  @Nullable String get(String name) {
    String v = vars.get(name);
    return v == null || v.isBlank() ? null : v;
  }

  /** {@code $XDG_CONFIG_HOME/provider-api/config.yaml}, else {@code ~/.config/provider-api/config.yaml}. */
  Path defaultConfigFile() {
    String xdg = get("XDG_CONFIG_HOME");
    Path base = xdg != null ? Path.of(xdg) : home.resolve(".config");
    return base.resolve("provider-api").resolve("config.yaml");
  }

  /** The ledger's default file, where {@code JdbcLaunchLedger.defaultPath()} puts it, read from this env. */
  Path defaultLedgerFile() {
    String xdg = get("XDG_DATA_HOME");
    String os = osName.toLowerCase(java.util.Locale.ROOT);
    Path dir;
    if (xdg != null) {
      dir = Path.of(xdg, "provider-api");
    } else if (os.contains("mac")) {
      dir = home.resolve("Library").resolve("Application Support").resolve("provider-api");
    } else if (os.contains("win") && get("LOCALAPPDATA") != null) {
      dir = Path.of(get("LOCALAPPDATA"), "provider-api");
    } else {
      dir = home.resolve(".local").resolve("share").resolve("provider-api");
    }
    return dir.resolve("ledger.db");
  }
}
