package dev.providerapi.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The bytes of every file under some folders (build output folders named {@code target} left out), so that a
 * failed update can put the tree back exactly as it was: changed files rewritten, new files and folders deleted,
 * deleted ones recreated.
 */
final class TreeBackup {
  private final List<Path> roots;
  private final Map<Path, byte[]> files = new TreeMap<>();
  private final TreeSet<Path> dirs = new TreeSet<>();

  private TreeBackup(List<Path> roots) {
    this.roots = List.copyOf(roots);
  }

  static TreeBackup of(Path... roots) {
    TreeBackup b = new TreeBackup(Arrays.asList(roots));
    for (Path root : roots) {
      b.walk(root, (p, isDir) -> {
        if (isDir) {
          b.dirs.add(p);
        } else {
          b.files.put(p, read(p));
        }
      });
    }
    return b;
  }

  /** Puts every file back as it was when the backup was taken. */
  void restore() {
    List<Path> extraFiles = new ArrayList<>();
    List<Path> extraDirs = new ArrayList<>();
    for (Path root : roots) {
      walk(root, (p, isDir) -> {
        if (isDir && !dirs.contains(p)) {
          extraDirs.add(p);
        } else if (!isDir && !files.containsKey(p)) {
          extraFiles.add(p);
        }
      });
    }
    try {
      for (Path p : extraFiles) {
        Files.deleteIfExists(p);
      }
      extraDirs.sort(Comparator.reverseOrder()); // children first
      for (Path d : extraDirs) {
        deleteTree(d);
      }
      for (Path d : dirs) {
        Files.createDirectories(d);
      }
      for (Map.Entry<Path, byte[]> e : files.entrySet()) {
        if (!Files.isRegularFile(e.getKey()) || !Arrays.equals(Files.readAllBytes(e.getKey()), e.getValue())) {
          Files.write(e.getKey(), e.getValue());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot restore " + e.getMessage() + ": the update's backup could not be put "
          + "back; check `git status`", e);
    }
  }

  private interface Visitor {
    void visit(Path p, boolean isDir);
  }

  private void walk(Path root, Visitor v) {
    if (!Files.isDirectory(root)) {
      return;
    }
    try {
      Files.walkFileTree(root, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
          if (dir.getFileName().toString().equals("target") && !dir.equals(root)) {
            return FileVisitResult.SKIP_SUBTREE;
          }
          v.visit(dir, true);
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
          v.visit(file, false);
          return FileVisitResult.CONTINUE;
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + root + ": " + e.getMessage(), e);
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (var s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  private static byte[] read(Path p) {
    try {
      return Files.readAllBytes(p);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + p + ": " + e.getMessage(), e);
    }
  }
}
