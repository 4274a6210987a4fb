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

  /** Differences between disk and {@code plan}, sorted by path; nothing is written. */
  public List<Drift> check(GenerationPlan plan) {
    List<Drift> drift = new ArrayList<>(generatedDrift(plan, existing(plan.targetDir())));
    for (String path : plan.onceOnly().keySet()) {
      if (!Files.exists(plan.targetDir().resolve(path))) {
        drift.add(new Drift(path, Drift.Kind.MISSING));
      }
    }
    Path manifest = plan.targetDir().resolve(GeneratedManifest.FILE_NAME);
    byte[] current = readOrNull(manifest);
    if (current == null) {
      drift.add(new Drift(GeneratedManifest.FILE_NAME, Drift.Kind.MISSING));
    } else if (!Arrays.equals(current, plan.manifest())) {
      drift.add(new Drift(GeneratedManifest.FILE_NAME, Drift.Kind.CHANGED));
    }
    drift.sort(Comparator.comparing(Drift::path));
    return drift;
  }

  /** Writes {@code plan}; on failure the generated roots are as they were before the call. */
  public WriteResult write(GenerationPlan plan) {
    Path target = plan.targetDir();
    SortedMap<String, byte[]> existing = existing(target);
    List<Drift> drift = generatedDrift(plan, existing);
    int written = (int) drift.stream().filter(d -> d.kind() != Drift.Kind.EXTRA).count();
    int deleted = drift.size() - written;
    if (!drift.isEmpty()) {
      try {
        replaceRoots(plan);
      } catch (IOException e) {
        throw new UncheckedIOException("could not write the generated sources under " + target
            + "; the previous generated sources were kept: " + e.getMessage(), e);
      }
    }
    List<String> created = new ArrayList<>();
    try {
      for (Map.Entry<String, byte[]> e : plan.onceOnly().entrySet()) {
        Path file = target.resolve(e.getKey());
        if (!Files.exists(file)) {
          ops.write(file, e.getValue());
          created.add(e.getKey());
        }
      }
      Path manifest = target.resolve(GeneratedManifest.FILE_NAME);
      if (!Arrays.equals(readOrNull(manifest), plan.manifest())) {
        Path tmp = target.resolve(GeneratedManifest.FILE_NAME + ".tmp");
        ops.write(tmp, plan.manifest());
        ops.move(tmp, manifest);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not write under " + target + ": " + e.getMessage(), e);
    }
    return new WriteResult(written, plan.generated().size() - written, deleted, created);
  }

  private void replaceRoots(GenerationPlan plan) throws IOException {
    Path target = plan.targetDir();
    Files.createDirectories(target);
    Path staging = Files.createTempDirectory(target, ".provider-api-staging-");
    // Undo steps for the swap, most recent first.
    Deque<Runnable> undo = new ArrayDeque<>();
    List<IOException> undoFailures = new ArrayList<>();
    try {
      for (Map.Entry<String, byte[]> e : plan.generated().entrySet()) {
        ops.write(staging.resolve("new").resolve(e.getKey()), e.getValue());
      }
      for (String root : ROOTS) {
        Path live = target.resolve(root);
        Path old = staging.resolve("old").resolve(root);
        Path fresh = staging.resolve("new").resolve(root);
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
        deleteTree(staging);
      }
      throw e;
    }
    deleteTree(staging);
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

  /** Every file now in the generated roots, by relative path with '/' separators. */
  private static SortedMap<String, byte[]> existing(Path target) {
    SortedMap<String, byte[]> files = new TreeMap<>();
    for (String root : ROOTS) {
      Path dir = target.resolve(root);
      if (!Files.isDirectory(dir)) {
        continue;
      }
      try (Stream<Path> walk = Files.walk(dir)) {
        for (Path p : walk.filter(Files::isRegularFile).toList()) {
          files.put(target.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
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
