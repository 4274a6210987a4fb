package dev.providerapi.generator.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GeneratedWriterTest {
  @TempDir Path target;

  private static final String A = "src/generated/java/p/A.java";
  private static final String B = "src/generated/java/p/B.java";
  private static final String T = "src/generated-test/java/p/ATest.java";
  private static final String SKELETON = "src/main/java/p/Adapter.java";

  private static byte[] b(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private GenerationPlan plan(Map<String, String> generated) {
    Map<String, byte[]> files = new TreeMap<>();
    generated.forEach((k, v) -> files.put(k, b(v)));
    return GenerationPlan.of(target, files, Map.of(SKELETON, b("skeleton")),
        GeneratedManifest.render("1.2.3", Map.of("specs/p/provider.yaml", b("yaml")), files));
  }

  @Test
  void writesTheGeneratedRootsOnceOnlyFilesAndManifest() throws IOException {
    WriteResult r = new GeneratedWriter().write(plan(Map.of(A, "a", T, "t")));

    assertThat(r).isEqualTo(new WriteResult(2, 0, 0, java.util.List.of(SKELETON)));
    assertThat(snapshot()).containsOnly(Map.entry(A, "a"), Map.entry(T, "t"), Map.entry(SKELETON, "skeleton"),
        Map.entry("generated.manifest", """
            # provider-api: sha256 of the inputs and of every generated file. Do not edit.
            # generator 1.2.3
            # inputs
            %s  specs/p/provider.yaml
            # generated
            %s  src/generated-test/java/p/ATest.java
            %s  src/generated/java/p/A.java
            """.formatted(GeneratedManifest.sha256(b("yaml")), GeneratedManifest.sha256(b("t")),
            GeneratedManifest.sha256(b("a")))));
    assertThat(stagingDirs()).isZero();
  }

  @Test
  void replacesTheRootsAsAWholeAndCountsChanges() throws IOException {
    GeneratedWriter writer = new GeneratedWriter();
    writer.write(plan(Map.of(A, "a", B, "b", T, "t")));

    WriteResult r = writer.write(plan(Map.of(A, "a2", T, "t")));

    assertThat(r).isEqualTo(new WriteResult(1, 1, 1, java.util.List.of()));
    assertThat(snapshot()).containsEntry(A, "a2").containsEntry(T, "t").doesNotContainKey(B);
  }

  @Test
  void handWrittenFilesAreNeverTouched() throws IOException {
    write("src/main/java/p/Mine.java", "mine");
    write("src/test/java/p/MineTest.java", "my test");
    write("pom.xml", "<project/>");
    write(SKELETON, "edited adapter");
    write("src/generated-other/keep.txt", "not a generated root");

    new GeneratedWriter().write(plan(Map.of(A, "a")));

    assertThat(snapshot()).contains(Map.entry("src/main/java/p/Mine.java", "mine"),
        Map.entry("src/test/java/p/MineTest.java", "my test"), Map.entry("pom.xml", "<project/>"),
        Map.entry(SKELETON, "edited adapter"), Map.entry("src/generated-other/keep.txt", "not a generated root"));
  }

  @Test
  void skeletonIsWrittenOnlyWhenAbsent() throws IOException {
    GeneratedWriter writer = new GeneratedWriter();
    assertThat(writer.write(plan(Map.of(A, "a"))).created()).containsExactly(SKELETON);
    write(SKELETON, "now hand-written");

    assertThat(writer.write(plan(Map.of(A, "a"))).created()).isEmpty();
    assertThat(Files.readString(target.resolve(SKELETON))).isEqualTo("now hand-written");
  }

  @Test
  void failureDuringTheSwapLeavesTheTreeAsItWas() throws IOException {
    new GeneratedWriter().write(plan(Map.of(A, "a", T, "t")));
    Map<String, String> before = snapshot();
    // Moves: generated out, generated in, generated-test out, then fail moving the new generated-test in.
    GeneratedWriter failing = new GeneratedWriter(failingOn("move", 4));

    assertThatThrownBy(() -> failing.write(plan(Map.of(A, "changed", T, "changed"))))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining("the previous generated sources were kept");

    assertThat(snapshot()).isEqualTo(before);
    assertThat(stagingDirs()).isZero();
  }

  @Test
  void failureWhileStagingLeavesTheTreeAsItWas() throws IOException {
    new GeneratedWriter().write(plan(Map.of(A, "a", T, "t")));
    Map<String, String> before = snapshot();
    GeneratedWriter failing = new GeneratedWriter(failingOn("write", 2));

    assertThatThrownBy(() -> failing.write(plan(Map.of(A, "changed", B, "new", T, "changed"))))
        .isInstanceOf(UncheckedIOException.class);

    assertThat(snapshot()).isEqualTo(before);
    assertThat(stagingDirs()).isZero();
  }

  @Test
  void firstRunFailureLeavesNoGeneratedRoots() throws IOException {
    GeneratedWriter failing = new GeneratedWriter(failingOn("move", 2));
    assertThatThrownBy(() -> failing.write(plan(Map.of(A, "a", T, "t")))).isInstanceOf(UncheckedIOException.class)
        // there was nothing before, so nothing can have been kept
        .hasMessageContaining("; nothing was written").hasMessageNotContaining("kept");
    assertThat(snapshot()).isEmpty();
    assertThat(stagingDirs()).isZero();
  }

  @Test
  void anUnwritableTargetSaysPermissionDenied() throws IOException {
    Path locked = Files.createDirectories(target.resolve("locked"));
    org.junit.jupiter.api.Assumptions.assumeTrue(locked.toFile().setWritable(false) && !Files.isWritable(locked),
        "the file system enforces permissions (not as root)");
    try {
      Map<String, byte[]> files = Map.of(A, b("a"));
      GenerationPlan p = GenerationPlan.of(locked.resolve("out"), files, Map.of(),
          GeneratedManifest.render("1", Map.of(), files));

      assertThatThrownBy(() -> new GeneratedWriter().write(p)).isInstanceOf(UncheckedIOException.class)
          .hasMessage("could not write the generated sources under " + locked.resolve("out") + ": permission "
              + "denied: " + locked.resolve("out") + "; nothing was written");
    } finally {
      locked.toFile().setWritable(true);
    }
  }

  @Test
  void ioFailuresAreDescribedInWords() {
    assertThat(GeneratedWriter.describe(new java.nio.file.AccessDeniedException("/srv/out")))
        .isEqualTo("permission denied: /srv/out");
    assertThat(GeneratedWriter.describe(new java.nio.file.FileSystemException("/ro/out", null, "Read-only file system")))
        .isEqualTo("Read-only file system: /ro/out");
    assertThat(GeneratedWriter.describe(new java.nio.file.NotDirectoryException("/etc/passwd/out")))
        .isEqualTo("not directory: /etc/passwd/out");
  }

  @Test
  void separatePlacementPutsMainAndTestSourcesIntoTheirOwnFoldersAndNoSkeleton() throws IOException {
    Path sources = target.resolve("target/generated-sources/provider-api");
    Path tests = target.resolve("target/generated-test-sources/provider-api");
    Path manifest = target.resolve("target/provider-api/generated.manifest");
    Placement placement = Placement.separate(sources, tests, manifest);
    Map<String, byte[]> files = new TreeMap<>(Map.of(A, b("a"), T, b("t")));
    GenerationPlan p = GenerationPlan.of(placement, files, Map.of(SKELETON, b("skeleton")),
        GeneratedManifest.render("1", Map.of(), files));

    WriteResult r = new GeneratedWriter().write(p);

    assertThat(r).isEqualTo(new WriteResult(2, 0, 0, java.util.List.of()));
    assertThat(snapshot()).containsOnlyKeys("target/generated-sources/provider-api/p/A.java",
        "target/generated-test-sources/provider-api/p/ATest.java", "target/provider-api/generated.manifest");
    assertThat(new GeneratedWriter().check(p)).isEmpty();
    write("target/generated-sources/provider-api/p/Stale.java", "stale");
    assertThat(new GeneratedWriter().check(p)).extracting(Drift::toString)
        .containsExactly("extra: src/generated/java/p/Stale.java");
    assertThat(new GeneratedWriter().write(p).deleted()).isEqualTo(1);
    assertThat(snapshot()).doesNotContainKey("target/generated-sources/provider-api/p/Stale.java");
    assertThat(stagingDirs()).isZero();
    assertThatThrownBy(() -> GenerationPlan.of(placement, Map.of("src/generated/resources/x.txt", b("x")), Map.of(),
        b(""))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("none of the placement's roots");
  }

  @Test
  void checkListsDriftWithoutWriting() throws IOException {
    GeneratedWriter writer = new GeneratedWriter();
    writer.write(plan(Map.of(A, "a", B, "b", T, "t")));
    write(A, "hand edit");
    Files.delete(target.resolve(T));
    write("src/generated/java/p/Stale.java", "stale");
    Files.delete(target.resolve(SKELETON));
    Map<String, String> before = snapshot();

    assertThat(writer.check(plan(Map.of(A, "a", B, "b", T, "t")))).extracting(Drift::toString).containsExactly(
        "missing: src/generated-test/java/p/ATest.java",
        "changed: src/generated/java/p/A.java",
        "extra: src/generated/java/p/Stale.java",
        "missing: src/main/java/p/Adapter.java");
    assertThat(snapshot()).isEqualTo(before);
    assertThat(writer.check(plan(Map.of(A, "a", B, "b")))).extracting(Drift::toString)
        .contains("changed: generated.manifest");
  }

  @Test
  void checkOfAnUpToDateTreeIsEmpty() {
    GeneratedWriter writer = new GeneratedWriter();
    writer.write(plan(Map.of(A, "a", T, "t")));
    assertThat(writer.check(plan(Map.of(A, "a", T, "t")))).isEmpty();
  }

  @Test
  void twoRunsAreByteIdenticalAndTheSecondWritesNothing() throws IOException {
    GeneratedWriter writer = new GeneratedWriter();
    writer.write(plan(Map.of(A, "a", B, "b", T, "t")));
    Map<String, String> first = snapshot();
    long mtime = Files.getLastModifiedTime(target.resolve(A)).toMillis();

    WriteResult again = writer.write(plan(Map.of(T, "t", B, "b", A, "a")));

    assertThat(again).isEqualTo(new WriteResult(0, 3, 0, java.util.List.of()));
    assertThat(snapshot()).isEqualTo(first);
    // Nothing changed, so nothing was replaced: incremental builds stay incremental.
    assertThat(Files.getLastModifiedTime(target.resolve(A)).toMillis()).isEqualTo(mtime);
  }

  @Test
  void planRejectsPathsOutsideTheirPlace() {
    assertThatThrownBy(() -> GenerationPlan.of(target, Map.of("src/main/java/X.java", b("x")), Map.of(), b("")))
        .hasMessage("generated file src/main/java/X.java is outside the generated roots [src/generated, src/generated-test]");
    assertThatThrownBy(() -> GenerationPlan.of(target, Map.of("src/generated/../main/X.java", b("x")), Map.of(), b("")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> GenerationPlan.of(target, Map.of(), Map.of("src/generated/X.java", b("x")), b("")))
        .hasMessage("once-only file src/generated/X.java must be outside the generated roots");
  }

  /** Real file operations, except that the {@code n}th call of {@code which} fails. */
  private static GeneratedWriter.FileOps failingOn(String which, int n) {
    AtomicInteger writes = new AtomicInteger();
    AtomicInteger moves = new AtomicInteger();
    return new GeneratedWriter.FileOps() {
      @Override
      public void write(Path file, byte[] bytes) throws IOException {
        if (which.equals("write") && writes.incrementAndGet() == n) {
          throw new IOException("simulated disk full");
        }
        Files.createDirectories(file.getParent());
        Files.write(file, bytes);
      }

      @Override
      public void move(Path from, Path to) throws IOException {
        if (which.equals("move") && moves.incrementAndGet() == n) {
          throw new IOException("simulated rename failure");
        }
        Files.createDirectories(to.getParent());
        Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
      }
    };
  }

  private void write(String path, String content) throws IOException {
    Path p = target.resolve(path);
    Files.createDirectories(p.getParent());
    Files.writeString(p, content);
  }

  private Map<String, String> snapshot() throws IOException {
    Map<String, String> out = new TreeMap<>();
    try (Stream<Path> s = Files.walk(target)) {
      for (Path p : s.filter(Files::isRegularFile).toList()) {
        out.put(target.relativize(p).toString(), Files.readString(p));
      }
    }
    return out;
  }

  private long stagingDirs() throws IOException {
    try (Stream<Path> s = Files.walk(target)) {
      return s.filter(p -> p.getFileName().toString().startsWith(".provider-api-staging-")).count();
    }
  }
}
