package dev.providerapi.generator.write;

import java.nio.file.Path;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Where the files of a {@link GenerationPlan} go on disk. A plan names its files by logical paths
 * ({@code src/generated/java/...}, {@code src/generated-test/java/...}); a placement maps each logical root to
 * a folder. The {@link #standard} placement is the repository layout (everything under one target folder, the
 * layout that is checked in); {@link #separate} puts the main and the test sources into two folders of their
 * own (a build's {@code target/generated-sources/provider-api} and {@code target/generated-test-sources/provider-api})
 * and writes no once-only file.
 *
 * @param targetDir the folder messages name, and the one once-only files are resolved against
 * @param roots logical prefix -> folder; every generated path lies under exactly one prefix
 * @param manifestFile where {@code generated.manifest} is written
 * @param writesOnceOnly whether the once-only files (the hand-written adapter skeleton) are written
 */
public record Placement(Path targetDir, List<Root> roots, Path manifestFile, boolean writesOnceOnly) {

  /**
   * One logical root and its folder.
   *
   * @param prefix a logical folder such as {@code src/generated}
   * @param dir where its contents go
   */
  public record Root(String prefix, Path dir) {
    /**
     * Makes the folder absolute and normalized.
     *
     * @param prefix a logical folder such as {@code src/generated}
     * @param dir where its contents go
     */
    public Root {
      dir = dir.toAbsolutePath().normalize();
    }
  }

  /**
   * Makes the folders absolute and normalized and copies the roots.
   *
   * @param targetDir the folder messages name, and the one once-only files are resolved against
   * @param roots logical prefix -> folder; every generated path lies under exactly one prefix
   * @param manifestFile where {@code generated.manifest} is written
   * @param writesOnceOnly whether the once-only files (the hand-written adapter skeleton) are written
   */
  public Placement {
    targetDir = targetDir.toAbsolutePath().normalize();
    roots = List.copyOf(roots);
    manifestFile = manifestFile.toAbsolutePath().normalize();
  }

  /**
   * {@code <target>/src/generated}, {@code <target>/src/generated-test}, {@code <target>/generated.manifest}.
   *
   * @param targetDir the target folder ({@code providers/<p>})
   * @return the repository layout's placement, once-only files written
   */
  public static Placement standard(Path targetDir) {
    Path t = targetDir.toAbsolutePath().normalize();
    return new Placement(t, GeneratedWriter.ROOTS.stream().map(r -> new Root(r, t.resolve(r))).toList(),
        t.resolve(GeneratedManifest.FILE_NAME), true);
  }

  /**
   * Main sources (logical {@code src/generated/java}) into {@code sources}, test sources
   * ({@code src/generated-test/java}) into {@code testSources}, the manifest at {@code manifestFile}; no
   * once-only files.
   *
   * @param sources the folder of the main sources
   * @param testSources the folder of the test sources
   * @param manifestFile where {@code generated.manifest} is written
   * @return the placement; its target folder is {@code sources}
   */
  public static Placement separate(Path sources, Path testSources, Path manifestFile) {
    return new Placement(sources, List.of(new Root("src/generated/java", sources),
        new Root("src/generated-test/java", testSources)), manifestFile, false);
  }

  /**
   * The root {@code logicalPath} lies under, or null.
   *
   * @param logicalPath a generated file's logical path
   * @return its root, or null when it lies under none
   */
  public @Nullable Root rootOf(String logicalPath) {
    for (Root r : roots) {
      if (logicalPath.startsWith(r.prefix() + "/")) {
        return r;
      }
    }
    return null;
  }

  /**
   * The file on disk for a generated file's logical path.
   *
   * @param logicalPath a generated file's logical path
   * @return the file in its root's folder
   * @throws IllegalArgumentException when the path lies under none of the roots
   */
  public Path resolve(String logicalPath) {
    Root r = rootOf(logicalPath);
    if (r == null) {
      throw new IllegalArgumentException("generated file " + logicalPath + " lies under none of "
          + roots.stream().map(Root::prefix).toList());
    }
    return r.dir().resolve(logicalPath.substring(r.prefix().length() + 1));
  }

  /**
   * The logical path of {@code file}, which lies in {@code root}'s folder.
   *
   * @param root the root whose folder holds the file
   * @param file the file on disk
   * @return the root's prefix, {@code /}, and the file's path in the folder with '/' separators
   */
  public static String logicalName(Root root, Path file) {
    return root.prefix() + "/" + root.dir().relativize(file.toAbsolutePath().normalize()).toString().replace('\\', '/');
  }
}
