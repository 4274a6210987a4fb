package dev.providerapi.generator;

import com.palantir.javapoet.JavaFile;
import dev.providerapi.descriptor.ProviderDescriptor;
import dev.providerapi.generator.emit.EmitException;
import dev.providerapi.generator.emit.JavaEmitters;
import dev.providerapi.generator.inputs.GeneratorVersion;
import dev.providerapi.generator.manifest.ManifestReader;
import dev.providerapi.generator.manifest.OperationBindings;
import dev.providerapi.generator.manifest.ProviderManifest;
import dev.providerapi.generator.model.ApiModel;
import dev.providerapi.generator.model.OperationDef;
import dev.providerapi.generator.naming.TypeNames;
import dev.providerapi.generator.template.Fixture;
import dev.providerapi.generator.template.GeneratedHeader;
import dev.providerapi.generator.template.SkeletonModelBuilder;
import dev.providerapi.generator.template.TemplateRenderer;
import dev.providerapi.generator.template.TestModelBuilder;
import dev.providerapi.generator.write.Drift;
import dev.providerapi.generator.write.GeneratedManifest;
import dev.providerapi.generator.write.GeneratedWriter;
import dev.providerapi.generator.write.GenerationPlan;
import dev.providerapi.generator.write.Placement;
import dev.providerapi.generator.write.WriteResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * The one way through the generator, shared by every front end (CLI, build plugins): provider.yaml -> spec
 * reader -> {@link ApiModel} -> JavaPoet emitters and Mustache templates -> {@link GeneratedWriter}.
 *
 * <p>For {@code specs/<p>/} the output goes to {@code providers/<p>/}: the generated client under
 * {@code src/generated/java}, its MockWebServer test under {@code src/generated-test/java}, and, once, the
 * adapter skeleton under {@code src/main/java}. Example bodies in {@code specs/<p>/fixtures/} override the
 * spec's examples; templates in {@code specs/<p>/templates/} override the defaults of the same name.
 */
public final class Generator {

  /** What a run does with its output. */
  public enum Mode {
    /** Writes the generated files (and the adapter skeleton when missing). */
    WRITE,
    /** Writes nothing; reports where the files on disk differ from what would be written. */
    CHECK
  }

  /** Reads one spec file into the IR: a stand-in for a {@link SpecReader}'s parsing (tests). */
  @FunctionalInterface
  public interface ModelReader {
    /**
     * Reads {@code spec}.
     *
     * @param spec the spec file
     * @param responseEnvelope provider.yaml's {@code responseEnvelope} (the field every answer wraps its data
     *     in); null when there is none
     * @return the spec's model
     */
    ApiModel read(Path spec, @Nullable String responseEnvelope);
  }

  /** Turns the IR into Java files. */
  @FunctionalInterface
  public interface Emitter {
    /**
     * Emits the provider's generated sources.
     *
     * @param model the spec's model
     * @param manifest the provider's provider.yaml
     * @return the Java files to write
     */
    List<JavaFile> emit(ApiModel model, ProviderManifest manifest);
  }

  /**
   * What one run did for one provider.
   *
   * @param provider the provider's name
   * @param targetDir the folder the output went (or would go) to
   * @param mode what the run did
   * @param written what a WRITE changed (null for CHECK)
   * @param drift what CHECK found (empty for WRITE)
   * @param warnings what the generator accepted but changed or guessed, in words
   */
  public record Result(String provider, Path targetDir, Mode mode, @Nullable WriteResult written, List<Drift> drift,
      List<String> warnings) {
    /**
     * Copies the lists.
     *
     * @param provider the provider's name
     * @param targetDir the folder the output went to
     * @param mode what the run did
     * @param written what a WRITE changed, or null
     * @param drift what CHECK found
     * @param warnings the generator's warnings
     */
    public Result {
      drift = List.copyOf(drift);
      warnings = List.copyOf(warnings);
    }

    /**
     * A result without warnings.
     *
     * @param provider the provider's name
     * @param targetDir the folder the output went to
     * @param mode what the run did
     * @param written what a WRITE changed, or null
     * @param drift what CHECK found
     */
    public Result(String provider, Path targetDir, Mode mode, @Nullable WriteResult written, List<Drift> drift) {
      this(provider, targetDir, mode, written, drift, List.of());
    }
  }

  /**
   * Options of {@link #generateSpec}: overrides of the name and package derived from the spec, and where the
   * output goes (null: {@link Placement#standard} under the output folder).
   *
   * @param name the provider name; null to derive it from the spec
   * @param javaPackage the generated code's package; null for {@code generated.<name>}
   * @param mode what the run does
   * @param placement where each kind of output goes; null for {@link Placement#standard}
   * @param baseUrl the client's base URL, instead of the spec's {@code servers}
   * @param specUrl where the spec file was published: a relative {@code servers} URL is resolved against it
   */
  public record SpecOptions(@Nullable String name, @Nullable String javaPackage, Mode mode,
      @Nullable Placement placement, @Nullable String baseUrl, @Nullable String specUrl) {
    /**
     * Options with the standard placement, the spec's base URL and no spec URL.
     *
     * @param name the provider name; null to derive it from the spec
     * @param javaPackage the generated code's package; null for {@code generated.<name>}
     * @param mode what the run does
     */
    public SpecOptions(@Nullable String name, @Nullable String javaPackage, Mode mode) {
      this(name, javaPackage, mode, null, null, null);
    }

    /**
     * Options with the spec's base URL and no spec URL.
     *
     * @param name the provider name; null to derive it from the spec
     * @param javaPackage the generated code's package; null for {@code generated.<name>}
     * @param mode what the run does
     * @param placement where each kind of output goes; null for {@link Placement#standard}
     */
    public SpecOptions(@Nullable String name, @Nullable String javaPackage, Mode mode, @Nullable Placement placement) {
      this(name, javaPackage, mode, placement, null, null);
    }

    /**
     * Everything derived from the spec, written in the standard placement.
     *
     * @return options with no overrides and mode WRITE
     */
    public static SpecOptions defaults() {
      return new SpecOptions(null, null, Mode.WRITE);
    }
  }

  private static final String GENERATED_JAVA = "src/generated/java/";
  private static final String GENERATED_TEST_JAVA = "src/generated-test/java/";

  /** Spec kind -> reader, in the order they are asked to accept a spec file. */
  private final Map<String, SpecReader> readers;
  private final Emitter emitter;
  private final GeneratedWriter writer;

  /** The readers of {@link SpecReader#standard} and the JavaPoet emitters. */
  public Generator() {
    this(SpecReader.standard(), JavaEmitters::emit);
  }

  /**
   * A generator with these readers and emitter.
   *
   * @param readers the spec kinds this generator reads, in the order they are asked to accept a spec file
   * @param emitter turns the model into Java files
   * @throws IllegalArgumentException when two readers read the same spec kind
   */
  public Generator(List<SpecReader> readers, Emitter emitter) {
    this(readers, emitter, new GeneratedWriter());
  }

  /**
   * The standard readers of the kinds in {@code models} only, each parsing with its stand-in.
   *
   * @param models spec kind ({@code openapi}, {@code graphql}, {@code crd}) -> what reads a spec of that kind
   * @param emitter turns the model into Java files
   * @throws IllegalArgumentException when a kind is not one of the standard readers'
   */
  public Generator(Map<String, ModelReader> models, Emitter emitter) {
    this(standIns(models), emitter);
  }

  Generator(List<SpecReader> readers, Emitter emitter, GeneratedWriter writer) {
    Map<String, SpecReader> byKind = new LinkedHashMap<>();
    for (SpecReader r : readers) {
      if (byKind.put(r.kind(), r) != null) {
        throw new IllegalArgumentException("two readers of spec kind '" + r.kind() + "'");
      }
    }
    this.readers = java.util.Collections.unmodifiableMap(byKind);
    this.emitter = emitter;
    this.writer = writer;
  }

  private static List<SpecReader> standIns(Map<String, ModelReader> models) {
    List<SpecReader> standard = SpecReader.standard();
    for (String kind : models.keySet()) {
      if (standard.stream().noneMatch(r -> r.kind().equals(kind))) {
        throw new IllegalArgumentException("unknown spec kind '" + kind + "'");
      }
    }
    return standard.stream().filter(r -> models.containsKey(r.kind()))
        .map(r -> (SpecReader) new StandIn(r, models.get(r.kind()))).toList();
  }

  /** A reader whose parsing is {@code model}'s; everything else is {@code standard}'s. */
  private record StandIn(SpecReader standard, ModelReader model) implements SpecReader {
    @Override
    public String kind() {
      return standard.kind();
    }

    @Override
    public boolean accepts(Path file) {
      return standard.accepts(file);
    }

    @Override
    public ApiModel read(Path spec, @Nullable String responseEnvelope) {
      return model.read(spec, responseEnvelope);
    }

    @Override
    public Set<Path> inputs(Path spec) {
      return standard.inputs(spec);
    }

    @Override
    public @Nullable String unnamedBaseUrl(String providerName) {
      return standard.unnamedBaseUrl(providerName);
    }

    @Override
    public String nameSource(ApiModel m) {
      return standard.nameSource(m);
    }
  }

  /**
   * Providers with a {@code specs/<p>/provider.yaml}, sorted.
   *
   * @param repoRoot the repository's root folder
   * @return the providers' names; empty when there is no {@code specs} folder
   * @throws UncheckedIOException when the folder cannot be listed
   */
  public static List<String> providers(Path repoRoot) {
    return providersIn(repoRoot.resolve("specs"));
  }

  /**
   * Sub-folders of {@code specs} with a {@code provider.yaml}, sorted.
   *
   * @param specs the folder holding one folder per provider
   * @return the sub-folders' names; empty when {@code specs} is not a folder
   * @throws UncheckedIOException when the folder cannot be listed
   */
  public static List<String> providersIn(Path specs) {
    if (!Files.isDirectory(specs)) {
      return List.of();
    }
    try (Stream<Path> dirs = Files.list(specs)) {
      return dirs.filter(d -> Files.isRegularFile(d.resolve("provider.yaml")))
          .map(d -> d.getFileName().toString()).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + specs + ": " + e.getMessage(), e);
    }
  }

  /**
   * Generates one provider from {@code specs/<provider>/} into {@code providers/<provider>/}.
   *
   * @param repoRoot the repository's root folder
   * @param provider the provider's name
   * @param mode whether to write or only check
   * @return what was written, or the drift found
   * @throws SpecException when provider.yaml, the spec, a fixture or a template is bad or missing
   */
  public Result generateProvider(Path repoRoot, String provider, Mode mode) {
    return generateProvider(ProviderLayout.standard(repoRoot.toAbsolutePath().normalize(), provider), provider, mode);
  }

  /**
   * Generates one provider with inputs and output where {@code layout} says.
   *
   * @param layout where the provider's inputs are read and its output goes
   * @param provider the provider's name
   * @param mode whether to write or only check
   * @return what was written, or the drift found
   * @throws SpecException when provider.yaml, the spec, a fixture or a template is bad or missing
   */
  public Result generateProvider(ProviderLayout layout, String provider, Mode mode) {
    Planned planned = planned(layout, provider);
    return run(provider, planned.plan(), mode, planned.warnings());
  }

  private record Planned(GenerationPlan plan, List<String> warnings) {}

  /**
   * Everything {@link #generateProvider} would write, in memory and without touching disk: for front ends
   * that write elsewhere (the annotation processor hands the sources to javac's Filer).
   *
   * @param layout where the provider's inputs are read and its output would go
   * @param provider the provider's name
   * @return every file to write, with the generated manifest
   * @throws SpecException when provider.yaml, the spec, a fixture or a template is bad or missing
   */
  public GenerationPlan planProvider(ProviderLayout layout, String provider) {
    return planned(layout, provider).plan();
  }

  private Planned planned(ProviderLayout layout, String provider) {
    Path specDir = layout.specDir();
    Path yaml = layout.providerYaml();
    if (!Files.isRegularFile(yaml)) {
      Path specs = specDir.getParent();
      List<String> available = specs == null ? List.of() : providersIn(specs);
      throw new SpecException(yaml, null, "provider '" + provider + "' not found: there is no " + layout.name(yaml)
          + " under " + layout.root() + "; available providers: "
          + (available.isEmpty() ? "(none)" : String.join(", ", available)));
    }
    ProviderManifest manifest = new ManifestReader().read(yaml);
    if (!manifest.name().equals(provider)) {
      throw new SpecException(yaml, "name", "name '" + manifest.name() + "' differs from its folder "
          + layout.name(specDir) + "; they must match so that ./provider-api " + provider + " finds it");
    }
    SpecReader reader = reader(manifest.spec().kind(), yaml);
    ApiModel model = TypeNames.apply(reader.read(manifest.spec().file(), manifest.responseEnvelope()));
    OperationBindings.check(manifest, model);
    model = OperationBindings.applyIdempotency(manifest, model);

    Map<String, byte[]> inputs = new TreeMap<>();
    inputs.put(layout.name(yaml), read(yaml));
    // Files the spec pulls in ($ref'd files, GraphQL operation documents) are inputs too: a change there must
    // regenerate.
    for (Path p : reader.inputs(manifest.spec().file())) {
      inputs.put(layout.name(p), read(p));
    }
    Path fixturesDir = layout.fixturesDir();
    Path templatesDir = layout.templatesDir();
    for (Path p : files(fixturesDir)) {
      inputs.put(layout.name(p), read(p));
    }
    for (Path p : files(templatesDir)) {
      inputs.put(layout.name(p), read(p));
    }
    Map<String, Fixture> fixtures = fixtures(fixturesDir, model);
    return new Planned(plan(manifest, model, layout.name(manifest.spec().file()), fixtures,
        new TemplateRenderer(templatesDir), inputs, layout.placement()), model.warnings());
  }

  /**
   * The hand-written adapter skeleton {@link #generateProvider} writes once, for a project that places it
   * itself: with {@code autoService} false it carries no {@code @AutoService} (the project registers the class in
   * {@code META-INF/services/dev.providerapi.Provider}), for a build without that annotation processor.
   *
   * @param layout where the provider's inputs are read
   * @param provider the provider's name
   * @param autoService whether the skeleton carries {@code @AutoService(Provider.class)}
   * @return the skeleton's Java source
   * @throws SpecException when provider.yaml or the spec is bad
   */
  public String adapterSkeleton(ProviderLayout layout, String provider, boolean autoService) {
    Path yaml = layout.providerYaml();
    ProviderManifest manifest = new ManifestReader().read(yaml);
    ApiModel model = TypeNames.apply(
        reader(manifest.spec().kind(), yaml).read(manifest.spec().file(), manifest.responseEnvelope()));
    Map<String, Object> scope = new java.util.LinkedHashMap<>(SkeletonModelBuilder.build(manifest, model));
    scope.put("autoService", autoService);
    return new TemplateRenderer(layout.templatesDir()).render(TemplateRenderer.SKELETON, scope);
  }

  /**
   * Why the output of {@code layout} is out of date, or null when generating again would write exactly what
   * is there: judged from {@code generated.manifest} and input hashes alone, without reading the spec.
   *
   * @param layout where the provider's inputs and output are
   * @return the reason in words; null when the output is up to date
   */
  public static @Nullable String staleReason(ProviderLayout layout) {
    return UpToDateCheck.staleReason(layout, GeneratorVersion.get());
  }

  /**
   * Every provider under {@code specs/}, in name order; stops at the first bad input.
   *
   * @param repoRoot the repository's root folder
   * @param mode whether to write or only check
   * @return one result per provider
   * @throws SpecException at the first bad input, or when there is no provider
   */
  public List<Result> generateAll(Path repoRoot, Mode mode) {
    List<String> providers = providers(repoRoot);
    if (providers.isEmpty()) {
      throw new SpecException(repoRoot.resolve("specs"), null, "no provider found: no specs/<provider>/provider.yaml");
    }
    List<Result> results = new ArrayList<>();
    for (String p : providers) {
      results.add(generateProvider(repoRoot, p, mode));
    }
    return results;
  }

  /**
   * Generates from a spec that has no provider.yaml (a provider's official OpenAPI file, a GraphQL schema or a
   * Kubernetes CRD; the kind is told by {@link #specKind}) into
   * {@code outDir}: name from the title or file name, package {@code generated.<name>}, base URL from
   * {@code --base-url} or {@code servers[0]} (see {@link SpecOptions}; none: a placeholder, with a warning), auth from the spec's security schemes (key in {@code <NAME>_API_KEY}), no envelope and
   * no operation bindings.
   *
   * @param spec the spec file
   * @param outDir the output folder
   * @param options overrides of what is derived from the spec, and the mode
   * @return what was written, or the drift found
   * @throws SpecException when the spec is bad or its kind unknown
   */
  public Result generateSpec(Path spec, Path outDir, SpecOptions options) {
    NamedPlan p = planSpecNamed(spec, outDir, options);
    return run(p.name(), p.plan(), options.mode(), p.warnings());
  }

  /**
   * What {@link #generateSpec} would write, in memory.
   *
   * @param spec the spec file
   * @param outDir the output folder
   * @param options overrides of what is derived from the spec
   * @return every file to write, with the generated manifest
   * @throws SpecException when the spec is bad or its kind unknown
   */
  public GenerationPlan planSpec(Path spec, Path outDir, SpecOptions options) {
    return planSpecNamed(spec, outDir, options).plan();
  }

  private record NamedPlan(String name, GenerationPlan plan, List<String> warnings) {}

  private NamedPlan planSpecNamed(Path spec, Path outDir, SpecOptions options) {
    Path file = spec.toAbsolutePath().normalize();
    if (Files.isDirectory(file)) {
      throw new SpecException(file, null, "is a folder, not a spec file; pass the OpenAPI, GraphQL or CRD file "
          + "itself (e.g. " + file.resolve("openapi.yaml") + ")");
    }
    if (!Files.isRegularFile(file)) {
      throw new SpecException(file, null, "spec file not found");
    }
    if (options.name() != null && !options.name().matches("[a-z][a-z0-9-]*")) {
      throw new SpecException(file, null, "invalid provider name '" + options.name() + "'; allowed: lower case "
          + "letters, digits and '-', starting with a letter (e.g. --name acme-cloud)");
    }
    SpecReader reader = accepting(file);
    ApiModel model = TypeNames.apply(reader.read(file, null));
    String name = options.name() != null ? options.name() : derivedName(file, reader, model);
    String javaPackage = options.javaPackage() != null ? options.javaPackage() : defaultPackage(name);
    if (!javax.lang.model.SourceVersion.isName(javaPackage)) {
      throw new SpecException(file, null, "invalid Java package '" + javaPackage + "'; allowed: dot-separated Java "
          + "identifiers that are not keywords (pass --package)");
    }
    String server;
    String unnamed = reader.unnamedBaseUrl(name);
    List<String> warnings = new ArrayList<>();
    if (options.baseUrl() != null) {
      server = absoluteUrl(file, "--base-url", options.baseUrl());
    } else if (unnamed != null && model.servers().isEmpty()) {
      server = unnamed;
    } else {
      server = baseUrl(file, name, model, options.specUrl(), warnings);
    }
    dev.providerapi.descriptor.AuthSpec auth = SpecAuth.of(model.auth(), name);
    model = model.withWarnings(warnings);
    ProviderDescriptor.Builder d = ProviderDescriptor.builder(name).displayName(model.title()).baseUrl(server)
        .auth(auth);
    if (!model.version().isBlank()) {
      d.specVersion(model.version());
    }
    ProviderManifest manifest = new ProviderManifest(file, d.build(), javaPackage, classPrefix(name),
        new ProviderManifest.SpecRef(reader.kind(), file, null, model.version()), null, Map.of());
    Placement target = options.placement() != null ? options.placement() : Placement.standard(outDir);
    String specName = file.getFileName().toString();
    return new NamedPlan(name,
        plan(manifest, model, specName, Map.of(), new TemplateRenderer(null), specInputs(reader, file), target),
        model.warnings());
  }

  /**
   * The base URL of a spec without provider.yaml: {@code servers[0]} (variables at their defaults); a relative one
   * resolved against {@code specUrl}, or, as with no servers at all, a placeholder host that
   * {@code ProviderConfig.baseUrl} replaces at run time, with a warning.
   */
  private static String baseUrl(Path file, String name, ApiModel model, @Nullable String specUrl,
      List<String> warnings) {
    String placeholder = "https://" + name + ".invalid";
    if (model.servers().isEmpty()) {
      warnings.add(file + ": the spec declares no servers, so the client's default base URL is the placeholder "
          + placeholder + "; set ProviderConfig.baseUrl at run time, or generate with --base-url URL");
      return placeholder;
    }
    String declared = model.servers().get(0);
    URI uri;
    try {
      uri = new URI(declared);
    } catch (java.net.URISyntaxException e) {
      throw new SpecException(file, "servers[0].url", "'" + declared + "' is not a URL: " + e.getReason()
          + " at index " + e.getIndex() + "; pass --base-url URL to use another");
    }
    if (uri.isAbsolute()) {
      return absoluteUrl(file, "servers[0].url", declared);
    }
    if (specUrl != null) {
      String resolved = URI.create(absoluteUrl(file, "--spec-url", specUrl)).resolve(uri).toString();
      warnings.add(file + " at servers[0].url: relative URL '" + declared + "' resolved against the spec's URL "
          + specUrl + ": " + resolved);
      return resolved;
    }
    String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "" : uri.getRawPath().startsWith("/")
        ? uri.getRawPath() : "/" + uri.getRawPath();
    String resolved = placeholder + path.replaceAll("/+$", "");
    warnings.add(file + " at servers[0].url: the URL '" + declared + "' is relative to where the spec is served, "
        + "which a local file does not say; the client's default base URL is the placeholder " + resolved
        + "; set ProviderConfig.baseUrl at run time, or generate with --base-url URL or --spec-url URL");
    return resolved;
  }

  /** {@code url} if it is an absolute http(s) URL with a host. */
  private static String absoluteUrl(Path file, String where, String url) {
    URI uri;
    try {
      uri = new URI(url);
    } catch (java.net.URISyntaxException e) {
      throw new SpecException(file, where, "'" + url + "' is not a URL: " + e.getReason() + " at index "
          + e.getIndex());
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
      throw new SpecException(file, where, "base URL '" + url + "' is not an absolute http or https URL with a "
          + "host" + (where.equals("servers[0].url") ? "; pass --base-url URL to use another" : ""));
    }
    return url;
  }

  /**
   * {@code generated.<name>}, without dashes; a segment that is a Java keyword ({@code enum}) gets a trailing
   * underscore.
   */
  static String defaultPackage(String name) {
    String segment = name.replace("-", "");
    return "generated." + (javax.lang.model.SourceVersion.isKeyword(segment) ? segment + "_" : segment);
  }

  /**
   * Why the output of {@link #generateSpec} for {@code spec} placed at {@code placement} is out of date, or
   * null: from the manifest's hashes alone, like {@link #staleReason(ProviderLayout)}.
   *
   * @param spec the spec file
   * @param placement where its output was placed
   * @return the reason in words; null when the output is up to date
   */
  public static @Nullable String staleReason(Path spec, Placement placement) {
    Path dir = spec.toAbsolutePath().normalize().getParent();
    String name = dir.relativize(spec.toAbsolutePath().normalize()).toString();
    return UpToDateCheck.staleReason(dir, placement, name, List.of(), GeneratorVersion.get());
  }

  /**
   * The provider name of a spec given without one: from the CRD's kind ({@code VirtualServer} ->
   * {@code virtual-server}) or the OpenAPI title without its generic words ({@code Lambda Cloud API} ->
   * {@code lambda-cloud}, {@code Paperspace REST API} -> {@code paperspace}), else from the file name.
   */
  static String derivedName(Path file, SpecReader reader, ApiModel model) {
    String fromTitle = nameFromTitle(reader.nameSource(model));
    return fromTitle != null ? fromTitle : nameFromFile(file);
  }

  private static final Set<String> GENERIC_TITLE_WORDS = Set.of("api", "apis", "rest", "restful", "openapi",
      "swagger", "http", "json", "service", "services", "gateway", "spec", "specification", "definition",
      "the", "public", "v", "version", "crd");

  static @Nullable String nameFromTitle(@Nullable String title) {
    if (title == null || title.isBlank()) {
      return null;
    }
    List<String> words = new ArrayList<>();
    for (String w : title.toLowerCase(Locale.ROOT).split("[^a-z0-9]+")) {
      if (!w.isEmpty() && !GENERIC_TITLE_WORDS.contains(w) && !w.matches("v?\\d+")) {
        words.add(w);
      }
    }
    if (words.isEmpty() || !Character.isLetter(words.get(0).charAt(0))) {
      return null;
    }
    // Short enough for class names and environment variables: at most three words.
    return String.join("-", words.subList(0, Math.min(3, words.size())));
  }

  /**
   * The kind of a spec given without a provider.yaml, by the first of {@link SpecReader#standard} that accepts it:
   * GraphQL SDL by its extension or content, a Kubernetes CustomResourceDefinition by its {@code kind}, otherwise
   * OpenAPI.
   */
  static String specKind(Path file) {
    return SpecReader.standard().stream().filter(r -> r.accepts(file)).findFirst().orElseThrow().kind();
  }

  /** The first of this generator's readers that accepts {@code file}, a spec given without a provider.yaml. */
  private SpecReader accepting(Path file) {
    for (SpecReader r : readers.values()) {
      if (r.accepts(file)) {
        return r;
      }
    }
    throw new SpecException(file, null, "no reader of this build (" + String.join(", ", readers.keySet())
        + ") accepts this file as its spec kind");
  }

  private Result run(String provider, GenerationPlan plan, Mode mode, List<String> warnings) {
    return mode == Mode.CHECK
        ? new Result(provider, plan.targetDir(), mode, null, writer.check(plan), warnings)
        : new Result(provider, plan.targetDir(), mode, writer.write(plan), List.of(), warnings);
  }

  private GenerationPlan plan(ProviderManifest manifest, ApiModel model, String specName, Map<String, Fixture> fixtures,
      TemplateRenderer templates, Map<String, byte[]> inputs, Placement target) {
    String header = GeneratedHeader.generated(specName, manifest.name());
    Map<String, byte[]> generated = new TreeMap<>();
    // Headers name the spec as the repository knows it, never by this checkout's absolute path: the output
    // must be byte for byte the same in every clone.
    ApiModel located = new ApiModel(model.title(), model.version(), model.description(), model.servers(),
        model.types(), model.operations(), specName, model.serverTemplate(), model.warnings(), model.derived(),
        model.auth());
    Path specFile = manifest.spec().file();
    List<JavaFile> emitted = emitting(specFile, "the client", () -> emitter.emit(located, manifest));
    for (JavaFile f : emitted) {
      String path = GENERATED_JAVA + packagePath(f.packageName()) + f.typeSpec().name() + ".java";
      String text = f.toString();
      // The emitters write the header themselves; add it only to a file that has none.
      if (!text.startsWith("// Generated by provider-api")) {
        text = header + "\n" + text;
      }
      if (generated.put(path, utf8(text)) != null) {
        throw new IllegalStateException("two emitted files for " + path);
      }
    }
    String prefix = manifest.classPrefix();
    emitting(specFile, "the generated contract test " + prefix + "ProviderBaseTest",
        () -> dev.providerapi.generator.emit.ContractTestEmitter.emit(manifest, located, specName)).ifPresent(f ->
        generated.put(GENERATED_TEST_JAVA + packagePath(f.packageName()) + f.typeSpec().name() + ".java",
            utf8(f.toString())));
    String test = emitting(specFile, "the generated client test " + prefix + "ApiClientTest",
        () -> templates.render(TemplateRenderer.CLIENT_TEST, TestModelBuilder.build(manifest, model, fixtures, specName)));
    generated.put(GENERATED_TEST_JAVA + packagePath(manifest.javaPackage() + ".api") + prefix + "ApiClientTest.java",
        utf8(test));
    String skeleton = emitting(specFile, "the adapter skeleton " + prefix + "Provider",
        () -> templates.render(TemplateRenderer.SKELETON, SkeletonModelBuilder.build(manifest, model)));
    Map<String, byte[]> once = Map.of(
        "src/main/java/" + packagePath(manifest.javaPackage()) + prefix + "Provider.java", utf8(skeleton));
    return GenerationPlan.of(target, generated, once,
        GeneratedManifest.render(GeneratorVersion.get(), inputs, generated));
  }

  /**
   * {@code step}'s result; a failure inside it (an exception from an emitter or a template) becomes bad input that
   * names the spec and the element being emitted, never a bare stack trace with exit 3: the spec holds something
   * this generator cannot turn into Java, and the message says what, so it can be changed or reported.
   */
  private static <T> T emitting(Path specFile, String whole, java.util.function.Supplier<T> step) {
    try {
      return step.get();
    } catch (SpecException e) {
      throw e;
    } catch (EmitException e) {
      throw new SpecException(specFile, e.element(), "cannot be emitted as Java: "
          + EmitException.describe(e.getCause()) + " (a generator limitation: change or remove this element in the "
          + "spec, and please report it)", e);
    } catch (RuntimeException e) {
      throw new SpecException(specFile, null, "cannot emit " + whole + ": " + EmitException.describe(e)
          + " (a generator limitation: please report it with the spec)", e);
    }
  }

  /** Inputs of {@link #generateSpec}: named relative to the spec's folder (the output must not name a checkout). */
  private static Map<String, byte[]> specInputs(SpecReader reader, Path spec) {
    Map<String, byte[]> inputs = new TreeMap<>();
    Path dir = spec.getParent();
    for (Path p : reader.inputs(spec)) {
      inputs.put(dir.relativize(p).toString().replace('\\', '/'), read(p));
    }
    return inputs;
  }

  private SpecReader reader(String kind, Path file) {
    SpecReader r = readers.get(kind);
    if (r == null) {
      throw new SpecException(file, "spec.kind", "no reader for spec kind '" + kind + "' in this build; supported: "
          + readers.keySet().stream().sorted().collect(Collectors.joining(", ")));
    }
    return r;
  }

  /**
   * {@code <operationId>.request.json} / {@code <operationId>.response.json}; unknown ids are typos. Files that
   * are not JSON (a README) and sub-folders (error bodies used by hand-written tests) are not fixtures.
   */
  private static Map<String, Fixture> fixtures(Path dir, ApiModel model) {
    Set<String> ids = model.operations().stream().map(OperationDef::id).collect(Collectors.toSet());
    Map<String, String[]> found = new TreeMap<>();
    for (Path p : files(dir)) {
      String file = p.getFileName().toString();
      if (!file.endsWith(".json")) {
        continue;
      }
      int side = file.endsWith(".request.json") ? 0 : file.endsWith(".response.json") ? 1 : -1;
      if (side < 0) {
        throw new SpecException(p, null, "unexpected fixture file name; allowed: <operationId>.request.json and "
            + "<operationId>.response.json");
      }
      String id = file.substring(0, file.length() - (side == 0 ? ".request.json" : ".response.json").length());
      if (!ids.contains(id)) {
        throw new SpecException(p, null, "fixture for unknown operation id '" + id + "'; available operation ids: "
            + ids.stream().sorted().collect(Collectors.joining(", ")));
      }
      found.computeIfAbsent(id, k -> new String[2])[side] = new String(read(p), StandardCharsets.UTF_8);
    }
    Map<String, Fixture> out = new LinkedHashMap<>();
    found.forEach((id, bodies) -> out.put(id, new Fixture(bodies[0], bodies[1])));
    return out;
  }

  /** Regular files directly under {@code dir}, sorted; none when it does not exist. */
  private static List<Path> files(Path dir) {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(Files::isRegularFile).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
    }
  }

  static String nameFromFile(Path file) {
    String base = file.getFileName().toString().replaceFirst("\\.(json|ya?ml|graphqls?|gql|sdl)$", "")
        .replaceFirst("[-_.]v?\\d+(\\.\\d+)*$", "")
        .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    return base.isEmpty() || !Character.isLetter(base.charAt(0)) ? "api" + (base.isEmpty() ? "" : "-" + base) : base;
  }

  static String classPrefix(String name) {
    StringBuilder sb = new StringBuilder();
    for (String part : name.split("-")) {
      if (!part.isEmpty()) {
        sb.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
      }
    }
    return sb.toString();
  }

  private static String packagePath(String pkg) {
    return pkg.isEmpty() ? "" : pkg.replace('.', '/') + "/";
  }

  private static byte[] read(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
