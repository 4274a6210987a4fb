package dev.providerapi.maven;

import dev.providerapi.generator.write.GeneratedManifest;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.jspecify.annotations.Nullable;

/**
 * For projects that generate with the annotation processor ({@code @GenerateProvider}): makes a changed spec
 * visible to the compiler. The compiler plugin recompiles only when a Java source changed, so after an edit of
 * the spec alone {@code mvn compile} would say "Nothing to compile" and keep the old client. The processor
 * records the sha256 of every input it read ({@code target/generated-sources/annotations/provider-api/<p>.inputs});
 * this goal (phase {@code process-sources}) compares them with the files now, and when one changed, was deleted
 * or cannot be read, it removes the annotated package's {@code package-info.class}, which makes the compiler
 * see a stale source, recompile, and so run the processor again. It writes nothing else and reads no spec.
 */
@Mojo(name = "processor-sync", defaultPhase = LifecyclePhase.PROCESS_SOURCES, threadSafe = true)
public class ProcessorSyncMojo extends AbstractMojo {
  static final String PACKAGE = "# package ";
  static final String ROOT = "# root ";
  static final String WATCH = "# watch ";

  /** Made by Maven, which injects the parameters. */
  public ProcessorSyncMojo() {}

  /** Where javac writes generated sources (the compiler plugin's {@code generatedSourcesDirectory}). */
  @Parameter(property = "provider-api.annotationsDirectory",
      defaultValue = "${project.build.directory}/generated-sources/annotations", required = true)
  File annotationsDirectory;

  /** The compiler's output folder. */
  @Parameter(defaultValue = "${project.build.outputDirectory}", required = true)
  File classesDirectory;

  @Parameter(property = "provider-api.skip", defaultValue = "false")
  boolean skip;

  @Override
  public void execute() throws MojoExecutionException {
    if (skip) {
      getLog().info("provider-api: skipped");
      return;
    }
    Path records = annotationsDirectory.toPath().resolve("provider-api");
    if (!Files.isDirectory(records)) {
      getLog().debug("provider-api: no processor inputs recorded in " + records);
      return;
    }
    for (Path record : list(records)) {
      String provider = record.getFileName().toString().replaceFirst("\\.inputs$", "");
      String text = read(record);
      String changed = changedInput(text);
      if (changed == null) {
        getLog().info("provider-api: " + provider + " (annotation processor) is up to date");
        continue;
      }
      String pkg = header(text, PACKAGE);
      Path packageInfo = classesDirectory.toPath().resolve(pkg == null || pkg.isEmpty() ? ""
          : pkg.replace('.', '/')).resolve("package-info.class");
      try {
        Files.deleteIfExists(packageInfo);
        Files.delete(record);
      } catch (IOException e) {
        throw new MojoExecutionException("provider-api: cannot remove " + packageInfo + " to make the compiler "
            + "regenerate " + provider + ": " + e.getMessage(), e);
      }
      getLog().info("provider-api: " + provider + ": " + changed + " since the annotation processor generated it; "
          + "the compiler will run it again");
    }
  }

  /** The first recorded input that is not as recorded, in words; null when all are. */
  static @Nullable String changedInput(String record) {
    String root = header(record, ROOT);
    int start = record.indexOf("# provider-api:");
    GeneratedManifest m = start < 0 || root == null ? null
        : GeneratedManifest.parse(record.substring(start).getBytes(StandardCharsets.UTF_8));
    if (m == null) {
      return "its inputs record is not in the expected format";
    }
    for (Map.Entry<String, String> e : m.inputs().entrySet()) {
      Path file = Path.of(root).resolve(e.getKey());
      try {
        if (!GeneratedManifest.sha256(Files.readAllBytes(file)).equals(e.getValue())) {
          return e.getKey() + " changed";
        }
      } catch (NoSuchFileException gone) {
        return e.getKey() + " was deleted";
      } catch (IOException unreadable) {
        return e.getKey() + " cannot be read (" + unreadable.getMessage() + ")";
      }
    }
    // A file added to a watched folder (fixtures, templates, GraphQL operations) was read by no earlier run.
    for (String watched : headers(record, WATCH)) {
      Path dir = Path.of(root).resolve(watched);
      if (!Files.isDirectory(dir)) {
        continue;
      }
      try (Stream<Path> files = Files.list(dir)) {
        for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
          String name = watched + "/" + f.getFileName();
          if (!m.inputs().containsKey(name)) {
            return name + " was added";
          }
        }
      } catch (IOException unreadable) {
        return watched + " cannot be listed (" + unreadable.getMessage() + ")";
      }
    }
    return null;
  }

  /** Every header line's value that starts with {@code prefix}, before the manifest. */
  private static List<String> headers(String text, String prefix) {
    List<String> out = new ArrayList<>();
    for (String line : text.split("\n")) {
      if (line.startsWith("# provider-api:")) {
        break;
      }
      if (line.startsWith(prefix)) {
        out.add(line.substring(prefix.length()));
      }
    }
    return out;
  }

  private static @Nullable String header(String text, String prefix) {
    for (String line : text.split("\n", 3)) {
      if (line.startsWith(prefix)) {
        return line.substring(prefix.length());
      }
    }
    return null;
  }

  private static List<Path> list(Path dir) throws MojoExecutionException {
    try (Stream<Path> s = Files.list(dir)) {
      return new ArrayList<>(s.filter(p -> p.getFileName().toString().endsWith(".inputs")).sorted().toList());
    } catch (IOException e) {
      throw new MojoExecutionException("provider-api: cannot list " + dir + ": " + e.getMessage(), e);
    }
  }

  private static String read(Path file) throws MojoExecutionException {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new MojoExecutionException("provider-api: cannot read " + file + ": " + e.getMessage(), e);
    }
  }
}
