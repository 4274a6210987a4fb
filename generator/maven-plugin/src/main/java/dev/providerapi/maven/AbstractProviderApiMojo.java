package dev.providerapi.maven;

import dev.providerapi.generator.Generator;
import dev.providerapi.generator.ProviderLayout;
import dev.providerapi.generator.SpecException;
import dev.providerapi.generator.manifest.ManifestReader;
import dev.providerapi.generator.manifest.ProviderManifest;
import dev.providerapi.generator.write.Placement;
import java.io.File;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.jspecify.annotations.Nullable;

/**
 * What both goals share: which providers, where their specs are, where their output goes.
 *
 * <p>Two ways to name the input:
 * <ul>
 *   <li><b>One spec</b> ({@code <spec>} with {@code <packageName>}, optionally {@code <providerYaml>}): a
 *       client from an OpenAPI document, a GraphQL schema or a Kubernetes CRD anywhere in the project. Without a
 *       provider.yaml the name comes from the spec's title (or CRD kind; {@code <name>} overrides it), the base
 *       URL from {@code servers[0]} and auth from the security schemes. The output goes to
 *       {@code target/generated-sources/provider-api} and {@code target/generated-test-sources/provider-api}
 *       ({@code <checkedIn>true</checkedIn>}: {@code src/generated/java} and {@code src/generated-test/java}
 *       under {@code <outputDirectory>}, to be committed).</li>
 *   <li><b>A specs folder</b> ({@code <specsDirectory>}, default {@code specs/}): one sub-folder per provider
 *       with its {@code provider.yaml}, the layout of the provider-api repository; always the checked-in
 *       layout under {@code <outputDirectory>}.</li>
 * </ul>
 */
abstract class AbstractProviderApiMojo extends AbstractMojo {
  /** Replaced by the provider name in {@link #outputDirectory} and {@link #templatesDirectory}. */
  static final String PROVIDER_TOKEN = "{provider}";

  /**
   * One spec file (OpenAPI JSON/YAML, GraphQL SDL or a Kubernetes CRD) to generate a client from; needs
   * {@link #packageName}. Set this (or {@link #providerYaml}) for a project that is not laid out like the
   * provider-api repository.
   */
  @Parameter(property = "provider-api.spec")
  @Nullable File spec;

  /** Java package of the generated code (with {@link #spec}); e.g. {@code com.example.acme}. */
  @Parameter(property = "provider-api.packageName")
  @Nullable String packageName;

  /** Provider name with {@link #spec} and no provider.yaml; default: from the spec's title or CRD kind. */
  @Parameter(property = "provider-api.name")
  @Nullable String name;

  /**
   * A {@code provider.yaml} binding the spec to the common Provider interface (auth, rate limits, error rules,
   * operation bindings...); its {@code spec:} names the spec. Fixtures and template overrides are read from
   * {@code fixtures/} and {@code templates/} beside it.
   */
  @Parameter(property = "provider-api.providerYaml")
  @Nullable File providerYaml;

  /**
   * With {@link #spec} or {@link #providerYaml}: write the checked-in layout ({@code src/generated/java},
   * {@code src/generated-test/java}, {@code generated.manifest} and, once, the adapter skeleton in
   * {@code src/main/java}, all under {@link #outputDirectory}) instead of {@code target/}.
   */
  @Parameter(property = "provider-api.checkedIn", defaultValue = "false")
  boolean checkedIn;

  /** Where the generated main sources go (not with {@link #checkedIn}); added as a compile source root. */
  @Parameter(property = "provider-api.generatedSourcesDirectory",
      defaultValue = "${project.build.directory}/generated-sources/provider-api", required = true)
  File generatedSourcesDirectory;

  /** Where the generated client test goes (not with {@link #checkedIn}); added as a test source root. */
  @Parameter(property = "provider-api.generatedTestSourcesDirectory",
      defaultValue = "${project.build.directory}/generated-test-sources/provider-api", required = true)
  File generatedTestSourcesDirectory;

  @Parameter(defaultValue = "${project.build.directory}", readonly = true, required = true)
  File buildDirectory;

  /** Folder with one sub-folder per provider, each holding a {@code provider.yaml}, its spec and fixtures. */
  @Parameter(property = "provider-api.specsDirectory", defaultValue = "${project.basedir}/specs", required = true)
  File specsDirectory;

  /** Providers to generate; default: every sub-folder of {@link #specsDirectory} with a provider.yaml. */
  @Parameter(property = "provider-api.providers")
  List<String> providers;

  /**
   * The checked-in layout's folder: receives {@code src/generated/java}, {@code src/generated-test/java}, the
   * adapter skeleton (once) and {@code generated.manifest}; must contain {@code {provider}} when several
   * providers are generated.
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

  /**
   * Swagger-parser logs every parse problem at ERROR with a stack trace, through Maven's logger, before our one
   * message says the same with the file and place: off unless Maven runs with -X. The level is read when
   * swagger-parser's loggers are created, which is after this (its classes load with the first spec read).
   */
  void quietSpecParsers() {
    String key = "org.slf4j.simpleLogger.log.io.swagger";
    if (System.getProperty(key) == null || !getLog().isDebugEnabled()) {
      System.setProperty(key, getLog().isDebugEnabled() ? "debug" : "off");
    }
  }

  /** The providers to work on with their folders, in name order. */
  List<Target> targets() throws MojoFailureException, MojoExecutionException {
    quietSpecParsers();
    if (spec != null || providerYaml != null) {
      return List.of(single());
    }
    Path specs = specsDirectory.toPath().toAbsolutePath().normalize();
    List<String> names = providers == null || providers.isEmpty() ? Generator.providersIn(specs) : providers;
    if (names.isEmpty()) {
      throw new MojoFailureException("provider-api: no provider found: " + specs
          + " has no <provider>/provider.yaml; for a spec elsewhere set <spec> and <packageName> (and optionally "
          + "<providerYaml>), or set <specsDirectory> or <providers>");
    }
    if (names.size() > 1 && !outputDirectory.getPath().contains(PROVIDER_TOKEN)) {
      throw new MojoFailureException("provider-api: " + names.size() + " providers " + names + " would share the "
          + "output directory " + outputDirectory + "; put " + PROVIDER_TOKEN + " in <outputDirectory>, e.g. "
          + "${project.basedir}/providers/" + PROVIDER_TOKEN);
    }
    List<Target> out = new ArrayList<>();
    for (String provider : names.stream().sorted().distinct().toList()) {
      Path target = resolve(outputDirectory, provider);
      Path templates = templatesDirectory == null
          ? specs.resolve(provider).resolve("templates") : resolve(templatesDirectory, provider);
      ProviderLayout layout = ProviderLayout.of(specs, provider, target, templates);
      out.add(new Target(provider, layout, null, null, layout.placement()));
    }
    return out;
  }

  /** The one provider named by {@code <spec>} and/or {@code <providerYaml>}. */
  private Target single() throws MojoFailureException, MojoExecutionException {
    Path basedir = project.getBasedir().toPath().toAbsolutePath().normalize();
    Path specFile = spec == null ? null : absolute(spec);
    if (providerYaml == null) {
      if (packageName == null || packageName.isBlank()) {
        throw new MojoFailureException("provider-api: <spec> " + specFile + " needs <packageName>, the Java package "
            + "of the generated code (e.g. <packageName>com.example.acme</packageName>)");
      }
      Generator.SpecOptions probe = new Generator.SpecOptions(name, packageName, Generator.Mode.WRITE);
      // The name (from the title) is known only once the spec is read; the plugin reads it when it generates.
      Placement placement = placement(null);
      return new Target(name, null, specFile, probe, placement);
    }
    Path yaml = absolute(providerYaml);
    if (!yaml.getFileName().toString().equals("provider.yaml")) {
      throw new MojoFailureException("provider-api: <providerYaml> " + yaml + " must be named provider.yaml (its "
          + "folder also holds fixtures/ and templates/)");
    }
    if (!Files.isRegularFile(yaml)) {
      throw new MojoFailureException("provider-api: <providerYaml> " + yaml + " not found");
    }
    ProviderManifest manifest = failOnBadInput("provider.yaml", () -> new ManifestReader().read(yaml));
    if (specFile != null && !specFile.equals(manifest.spec().file().toAbsolutePath().normalize())) {
      throw new MojoFailureException("provider-api: <spec> " + specFile + " is not the spec " + yaml + " names ("
          + manifest.spec().file() + "); leave <spec> out or make them agree");
    }
    if (packageName != null && !packageName.isBlank() && !packageName.equals(manifest.javaPackage())) {
      throw new MojoFailureException("provider-api: <packageName> " + packageName + " differs from javaPackage "
          + manifest.javaPackage() + " in " + yaml + "; leave <packageName> out or make them agree");
    }
    Path specDir = yaml.getParent();
    Path templates = templatesDirectory == null ? specDir.resolve("templates") : resolve(templatesDirectory,
        manifest.name());
    ProviderLayout layout = new ProviderLayout(basedir, specDir, resolve(outputDirectory, manifest.name()), templates);
    if (!checkedIn) {
      layout = layout.withOutput(placement(manifest.name()));
    }
    return new Target(manifest.name(), layout, null, null, layout.placement());
  }

  private Placement placement(@Nullable String provider) {
    if (checkedIn) {
      return Placement.standard(resolve(outputDirectory, provider == null ? "" : provider));
    }
    return Placement.separate(absolute(generatedSourcesDirectory), absolute(generatedTestSourcesDirectory),
        absolute(buildDirectory).resolve("provider-api").resolve("generated.manifest"));
  }

  private Path absolute(File f) {
    Path p = f.toPath();
    return (p.isAbsolute() ? p : project.getBasedir().toPath().resolve(p)).toAbsolutePath().normalize();
  }

  private Path resolve(File dir, String provider) {
    Path p = Path.of(dir.getPath().replace(PROVIDER_TOKEN, provider));
    return (p.isAbsolute() ? p : project.getBasedir().toPath().resolve(p)).normalize();
  }

  /** Why {@code t}'s output is out of date, or null: hashes only, no spec parsing. */
  static @Nullable String staleReason(Target t) {
    return t.layout() != null ? Generator.staleReason(t.layout()) : Generator.staleReason(t.spec(), t.placement());
  }

  static Generator.Result generate(Generator g, Target t, Generator.Mode mode) {
    if (t.layout() != null) {
      return g.generateProvider(t.layout(), t.provider(), mode);
    }
    Generator.SpecOptions o = t.options();
    return g.generateSpec(t.spec(), t.placement().targetDir(),
        new Generator.SpecOptions(o.name(), o.javaPackage(), mode, t.placement()));
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

  /**
   * One provider to generate: from a provider.yaml ({@code layout}) or from a spec alone ({@code spec} and
   * {@code options}).
   *
   * @param provider its name; null for a spec whose name comes from its title (known once it is read)
   */
  record Target(@Nullable String provider, @Nullable ProviderLayout layout, @Nullable Path spec,
      Generator.@Nullable SpecOptions options, Placement placement) {
    String label() {
      return provider != null ? provider : spec.getFileName().toString();
    }
  }
}
