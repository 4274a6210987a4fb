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
 * @param javaPackage root package of the generated and hand-written code, e.g. {@code dev.providerapi.lambda}
 * @param classPrefix prefix of the generated classes: {@code Lambda} -> {@code LambdaApi}, {@code LambdaProviderBase}
 * @param responseEnvelope the member wrapping every success body ({@code data}), or null
 * @param operations our operation name ({@code offers}, {@code launch}, ...) -> the spec's operation id
 * @param bindings our operation name -> its whole binding (short or long form), see {@link Binding}
 * @param sandbox provider.yaml's {@code sandbox: true}: the sandbox module has a stateful fake of this provider,
 *     so the generated tests include {@code <Prefix>ProviderBaseTest}, the base's contract run against it
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
    boolean sandbox) {

  public ProviderManifest {
    operations = Map.copyOf(operations);
    bindings = Map.copyOf(bindings);
  }

  /** A manifest of a provider the sandbox does not fake. */
  public ProviderManifest(Path file, ProviderDescriptor descriptor, String javaPackage, String classPrefix,
      SpecRef spec, @Nullable String responseEnvelope, Map<String, String> operations, Map<String, Binding> bindings) {
    this(file, descriptor, javaPackage, classPrefix, spec, responseEnvelope, operations, bindings, false);
  }

  /** A manifest whose bindings are all short form (the operation ids alone). */
  public ProviderManifest(Path file, ProviderDescriptor descriptor, String javaPackage, String classPrefix,
      SpecRef spec, @Nullable String responseEnvelope, Map<String, String> operations) {
    this(file, descriptor, javaPackage, classPrefix, spec, responseEnvelope, operations, shortForms(operations));
  }

  private static Map<String, Binding> shortForms(Map<String, String> operations) {
    Map<String, Binding> out = new java.util.TreeMap<>();
    operations.forEach((role, id) -> out.put(role, Binding.shortForm(role, id)));
    return out;
  }

  /** The long-form binding of {@code role}, if provider.yaml declares one (the generated base implements it). */
  public java.util.Optional<Binding> longForm(String role) {
    Binding b = bindings.get(role);
    return b != null && b.longForm() ? java.util.Optional.of(b) : java.util.Optional.empty();
  }

  public String name() {
    return descriptor.name();
  }

  /**
   * @param kind {@code openapi}, {@code graphql} or {@code crd}
   * @param file the spec file, resolved against the provider.yaml's folder
   * @param upstreamSha256 hex SHA-256 of the upstream file our spec was last checked against, or null
   * @param upstreamSnapshot a stored copy of that upstream file (resolved like {@code file}; not checked to
   *     exist), or null when provider.yaml says {@code snapshot: none} or nothing
   */
  public record SpecRef(String kind, Path file, @Nullable String upstreamSource, @Nullable String upstreamVersion,
      @Nullable String upstreamSha256, @Nullable Path upstreamSnapshot) {

    public SpecRef(String kind, Path file, @Nullable String upstreamSource, @Nullable String upstreamVersion) {
      this(kind, file, upstreamSource, upstreamVersion, null, null);
    }
  }
}
