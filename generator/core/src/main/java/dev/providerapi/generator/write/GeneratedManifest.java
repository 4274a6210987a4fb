package dev.providerapi.generator.write;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The text of {@code generated.manifest}: the generator version, and the sha256 of each input (provider.yaml,
 * spec and every file it {@code $ref}s, fixtures, template overrides) and of each generated file, sorted, no
 * timestamps, so it changes exactly when the output or what it was made from does. Build plugins read it back
 * ({@link #parse}) to skip a run whose inputs did not change.
 *
 * @param generatorVersion the generator that wrote it; null in manifests written before it was recorded
 * @param inputs input path (relative to the project root) -> sha256
 * @param generated generated path (relative to the target folder) -> sha256
 */
public record GeneratedManifest(
    @Nullable String generatorVersion, SortedMap<String, String> inputs, SortedMap<String, String> generated) {
  /** The manifest's file name in the target folder. */
  public static final String FILE_NAME = "generated.manifest";

  private static final String HEADER = "# provider-api: sha256 of the inputs and of every generated file. Do not edit.";
  private static final String GENERATOR = "# generator ";
  private static final String INPUTS = "# inputs";
  private static final String GENERATED = "# generated";

  /**
   * The manifest's text for these inputs and generated files.
   *
   * @param generatorVersion the generator's version
   * @param inputs input path (as the user names it, e.g. relative to the repository) -> content
   * @param generated generated path relative to the target folder -> content
   * @return the manifest as UTF-8 bytes, paths sorted
   */
  public static byte[] render(String generatorVersion, Map<String, byte[]> inputs, Map<String, byte[]> generated) {
    StringBuilder sb = new StringBuilder();
    sb.append(HEADER).append('\n');
    sb.append(GENERATOR).append(generatorVersion).append('\n');
    sb.append(INPUTS).append('\n');
    new TreeMap<>(inputs).forEach((path, bytes) -> sb.append(sha256(bytes)).append("  ").append(path).append('\n'));
    sb.append(GENERATED).append('\n');
    new TreeMap<>(generated).forEach((path, bytes) -> sb.append(sha256(bytes)).append("  ").append(path).append('\n'));
    return sb.toString().getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Reads what {@link #render} wrote; null when {@code bytes} is not such a manifest.
   *
   * @param bytes a file's content
   * @return the manifest, or null
   */
  public static @Nullable GeneratedManifest parse(byte[] bytes) {
    String version = null;
    SortedMap<String, String> inputs = new TreeMap<>();
    SortedMap<String, String> generated = new TreeMap<>();
    SortedMap<String, String> section = null;
    String[] lines = new String(bytes, StandardCharsets.UTF_8).split("\n", -1);
    if (!lines[0].equals(HEADER)) {
      return null;
    }
    for (String line : lines) {
      if (line.startsWith(GENERATOR)) {
        version = line.substring(GENERATOR.length());
      } else if (line.equals(INPUTS)) {
        section = inputs;
      } else if (line.equals(GENERATED)) {
        section = generated;
      } else if (!line.isEmpty() && !line.startsWith("#")) {
        int sep = line.indexOf("  ");
        if (section == null || sep != 64) {
          return null;
        }
        section.put(line.substring(sep + 2), line.substring(0, sep));
      }
    }
    return new GeneratedManifest(version, inputs, generated);
  }

  /**
   * The hex SHA-256 of {@code bytes}, as the manifest records it.
   *
   * @param bytes the content
   * @return 64 lower-case hex digits
   */
  public static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
