package dev.providerapi.maven;

import dev.providerapi.generator.Generator;
import dev.providerapi.generator.write.GeneratedWriter;
import dev.providerapi.generator.write.WriteResult;
import java.nio.file.Path;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Generates each provider's client, adapter base and client test, and adds the generated folders to the
 * build. Incremental: when {@code generated.manifest} shows that no input (provider.yaml, spec and every file
 * it {@code $ref}s, fixtures, template overrides), no generated file and not the generator version changed,
 * nothing is read or written beyond the hashes, and the goal says so.
 */
@Mojo(name = "generate", defaultPhase = LifecyclePhase.GENERATE_SOURCES, threadSafe = true)
public class GenerateMojo extends AbstractProviderApiMojo {

  /** Generate even when the manifest says the output is current. */
  @Parameter(property = "provider-api.force", defaultValue = "false")
  boolean force;

  /** Add {@code src/generated-test/java} to the test sources (the generated MockWebServer client test). */
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
      String stale = force ? "forced" : failOnBadInput(t.provider(), () -> Generator.staleReason(t.layout()));
      if (stale == null) {
        getLog().info("provider-api: " + t.provider() + " is up to date, nothing to do (inputs unchanged; checked in "
            + micros(start) + ")");
      } else {
        // Created only when needed: the no-op path must not pay for loading the spec readers.
        Generator g = generator != null ? generator : (generator = new Generator());
        Generator.Result r = failOnBadInput(t.provider(),
            () -> g.generateProvider(t.layout(), t.provider(), Generator.Mode.WRITE));
        WriteResult w = r.written();
        getLog().info("provider-api: " + t.provider() + " -> " + r.targetDir() + ": " + w.written()
            + " files written, " + w.unchanged() + " unchanged"
            + (w.deleted() > 0 ? ", " + w.deleted() + " stale deleted" : "")
            + (w.created().isEmpty() ? "" : ", created " + String.join(", ", w.created()))
            + " (" + stale + "; " + micros(start) + ")");
      }
      addSourceRoots(t.layout().targetDir());
    }
  }

  private void addSourceRoots(Path target) {
    project.addCompileSourceRoot(target.resolve(GeneratedWriter.ROOTS.get(0)).resolve("java").toString());
    if (addTestSources) {
      project.addTestCompileSourceRoot(target.resolve(GeneratedWriter.ROOTS.get(1)).resolve("java").toString());
    }
  }

  private static String micros(long start) {
    long us = (System.nanoTime() - start) / 1_000;
    return us < 10_000 ? String.format(java.util.Locale.ROOT, "%.1f ms", us / 1000.0) : us / 1000 + " ms";
  }
}
