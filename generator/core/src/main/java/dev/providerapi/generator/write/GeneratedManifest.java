package dev.providerapi.generator.write;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * The text of {@code generated.manifest}: sha256 of each input (provider.yaml, spec, fixtures, template
 * overrides) and of each generated file, sorted, no timestamps, so it changes exactly when the output does.
 */
public final class GeneratedManifest {
  public static final String FILE_NAME = "generated.manifest";

  private GeneratedManifest() {}

  /**
   * @param inputs input path (as the user names it, e.g. relative to the repository) -> content
   * @param generated generated path relative to the target folder -> content
   */
  public static byte[] render(Map<String, byte[]> inputs, Map<String, byte[]> generated) {
    StringBuilder sb = new StringBuilder();
    sb.append("# provider-api: sha256 of the inputs and of every generated file. Do not edit.\n");
    sb.append("# inputs\n");
    new TreeMap<>(inputs).forEach((path, bytes) -> sb.append(sha256(bytes)).append("  ").append(path).append('\n'));
    sb.append("# generated\n");
    new TreeMap<>(generated).forEach((path, bytes) -> sb.append(sha256(bytes)).append("  ").append(path).append('\n'));
    return sb.toString().getBytes(StandardCharsets.UTF_8);
  }

  public static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
