package dev.providerapi.cli;

import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.jspecify.annotations.Nullable;

/**
 * Proves that a regenerated provider still builds: {@code mvn verify} of its module (with the modules it needs,
 * running only the provider's own tests), or an in-process compile of its generated and hand-written main sources
 * against this tool's class path (faster; no tests), for a repository Maven does not build.
 */
final class ProviderVerifier {
  enum Mode { AUTO, MVN, COMPILE, NONE }

  /** @param output what failed, trimmed to its last lines (null when it passed) */
  record Outcome(boolean passed, String how, @Nullable String output) {}

  private ProviderVerifier() {}

  static Mode resolve(Mode mode, Path root, String provider) {
    if (mode != Mode.AUTO) {
      return mode;
    }
    Path pom = root.resolve("pom.xml");
    try {
      return Files.isRegularFile(pom) && Files.readString(pom).contains("<module>providers/" + provider + "</module>")
          && Files.isRegularFile(root.resolve("providers").resolve(provider).resolve("pom.xml"))
          ? Mode.MVN : Mode.COMPILE;
    } catch (IOException e) {
      return Mode.COMPILE;
    }
  }

  static Outcome verify(Mode mode, Path root, String provider, String javaPackage) {
    return switch (mode) {
      case NONE -> new Outcome(true, "not verified (--verify none)", null);
      case COMPILE, AUTO -> compile(root.resolve("providers").resolve(provider));
      case MVN -> mvn(root, provider, javaPackage);
    };
  }

  static Outcome compile(Path module) {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    if (javac == null) {
      return new Outcome(false, "in-process compile", "no Java compiler in this runtime (a JRE?): run with a JDK");
    }
    List<File> sources = new ArrayList<>();
    for (String dir : List.of("src/generated/java", "src/main/java")) {
      Path d = module.resolve(dir);
      if (Files.isDirectory(d)) {
        try (Stream<Path> s = Files.walk(d)) {
          s.filter(p -> p.toString().endsWith(".java")).sorted().forEach(p -> sources.add(p.toFile()));
        } catch (IOException e) {
          throw new UncheckedIOException("cannot read " + d + ": " + e.getMessage(), e);
        }
      }
    }
    if (sources.isEmpty()) {
      return new Outcome(true, "in-process compile (no sources)", null);
    }
    Path out = null;
    try {
      out = Files.createTempDirectory("provider-api-verify");
      StringWriter log = new StringWriter();
      try (StandardJavaFileManager files = javac.getStandardFileManager(null, Locale.ROOT, StandardCharsets.UTF_8)) {
        Iterable<? extends JavaFileObject> units = files.getJavaFileObjectsFromFiles(sources);
        List<String> options = List.of("-proc:none", "-nowarn", "-encoding", "UTF-8", "-d", out.toString(),
            "-cp", System.getProperty("java.class.path"));
        boolean ok = javac.getTask(log, files, null, options, null, units).call();
        return new Outcome(ok, "in-process compile of " + sources.size() + " sources (tests not run)",
            ok ? null : tail(log.toString(), 40));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot compile " + module + ": " + e.getMessage(), e);
    } finally {
      if (out != null) {
        try (Stream<Path> s = Files.walk(out)) {
          s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
          // a temporary folder left behind
        }
      }
    }
  }

  static Outcome mvn(Path root, String provider, String javaPackage) {
    List<String> cmd = new ArrayList<>(List.of("mvn", "-B", "-q", "-ntp"));
    String extra = System.getenv("PROVIDER_API_MAVEN_ARGS");
    if (extra != null && !extra.isBlank()) {
      cmd.addAll(List.of(extra.trim().split("\\s+")));
    }
    // The modules it needs are built, but only the provider's own tests run.
    cmd.addAll(List.of("verify", "-pl", "providers/" + provider, "-am", "-Dsurefire.failIfNoSpecifiedTests=false",
        "-Dtest=" + javaPackage.replace('.', '/') + "/**/*"));
    String how = String.join(" ", cmd);
    try {
      Path log = Files.createTempFile("provider-api-verify", ".log");
      try {
        Process p = new ProcessBuilder(cmd).directory(root.toFile()).redirectErrorStream(true)
            .redirectOutput(log.toFile()).start();
        int rc = p.waitFor();
        return new Outcome(rc == 0, how, rc == 0 ? null : tail(Files.readString(log), 60));
      } finally {
        Files.deleteIfExists(log);
      }
    } catch (IOException e) {
      return new Outcome(false, how, "cannot run Maven: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Outcome(false, how, "interrupted");
    }
  }

  private static String tail(String text, int lines) {
    String[] all = text.strip().split("\n");
    int from = Math.max(0, all.length - lines);
    return String.join("\n", java.util.Arrays.copyOfRange(all, from, all.length));
  }
}
