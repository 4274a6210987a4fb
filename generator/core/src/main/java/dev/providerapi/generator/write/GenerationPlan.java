package dev.providerapi.generator.write;

import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Everything one generation run produces for one target folder ({@code providers/<p>}), in memory.
 *
 * @param placement where the logical paths go on disk ({@link Placement#standard}: under one target folder)
 * @param generated files under the generated roots ({@code src/generated/...}, {@code src/generated-test/...}),
 *     replaced as a whole on every run
 * @param onceOnly files written only when absent (the hand-written adapter skeleton)
 * @param manifest the text of {@code generated.manifest}
 */
public record GenerationPlan(
    Placement placement, SortedMap<String, byte[]> generated, SortedMap<String, byte[]> onceOnly, byte[] manifest) {

  /**
   * Copies the maps, and checks that every generated file lies under a root and no once-only file does.
   *
   * @param placement where the logical paths go on disk ({@link Placement#standard}: under one target folder)
   * @param generated files under the generated roots ({@code src/generated/...}, {@code
   *     src/generated-test/...}), replaced as a whole on every run
   * @param onceOnly files written only when absent (the hand-written adapter skeleton)
   * @param manifest the text of {@code generated.manifest}
   * @throws IllegalArgumentException when a generated file lies under none of the roots, or a once-only file
   *     lies under one (or outside the target folder)
   */
  public GenerationPlan {
    generated = Collections.unmodifiableSortedMap(new TreeMap<>(generated));
    onceOnly = Collections.unmodifiableSortedMap(new TreeMap<>(onceOnly));
    for (String path : generated.keySet()) {
      if (GeneratedWriter.rootOf(path) == null || path.contains("..") || path.contains("\\")) {
        throw new IllegalArgumentException("generated file " + path + " is outside the generated roots "
            + GeneratedWriter.ROOTS);
      }
      if (placement.rootOf(path) == null) {
        throw new IllegalArgumentException("generated file " + path + " lies under none of the placement's roots "
            + placement.roots().stream().map(Placement.Root::prefix).toList());
      }
    }
    for (String path : onceOnly.keySet()) {
      if (GeneratedWriter.rootOf(path) != null || path.contains("..") || path.startsWith("/")) {
        throw new IllegalArgumentException("once-only file " + path + " must be outside the generated roots");
      }
    }
  }

  /**
   * A plan in the standard placement under {@code targetDir}.
   *
   * @param targetDir the target folder ({@code providers/<p>})
   * @param generated logical path -> content of the generated files
   * @param onceOnly path relative to the target folder -> content of the once-only files
   * @param manifest the text of {@code generated.manifest}
   * @return the plan
   * @throws IllegalArgumentException when a path lies in the wrong place
   */
  public static GenerationPlan of(Path targetDir, Map<String, byte[]> generated, Map<String, byte[]> onceOnly,
      byte[] manifest) {
    return of(Placement.standard(targetDir), generated, onceOnly, manifest);
  }

  /**
   * A plan in {@code placement}.
   *
   * @param placement where the logical paths go on disk
   * @param generated logical path -> content of the generated files
   * @param onceOnly path relative to the target folder -> content of the once-only files
   * @param manifest the text of {@code generated.manifest}
   * @return the plan
   * @throws IllegalArgumentException when a path lies in the wrong place
   */
  public static GenerationPlan of(Placement placement, Map<String, byte[]> generated, Map<String, byte[]> onceOnly,
      byte[] manifest) {
    return new GenerationPlan(placement, new TreeMap<>(generated), new TreeMap<>(onceOnly), manifest);
  }

  /**
   * The folder messages name and once-only files are resolved against.
   *
   * @return the placement's target folder
   */
  public Path targetDir() {
    return placement.targetDir();
  }
}
