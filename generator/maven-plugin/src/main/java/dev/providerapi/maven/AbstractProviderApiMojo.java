package dev.providerapi.maven;

import dev.providerapi.generator.Generator;
import dev.providerapi.generator.ProviderLayout;
import dev.providerapi.generator.SpecException;
import java.io.File;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * What both goals share: which providers, where their specs are, where their output goes. The folders
 * default to the repository layout relative to the project ({@code specs/<p>/} in, the project itself out).
 */
abstract class AbstractProviderApiMojo extends AbstractMojo {
  /** Replaced by the provider name in {@link #outputDirectory} and {@link #templatesDirectory}. */
  static final String PROVIDER_TOKEN = "{provider}";

  /** Folder with one sub-folder per provider, each holding a {@code provider.yaml}, its spec and fixtures. */
  @Parameter(property = "provider-api.specsDirectory", defaultValue = "${project.basedir}/specs", required = true)
  File specsDirectory;

  /** Providers to generate; default: every sub-folder of {@link #specsDirectory} with a provider.yaml. */
  @Parameter(property = "provider-api.providers")
  List<String> providers;

  /**
   * Receives {@code src/generated/java}, {@code src/generated-test/java}, the adapter skeleton (once) and
   * {@code generated.manifest}; must contain {@code {provider}} when several providers are generated.
   */
  @Parameter(property = "provider-api.outputDirectory", defaultValue = "${project.basedir}", required = true)
  File outputDirectory;

  /** Template overrides ({@code {provider}} allowed); default: {@code <specsDirectory>/<provider>/templates}. */
  @Parameter(property = "provider-api.templatesDirectory")
  File templatesDirectory;

  @Parameter(property = "provider-api.skip", defaultValue = "false")
  boolean skip;

  @Parameter(defaultValue = "${project}", readonly = true, required = true)
  MavenProject project;

  /** The providers to work on with their folders, in name order. */
  List<Target> targets() throws MojoFailureException {
    Path specs = specsDirectory.toPath().toAbsolutePath().normalize();
    List<String> names = providers == null || providers.isEmpty() ? Generator.providersIn(specs) : providers;
    if (names.isEmpty()) {
      throw new MojoFailureException("provider-api: no provider found: " + specs
          + " has no <provider>/provider.yaml (set <specsDirectory> or <providers>)");
    }
    if (names.size() > 1 && !outputDirectory.getPath().contains(PROVIDER_TOKEN)) {
      throw new MojoFailureException("provider-api: " + names.size() + " providers " + names + " would share the "
          + "output directory " + outputDirectory + "; put " + PROVIDER_TOKEN + " in <outputDirectory>, e.g. "
          + "${project.basedir}/providers/" + PROVIDER_TOKEN);
    }
    List<Target> out = new ArrayList<>();
    for (String name : names.stream().sorted().distinct().toList()) {
      Path target = resolve(outputDirectory, name);
      Path templates = templatesDirectory == null
          ? specs.resolve(name).resolve("templates") : resolve(templatesDirectory, name);
      out.add(new Target(name, ProviderLayout.of(specs, name, target, templates)));
    }
    return out;
  }

  private Path resolve(File dir, String provider) {
    Path p = Path.of(dir.getPath().replace(PROVIDER_TOKEN, provider));
    return (p.isAbsolute() ? p : project.getBasedir().toPath().resolve(p)).normalize();
  }

  /** Runs {@code action}, turning bad input into a build failure whose message names file and place. */
  static <T> T failOnBadInput(String provider, ThrowingSupplier<T> action) throws MojoFailureException,
      MojoExecutionException {
    try {
      return action.get();
    } catch (SpecException e) {
      throw new MojoFailureException("provider-api: " + provider + ": " + e.getMessage() + " (nothing was written)",
          e);
    } catch (UncheckedIOException e) {
      throw new MojoExecutionException("provider-api: " + provider + ": " + e.getMessage(), e);
    }
  }

  @FunctionalInterface
  interface ThrowingSupplier<T> {
    T get() throws MojoFailureException, MojoExecutionException;
  }

  record Target(String provider, ProviderLayout layout) {}
}
