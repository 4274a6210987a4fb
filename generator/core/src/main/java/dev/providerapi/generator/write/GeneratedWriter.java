package dev.providerapi.generator.write;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * Writes a {@link GenerationPlan}. The generated roots are replaced as a whole and atomically as far as a
 * file system allows: the new trees are staged in a sibling {@code .provider-api-staging-*} folder, then
 * swapped in by renames; if anything fails, the old trees are moved back and the staging folder deleted, so
 * a failed run leaves the tree as it was. Nothing outside the generated roots is touched, except once-only
 * files (written when absent) and {@code generated.manifest}.
 */
public final class GeneratedWriter {
  /** The folders, relative to the target folder, that belong to the generator. */
  public static final List<String> ROOTS = List.of("src/generated", "src/generated-test");

  /** File operations, replaceable in tests to simulate a failure mid-write. */
  interface FileOps {
    void write(Path file, byte[] bytes) throws IOException;

    void move(Path from, Path to) throws IOException;
  }

  private static final FileOps REAL = new FileOps() {
    @Override
    public void write(Path file, byte[] bytes) throws IOException {
      Files.createDirectories(file.getParent());
      Files.write(file, bytes);
    }

    @Override
    public void move(Path from, Path to) throws IOException {
      Files.createDirectories(to.getParent());
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
    }
  };

  private final FileOps ops;

  /** A writer on the real file system. */
  public GeneratedWriter() {
    this(REAL);
  }

  GeneratedWriter(FileOps ops) {
    this.ops = ops;
  }

  /** The generated root {@code path} lies in, or null. */
  static @Nullable String rootOf(String path) {
    return ROOTS.stream().filter(r -> path.startsWith(r + "/")).findFirst().orElse(null);
  }

  /**
   * Differences between disk and {@code plan}, sorted by path; nothing is written.
   *
   * @param plan what generation would write
   * @return the differences; empty when the disk matches
   */
  public List<Drift> check(GenerationPlan plan) {
    Placement placement = plan.placement();
    List<Drift> drift = new ArrayList<>(generatedDrift(plan, existing(placement)));
    if (placement.writesOnceOnly()) {
      for (String path : plan.onceOnly().keySet()) {
        if (!Files.exists(plan.targetDir().resolve(path))) {
          drift.add(new Drift(path, Drift.Kind.MISSING));
        }
      }
    }
    byte[] current = readOrNull(placement.manifestFile());
    if (current == null) {
      drift.add(new Drift(GeneratedManifest.FILE_NAME, Drift.Kind.MISSING));
    } else if (!Arrays.equals(current, plan.manifest())) {
      drift.add(new Drift(GeneratedManifest.FILE_NAME, Drift.Kind.CHANGED));
    }
    drift.sort(Comparator.comparing(Drift::path));
    return drift;
  }

  /**
   * Writes {@code plan}; on failure the generated roots are as they were before the call.
   *
   * @param plan what to write
   * @return how many files were written, left unchanged and deleted, and the once-only files created
   * @throws UncheckedIOException when a file cannot be written
   */
  public WriteResult write(GenerationPlan plan) {
    Path target = plan.targetDir();
    Placement placement = plan.placement();
    SortedMap<String, byte[]> existing = existing(placement);
    List<Drift> drift = generatedDrift(plan, existing);
    int written = (int) drift.stream().filter(d -> d.kind() != Drift.Kind.EXTRA).count();
    int deleted = drift.size() - written;
    if (!drift.isEmpty()) {
      try {
        replaceRoots(plan);
      } catch (IOException e) {
        throw new UncheckedIOException("could not write the generated sources under " + target + ": "
            + describe(e) + (existing.isEmpty() ? "; nothing was written"
            : "; the previous generated sources were kept"), e);
      }
    }
    List<String> created = new ArrayList<>();
    try {
      if (placement.writesOnceOnly()) {
        for (Map.Entry<String, byte[]> e : plan.onceOnly().entrySet()) {
          Path file = target.resolve(e.getKey());
          if (!Files.exists(file)) {
            ops.write(file, e.getValue());
            created.add(e.getKey());
          }
        }
      }
      Path manifest = placement.manifestFile();
      if (!Arrays.equals(readOrNull(manifest), plan.manifest())) {
        Path tmp = manifest.resolveSibling(manifest.getFileName() + ".tmp");
        ops.write(tmp, plan.manifest());
        ops.move(tmp, manifest);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not write under " + target + ": " + describe(e), e);
    }
    return new WriteResult(written, plan.generated().size() - written, deleted, created);
  }

  /** An I/O failure in words: "permission denied" rather than an exception class name. */
  static String describe(IOException e) {
    if (e instanceof java.nio.file.AccessDeniedException a) {
      return "permission denied: " + a.getFile();
    }
    if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) {
      return f.getReason() + ": " + f.getFile();
    }
    if (e instanceof java.nio.file.FileSystemException f) {
      return e.getClass().getSimpleName().replace("Exception", "").replaceAll("([a-z])([A-Z])", "$1 $2")
          .toLowerCase(java.util.Locale.ROOT) + ": " + f.getFile();
    }
    return String.valueOf(e.getMessage());
  }

  private void replaceRoots(GenerationPlan plan) throws IOException {
    Placement placement = plan.placement();
    // One staging folder beside each root, so that every swap is a rename within one file system.
    Map<Path, Path> stagingByParent = new java.util.LinkedHashMap<>();
    Deque<Runnable> undo = new ArrayDeque<>();
    List<IOException> undoFailures = new ArrayList<>();
    try {
      for (Placement.Root root : placement.roots()) {
        Path parent = root.dir().getParent();
        Files.createDirectories(parent);
        if (!stagingByParent.containsKey(parent)) {
          stagingByParent.put(parent, Files.createTempDirectory(parent, ".provider-api-staging-"));
        }
      }
      for (Map.Entry<String, byte[]> e : plan.generated().entrySet()) {
        Placement.Root root = placement.rootOf(e.getKey());
        Path staging = stagingByParent.get(root.dir().getParent());
        ops.write(staging.resolve("new").resolve(root.dir().getFileName().toString())
            .resolve(e.getKey().substring(root.prefix().length() + 1)), e.getValue());
      }
      for (Placement.Root root : placement.roots()) {
        Path staging = stagingByParent.get(root.dir().getParent());
        Path live = root.dir();
        Path old = staging.resolve("old").resolve(live.getFileName().toString());
        Path fresh = staging.resolve("new").resolve(live.getFileName().toString());
        if (Files.exists(live)) {
          ops.move(live, old);
          undo.push(() -> restore(old, live, undoFailures));
        }
        if (Files.exists(fresh)) {
          ops.move(fresh, live);
          undo.push(() -> restore(live, fresh, undoFailures));
        }
      }
    } catch (IOException | RuntimeException e) {
      while (!undo.isEmpty()) {
        undo.pop().run();
      }
      undoFailures.forEach(e::addSuppressed);
      if (undoFailures.isEmpty()) {
        for (Path staging : stagingByParent.values()) {
          deleteTree(staging);
        }
      }
      throw e;
    }
    for (Path staging : stagingByParent.values()) {
      deleteTree(staging);
    }
  }

  /** Moves {@code from} back to {@code to} with the real file system: a rollback must not fail on purpose. */
  private static void restore(Path from, Path to, List<IOException> failures) {
    try {
      REAL.move(from, to);
    } catch (IOException e) {
      failures.add(e);
    }
  }

  private static List<Drift> generatedDrift(GenerationPlan plan, SortedMap<String, byte[]> existing) {
    List<Drift> drift = new ArrayList<>();
    plan.generated().forEach((path, bytes) -> {
      byte[] current = existing.get(path);
      if (current == null) {
        drift.add(new Drift(path, Drift.Kind.MISSING));
      } else if (!Arrays.equals(current, bytes)) {
        drift.add(new Drift(path, Drift.Kind.CHANGED));
      }
    });
    for (String path : existing.keySet()) {
      if (!plan.generated().containsKey(path)) {
        drift.add(new Drift(path, Drift.Kind.EXTRA));
      }
    }
    drift.sort(Comparator.comparing(Drift::path));
    return drift;
  }

  /** Every file now in the generated roots, by logical path with '/' separators. */
  private static SortedMap<String, byte[]> existing(Placement placement) {
    SortedMap<String, byte[]> files = new TreeMap<>();
    for (Placement.Root root : placement.roots()) {
      Path dir = root.dir();
      if (!Files.isDirectory(dir)) {
        continue;
      }
      try (Stream<Path> walk = Files.walk(dir)) {
        for (Path p : walk.filter(Files::isRegularFile).toList()) {
          files.put(Placement.logicalName(root, p), Files.readAllBytes(p));
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + dir + ": " + e.getMessage(), e);
      }
    }
    return files;
  }

  private static byte @Nullable [] readOrNull(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      return null;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
