package dev.providerapi.generator.model;

import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The one intermediate representation every reader (OpenAPI, GraphQL, CRD) produces and every emitter reads.
 * Transport-neutral: an operation is an HTTP binding or a GraphQL document. Lists are sorted by name so the
 * output does not depend on the order of the spec file.
 *
 * @param title the spec's title ({@code info.title}, or what the reader names the API by)
 * @param version the spec's version ({@code info.version})
 * @param description the spec's description, or null
 * @param servers the base URLs the spec declares, variables substituted; empty when none
 * @param types every named type
 * @param operations every operation
 * @param source the spec file as given (for generated headers and error messages)
 * @param serverTemplate the first server URL when it has variables ({@code https://api-{zone}.x.com}), else null;
 *     {@link #servers()} holds the URLs with each variable's default substituted
 * @param warnings what the reader accepted but the user should know (a duplicate operationId renamed, a base URL
 *     taken from elsewhere): one line each, naming the file and the place
 * @param derived the names of types the reader made up from where they appear (a GraphQL selection path, a
 *     CRD property path) rather than took from the spec, each with the spec-side name it stems from (the GraphQL
 *     type selected, the CRD property; empty when there is none): a structurally identical type may replace
 *     them, and a merged type may take that name; the naming pass ({@code dev.providerapi.generator.naming.TypeNames})
 *     also shortens CRD path names
 * @param auth how the API authenticates, read in the same parse as the rest
 */
public record ApiModel(
    String title,
    String version,
    @Nullable String description,
    List<String> servers,
    List<TypeDef> types,
    List<OperationDef> operations,
    String source,
    @Nullable ServerTemplate serverTemplate,
    List<String> warnings,
    java.util.Map<String, String> derived,
    AuthDef auth) {

  /**
   * Checks that {@code auth} is present and copies the lists.
   *
   * @param title the spec's title ({@code info.title}, or what the reader names the API by)
   * @param version the spec's version ({@code info.version})
   * @param description the spec's description, or null
   * @param servers the base URLs the spec declares, variables substituted; empty when none
   * @param types every named type
   * @param operations every operation
   * @param source the spec file as given (for generated headers and error messages)
   * @param serverTemplate the first server URL when it has variables ({@code https://api-{zone}.x.com}), else
   *     null; {@link #servers()} holds the URLs with each variable's default substituted
   * @param warnings what the reader accepted but the user should know (a duplicate operationId renamed, a base
   *     URL taken from elsewhere): one line each, naming the file and the place
   * @param derived the names of types the reader made up from where they appear (a GraphQL selection path, a
   *     CRD property path) rather than took from the spec, each with the spec-side name it stems from (the
   *     GraphQL type selected, the CRD property; empty when there is none): a structurally identical type may
   *     replace them, and a merged type may take that name; the naming pass ({@code
   *     dev.providerapi.generator.naming.TypeNames}) also shortens CRD path names
   * @param auth how the API authenticates, read in the same parse as the rest
   */
  public ApiModel {
    java.util.Objects.requireNonNull(auth, "auth");
    servers = List.copyOf(servers);
    types = List.copyOf(types);
    operations = List.copyOf(operations);
    warnings = List.copyOf(warnings);
    derived = java.util.Map.copyOf(derived);
  }

  /**
   * A model of an API without auth.
   *
   * @param title the spec's title
   * @param version the spec's version
   * @param description the spec's description, or null
   * @param servers the base URLs the spec declares
   * @param types every named type
   * @param operations every operation
   * @param source the spec file as given
   * @param serverTemplate the first server URL when it has variables, else null
   * @param warnings what the reader accepted but the user should know
   * @param derived the made-up type names, each with the spec-side name it stems from
   */
  public ApiModel(String title, String version, @Nullable String description, List<String> servers,
      List<TypeDef> types, List<OperationDef> operations, String source, @Nullable ServerTemplate serverTemplate,
      List<String> warnings, java.util.Map<String, String> derived) {
    this(title, version, description, servers, types, operations, source, serverTemplate, warnings, derived,
        AuthDef.none());
  }

  /**
   * A model whose every type name comes from the spec.
   *
   * @param title the spec's title
   * @param version the spec's version
   * @param description the spec's description, or null
   * @param servers the base URLs the spec declares
   * @param types every named type
   * @param operations every operation
   * @param source the spec file as given
   * @param serverTemplate the first server URL when it has variables, else null
   * @param warnings what the reader accepted but the user should know
   */
  public ApiModel(String title, String version, @Nullable String description, List<String> servers,
      List<TypeDef> types, List<OperationDef> operations, String source, @Nullable ServerTemplate serverTemplate,
      List<String> warnings) {
    this(title, version, description, servers, types, operations, source, serverTemplate, warnings,
        java.util.Map.of());
  }

  /**
   * A model without auth, server template, warnings or made-up type names.
   *
   * @param title the spec's title
   * @param version the spec's version
   * @param description the spec's description, or null
   * @param servers the base URLs the spec declares
   * @param types every named type
   * @param operations every operation
   * @param source the spec file as given
   */
  public ApiModel(String title, String version, @Nullable String description, List<String> servers,
      List<TypeDef> types, List<OperationDef> operations, String source) {
    this(title, version, description, servers, types, operations, source, null, List.of(), java.util.Map.of());
  }

  /**
   * The same model with {@code more} warnings after its own.
   *
   * @param more the warnings to add
   * @return a new model
   */
  public ApiModel withWarnings(List<String> more) {
    List<String> all = new java.util.ArrayList<>(warnings);
    all.addAll(more);
    return new ApiModel(title, version, description, servers, types, operations, source, serverTemplate, all,
        derived, auth);
  }

  /**
   * A server URL with {@code {variables}}.
   *
   * @param url as declared, braces and all
   * @param variables in the order the URL uses them
   */
  public record ServerTemplate(String url, List<ServerVariable> variables) {
    /**
     * Copies the variables.
     *
     * @param url as declared, braces and all
     * @param variables in the order the URL uses them
     */
    public ServerTemplate {
      variables = List.copyOf(variables);
    }
  }

  /**
   * A variable of the server URL template.
   *
   * @param name as in the template, without braces
 * @param description the variable's description, or null
   * @param defaultValue the declared default (substituted into {@link #servers()})
   * @param allowed the declared {@code enum}, empty when any value goes
   */
  public record ServerVariable(String name, String defaultValue, @Nullable String description, List<String> allowed) {
    /**
     * Copies the allowed values.
     *
     * @param name as in the template, without braces
     * @param defaultValue the declared default (substituted into {@link #servers()})
     * @param description the variable's description, or null
     * @param allowed the declared {@code enum}, empty when any value goes
     */
    public ServerVariable {
      allowed = List.copyOf(allowed);
    }
  }

  /**
   * The type named {@code name}.
   *
   * @param name the type's Java-ready name
   * @return the type, or empty when the model has none by that name
   */
  public Optional<TypeDef> type(String name) {
    return types.stream().filter(t -> t.name().equals(name)).findFirst();
  }

  /**
   * The operation with id {@code id}.
   *
   * @param id the operation's id
   * @return the operation, or empty when the model has none with that id
   */
  public Optional<OperationDef> operation(String id) {
    return operations.stream().filter(o -> o.id().equals(id)).findFirst();
  }
}
