package dev.providerapi.ops;

import dev.providerapi.sandbox.Sandbox;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.UUID;

/**
 * A sandbox the test owns (so its state outlives one command) and a config file that points the CLI's real
 * provider configuration at it: keys in {@code providers.<name>.apiKey}, fakes in {@code baseUrl}. Each file gets
 * fresh keys, so no two tests share the runtime's per-key limiter or breaker.
 */
final class TestSandbox {
  private TestSandbox() {}

  static Path config(Sandbox s, Path dir, List<String> providers) throws IOException {
    StringBuilder yaml = new StringBuilder("# test config\nproviders:\n");
    for (String p : providers) {
      String key = s.fake(p).apiKey() + "-" + UUID.randomUUID();
      s.fake(p).acceptKey(key);
      yaml.append("  ").append(p).append(":\n")
          .append("    apiKey: ").append(key).append('\n')
          .append("    baseUrl: ").append(s.baseUrl(p)).append('\n');
      if (p.equals("coreweave")) {
        yaml.append("    namespace: ").append(s.environment(p).get("COREWEAVE_NAMESPACE")).append('\n');
      }
    }
    Path file = dir.resolve("config-" + UUID.randomUUID() + ".yaml");
    Files.writeString(file, yaml);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    return file;
  }

  static String key(Path config, String provider) throws IOException {
    List<String> lines = Files.readAllLines(config);
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).equals("  " + provider + ":")) {
        return lines.get(i + 1).substring("    apiKey: ".length());
      }
    }
    throw new IllegalArgumentException(provider + " is not in " + config);
  }
}
