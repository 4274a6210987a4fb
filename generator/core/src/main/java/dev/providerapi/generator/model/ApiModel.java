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
 */
public record ApiModel(
    String title,
    String version,
    @Nullable String description,
    List<String> servers,
    List<TypeDef> types,
    List<OperationDef> operations,
    String source) {

  public ApiModel {
    servers = List.copyOf(servers);
    types = List.copyOf(types);
    operations = List.copyOf(operations);
  }

  public Optional<TypeDef> type(String name) {
    return types.stream().filter(t -> t.name().equals(name)).findFirst();
  }

  public Optional<OperationDef> operation(String id) {
    return operations.stream().filter(o -> o.id().equals(id)).findFirst();
  }
}
