package dev.providerapi.generator.write;

import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Everything one generation run produces for one target folder ({@code providers/<p>}), in memory.
 *
 * @param targetDir the folder the relative paths are resolved against
 * @param generated files under the generated roots ({@code src/generated/...}, {@code src/generated-test/...}),
 *     replaced as a whole on every run
 * @param onceOnly files written only when absent (the hand-written adapter skeleton)
 * @param manifest the text of {@code generated.manifest}
 */
public record GenerationPlan(
    Path targetDir, SortedMap<String, byte[]> generated, SortedMap<String, byte[]> onceOnly, byte[] manifest) {

  public GenerationPlan {
    generated = Collections.unmodifiableSortedMap(new TreeMap<>(generated));
    onceOnly = Collections.unmodifiableSortedMap(new TreeMap<>(onceOnly));
    for (String path : generated.keySet()) {
      if (GeneratedWriter.rootOf(path) == null || path.contains("..") || path.contains("\\")) {
        throw new IllegalArgumentException("generated file " + path + " is outside the generated roots "
            + GeneratedWriter.ROOTS);
      }
    }
    for (String path : onceOnly.keySet()) {
      if (GeneratedWriter.rootOf(path) != null || path.contains("..") || path.startsWith("/")) {
        throw new IllegalArgumentException("once-only file " + path + " must be outside the generated roots");
      }
    }
  }

  public static GenerationPlan of(Path targetDir, Map<String, byte[]> generated, Map<String, byte[]> onceOnly,
      byte[] manifest) {
    return new GenerationPlan(targetDir, new TreeMap<>(generated), new TreeMap<>(onceOnly), manifest);
  }
}
