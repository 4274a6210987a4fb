package dev.providerapi.generator.model;

import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The one intermediate representation every reader (OpenAPI, GraphQL, CRD) produces and every emitter reads.
 * Transport-neutral: an operation is an HTTP binding or a GraphQL document. Lists are sorted by name so the
 * output does not depend on the order of the spec file.
 *
 * @param source the spec file as given (for generated headers and error messages)
 * @param derived the names of types the reader made up from where they appear (a GraphQL selection path, a
 *     CRD property path) rather than took from the spec, each with the spec-side name it stems from (the GraphQL
 *     type selected; empty when there is none): a structurally identical type may replace them, and a merged
 *     type may take that name ({@code dev.providerapi.generator.naming.TypeCollapse})
 */
public record ApiModel(
    String title,
    String version,
    @Nullable String description,
    List<String> servers,
    List<TypeDef> types,
    List<OperationDef> operations,
    String source,
    java.util.Map<String, String> derived) {

  public ApiModel {
    servers = List.copyOf(servers);
    types = List.copyOf(types);
    operations = List.copyOf(operations);
    derived = java.util.Map.copyOf(derived);
  }

  /** A model whose every type name comes from the spec. */
  public ApiModel(String title, String version, @Nullable String description, List<String> servers,
      List<TypeDef> types, List<OperationDef> operations, String source) {
    this(title, version, description, servers, types, operations, source, java.util.Map.of());
  }

  public Optional<TypeDef> type(String name) {
    return types.stream().filter(t -> t.name().equals(name)).findFirst();
  }

  public Optional<OperationDef> operation(String id) {
    return operations.stream().filter(o -> o.id().equals(id)).findFirst();
  }
}
