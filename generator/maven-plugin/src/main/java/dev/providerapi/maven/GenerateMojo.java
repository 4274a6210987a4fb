package dev.providerapi.maven;

import dev.providerapi.generator.Generator;
import dev.providerapi.generator.write.Placement;
import dev.providerapi.generator.write.WriteResult;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Generates each provider's client, adapter base and client test, and adds the generated folders to the
 * build as compile and test-compile source roots. Incremental: when {@code generated.manifest} shows that no
 * input (provider.yaml, spec and every file it {@code $ref}s, fixtures, template overrides), no generated file
 * and not the generator version changed, nothing is read or written beyond the hashes, and the goal says so.
 */
@Mojo(name = "generate", defaultPhase = LifecyclePhase.GENERATE_SOURCES, threadSafe = true)
public class GenerateMojo extends AbstractProviderApiMojo {
  static final String MAIN_JAVA = "src/generated/java";
  static final String TEST_JAVA = "src/generated-test/java";

  /** Made by Maven, which injects the parameters. */
  public GenerateMojo() {}

  /** Generate even when the manifest says the output is current. */
  @Parameter(property = "provider-api.force", defaultValue = "false")
  boolean force;

  /**
   * Add the generated client test (a MockWebServer test per operation) to the test sources. It needs
   * {@code dev.providerapi:provider-api-testing} in test scope, which brings JUnit 5, AssertJ and mockwebserver3.
   */
  @Parameter(property = "provider-api.addTestSources", defaultValue = "true")
  boolean addTestSources = true;

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("provider-api: skipped");
      return;
    }
    Generator generator = null;
    for (Target t : targets()) {
      long start = System.nanoTime();
      String stale = force ? "forced" : failOnBadInput(t.label(), () -> staleReason(t));
      if (stale == null) {
        getLog().info("provider-api: " + t.label() + " is up to date, nothing to do (inputs unchanged; checked in "
            + micros(start) + ")");
      } else {
        // Created only when needed: the no-op path must not pay for loading the spec readers.
        Generator g = generator != null ? generator : (generator = new Generator());
        Generator.Result r = failOnBadInput(t.label(), () -> generate(g, t, Generator.Mode.WRITE));
        WriteResult w = r.written();
        getLog().info("provider-api: " + r.provider() + " -> " + r.targetDir() + ": " + w.written()
            + " files written, " + w.unchanged() + " unchanged"
            + (w.deleted() > 0 ? ", " + w.deleted() + " stale deleted" : "")
            + (w.created().isEmpty() ? "" : ", created " + String.join(", ", w.created()))
            + " (" + stale + "; " + micros(start) + ")");
      }
      addSourceRoots(t.placement());
    }
  }

  private void addSourceRoots(Placement placement) {
    project.addCompileSourceRoot(sourceRoot(placement, MAIN_JAVA));
    if (addTestSources) {
      project.addTestCompileSourceRoot(sourceRoot(placement, TEST_JAVA));
    }
  }

  /** The folder on disk that holds the logical {@code root} (e.g. {@code src/generated/java}). */
  static String sourceRoot(Placement placement, String root) {
    return placement.resolve(root + "/-").getParent().toString();
  }

  private static String micros(long start) {
    long us = (System.nanoTime() - start) / 1_000;
    return us < 10_000 ? String.format(java.util.Locale.ROOT, "%.1f ms", us / 1000.0) : us / 1000 + " ms";
  }
}
