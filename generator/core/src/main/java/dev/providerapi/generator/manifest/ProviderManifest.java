package dev.providerapi.generator.manifest;

import dev.providerapi.descriptor.ProviderDescriptor;
import java.nio.file.Path;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A validated {@code specs/<provider>/provider.yaml}: the runtime {@link ProviderDescriptor} it declares, plus
 * what only the generator needs (Java package, class prefix, spec file, envelope, operation bindings).
 *
 * @param file the provider.yaml read (for messages)
 * @param descriptor the runtime descriptor it declares (name, base URL, auth, rate limits, error rules ...)
 * @param javaPackage root package of the generated and hand-written code, e.g. {@code dev.providerapi.lambda}
 * @param classPrefix prefix of the generated classes: {@code Lambda} -> {@code LambdaApi}, {@code LambdaProviderBase}
 * @param spec the spec file and its upstream
 * @param responseEnvelope the member wrapping every success body ({@code data}), or null
 * @param operations our operation name ({@code offers}, {@code launch}, ...) -> the spec's operation id
 * @param bindings our operation name -> its whole binding (short or long form), see {@link Binding}
 * @param sandbox provider.yaml's {@code sandbox: true}: the sandbox module has a stateful fake of this provider,
 *     so the generated tests include {@code <Prefix>ProviderBaseTest}, the base's contract run against it
 * @param instanceFields provider.yaml's {@code instanceFields}: the base's {@code instanceFields(wire)}, or null
 * @param offerFields provider.yaml's {@code offerFields}: the base's {@code offerFields(wire)}, or null
 */
public record ProviderManifest(
    Path file,
    ProviderDescriptor descriptor,
    String javaPackage,
    String classPrefix,
    SpecRef spec,
    @Nullable String responseEnvelope,
    Map<String, String> operations,
    Map<String, Binding> bindings,
    boolean sandbox,
    @Nullable FieldMap instanceFields,
    @Nullable FieldMap offerFields) {

  /**
   * Copies the maps.
   *
   * @param file the provider.yaml read (for messages)
   * @param descriptor the runtime descriptor it declares
   * @param javaPackage root package of the generated and hand-written code
   * @param classPrefix prefix of the generated classes
   * @param spec the spec file and its upstream
   * @param responseEnvelope the member wrapping every success body, or null
   * @param operations our operation name -> the spec's operation id
   * @param bindings our operation name -> its whole binding
   * @param sandbox whether the sandbox fakes this provider
   * @param instanceFields provider.yaml's {@code instanceFields}, or null
   * @param offerFields provider.yaml's {@code offerFields}, or null
   */
  public ProviderManifest {
    operations = Map.copyOf(operations);
    bindings = Map.copyOf(bindings);
  }

  /**
   * A manifest of a provider the sandbox does not fake.
   *
   * @param file the provider.yaml read (for messages)
   * @param descriptor the runtime descriptor it declares
   * @param javaPackage root package of the generated and hand-written code
   * @param classPrefix prefix of the generated classes
   * @param spec the spec file and its upstream
   * @param responseEnvelope the member wrapping every success body, or null
   * @param operations our operation name -> the spec's operation id
   * @param bindings our operation name -> its whole binding
   */
  public ProviderManifest(Path file, ProviderDescriptor descriptor, String javaPackage, String classPrefix,
      SpecRef spec, @Nullable String responseEnvelope, Map<String, String> operations, Map<String, Binding> bindings) {
    this(file, descriptor, javaPackage, classPrefix, spec, responseEnvelope, operations, bindings, false, null, null);
  }

  /**
   * A manifest whose bindings are all short form (the operation ids alone).
   *
   * @param file the provider.yaml read (for messages)
   * @param descriptor the runtime descriptor it declares
   * @param javaPackage root package of the generated and hand-written code
   * @param classPrefix prefix of the generated classes
   * @param spec the spec file and its upstream
   * @param responseEnvelope the member wrapping every success body, or null
   * @param operations our operation name -> the spec's operation id
   */
  public ProviderManifest(Path file, ProviderDescriptor descriptor, String javaPackage, String classPrefix,
      SpecRef spec, @Nullable String responseEnvelope, Map<String, String> operations) {
    this(file, descriptor, javaPackage, classPrefix, spec, responseEnvelope, operations, shortForms(operations));
  }

  private static Map<String, Binding> shortForms(Map<String, String> operations) {
    Map<String, Binding> out = new java.util.TreeMap<>();
    operations.forEach((role, id) -> out.put(role, Binding.shortForm(role, id)));
    return out;
  }

  /**
   * The long-form binding of {@code role}, if provider.yaml declares one (the generated base implements it).
   *
   * @param role our operation name
   * @return the binding, or empty when the role is unbound or bound in short form
   */
  public java.util.Optional<Binding> longForm(String role) {
    Binding b = bindings.get(role);
    return b != null && b.longForm() ? java.util.Optional.of(b) : java.util.Optional.empty();
  }

  /**
   * The provider's name.
   *
   * @return the descriptor's name, as in provider.yaml
   */
  public String name() {
    return descriptor.name();
  }

  /**
   * The spec provider.yaml names, and the upstream file it follows.
   *
   * @param kind {@code openapi}, {@code graphql} or {@code crd}
   * @param file the spec file, resolved against the provider.yaml's folder
   * @param upstreamSource where the provider publishes the upstream file (a URL), or null
   * @param upstreamVersion the upstream version our spec was last checked against, or null
   * @param upstreamSha256 hex SHA-256 of the upstream file our spec was last checked against, or null
   * @param upstreamSnapshot a stored copy of that upstream file (resolved like {@code file}; not checked to
   *     exist), or null when provider.yaml says {@code snapshot: none} or nothing
   */
  public record SpecRef(String kind, Path file, @Nullable String upstreamSource, @Nullable String upstreamVersion,
      @Nullable String upstreamSha256, @Nullable Path upstreamSnapshot) {

    /**
     * A spec reference without upstream hash or snapshot.
     *
     * @param kind {@code openapi}, {@code graphql} or {@code crd}
     * @param file the spec file
     * @param upstreamSource where the upstream file is published, or null
     * @param upstreamVersion the upstream version last checked against, or null
     */
    public SpecRef(String kind, Path file, @Nullable String upstreamSource, @Nullable String upstreamVersion) {
      this(kind, file, upstreamSource, upstreamVersion, null, null);
    }
  }
}
