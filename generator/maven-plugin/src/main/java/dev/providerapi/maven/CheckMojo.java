package dev.providerapi.maven;

import dev.providerapi.generator.Generator;
import dev.providerapi.generator.write.Drift;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Fails the build when the generated sources on disk differ from what generation would write now (edited,
 * missing or stale files, or an out-of-date manifest), listing each drifted file. Writes nothing. It always
 * generates in memory rather than trusting the manifest, so it also catches a changed generator.
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class CheckMojo extends AbstractProviderApiMojo {

  /** Made by Maven, which injects the parameters. */
  public CheckMojo() {}

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("provider-api: skipped");
      return;
    }
    Generator generator = new Generator();
    List<String> drifted = new ArrayList<>();
    for (Target t : targets()) {
      Generator.Result r = failOnBadInput(t.label(), () -> generate(generator, t, Generator.Mode.CHECK));
      for (Drift d : r.drift()) {
        drifted.add(r.provider() + ": " + d + " (in " + r.targetDir() + ")");
      }
      if (r.drift().isEmpty()) {
        getLog().info("provider-api: " + r.provider() + " is up to date");
      }
    }
    if (!drifted.isEmpty()) {
      drifted.forEach(getLog()::error);
      throw new MojoFailureException("provider-api: " + drifted.size() + " generated file(s) differ from the specs:\n  "
          + String.join("\n  ", drifted) + "\nregenerate with: mvn provider-api:generate (or ./provider-api <provider>)");
    }
  }
}
