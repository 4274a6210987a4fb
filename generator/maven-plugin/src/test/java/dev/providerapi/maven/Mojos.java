package dev.providerapi.maven;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.apache.maven.project.MavenProject;

/** Mojos configured as Maven would, without Maven: fields set directly, log captured. */
final class Mojos {
  private Mojos() {}

  /** The repository this module lives in (tests run in generator/maven-plugin). */
  static final Path REPO = Path.of("../..").toAbsolutePath().normalize();

  static <T extends AbstractProviderApiMojo> T configure(T mojo, Path basedir, Path specs, String output) {
    MavenProject project = new MavenProject();
    project.setFile(basedir.resolve("pom.xml").toFile());
    mojo.project = project;
    mojo.specsDirectory = specs.toFile();
    mojo.outputDirectory = new File(output);
    mojo.setLog(new CapturingLog());
    return mojo;
  }

  static List<String> infos(AbstractProviderApiMojo mojo) {
    return ((CapturingLog) mojo.getLog()).infos;
  }

  static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path p : walk.toList()) {
        Path dest = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(dest);
        } else {
          Files.copy(p, dest);
        }
      }
    }
  }

  /** Every file under {@code dir} but build output ({@code target/}): relative path -> content. */
  static Map<String, String> tree(Path dir) {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.filter(Files::isRegularFile).filter(p -> !dir.relativize(p).startsWith("target")).toList()) {
        files.put(dir.relativize(p).toString().replace(File.separatorChar, '/'), Files.readString(p));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return files;
  }

  static final class CapturingLog extends SystemStreamLog {
    final List<String> infos = new ArrayList<>();

    @Override
    public void info(CharSequence content) {
      infos.add(content.toString());
    }
  }
}
