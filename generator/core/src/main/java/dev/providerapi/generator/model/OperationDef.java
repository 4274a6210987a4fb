package dev.providerapi.generator.model;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One operation, transport-neutral. {@code javaName} is the client method name. {@code response} is the
 * decoded success type after unwrapping {@code responseEnvelope} (null: no body): a member name, or a JSON
 * pointer when it starts with {@code /} (a GraphQL operation's {@code /data/<root field>}). {@code idempotent}
 * comes from the HTTP method, {@code x-idempotent} in the spec, or the GraphQL operation kind (queries are,
 * mutations are not), and decides retry safety. A GraphQL operation has no params: its body is the variables
 * record, whose components become the client method's arguments.
 *
 * @param id the operation's id (OpenAPI operationId, GraphQL operation name)
 * @param javaName the client method's name
 * @param summary the spec's one-line summary, or null
 * @param description the spec's description, or null
 * @param transport how the operation is sent: HTTP method and path, or a GraphQL document
 * @param params path, query and header parameters
 * @param body the request body, or null when there is none
 * @param response the decoded success type, or null when there is no body
 * @param responseEnvelope the member or JSON pointer the response is unwrapped from, or null
 * @param successStatus the HTTP status of success
 * @param idempotent whether a retry is safe
 * @param deprecated whether the spec marks it deprecated
 * @param examples the spec's request and response examples
 */
public record OperationDef(
    String id,
    String javaName,
    @Nullable String summary,
    @Nullable String description,
    Transport transport,
    List<ParamDef> params,
    @Nullable BodyDef body,
    @Nullable TypeRef response,
    @Nullable String responseEnvelope,
    int successStatus,
    boolean idempotent,
    boolean deprecated,
    List<Example> examples) {

  /**
   * Copies the lists.
   *
   * @param id the operation's id (OpenAPI operationId, GraphQL operation name)
   * @param javaName the client method's name
   * @param summary the spec's one-line summary, or null
   * @param description the spec's description, or null
   * @param transport how the operation is sent: HTTP method and path, or a GraphQL document
   * @param params path, query and header parameters
   * @param body the request body, or null when there is none
   * @param response the decoded success type, or null when there is no body
   * @param responseEnvelope the member or JSON pointer the response is unwrapped from, or null
   * @param successStatus the HTTP status of success
   * @param idempotent whether a retry is safe
   * @param deprecated whether the spec marks it deprecated
   * @param examples the spec's request and response examples
   */
  public OperationDef {
    params = List.copyOf(params);
    examples = List.copyOf(examples);
  }

  /** How an operation is sent: an HTTP method and path, or a GraphQL document. */
  public sealed interface Transport {}

  /**
   * {@code path} as in the spec ({@code /api/v1/instances/{id}}).
   *
   * @param method the HTTP method, upper case
   * @param path the path as in the spec, with {@code {param}} placeholders
   */
  public record Http(String method, String path) implements Transport {}

  /**
   * A GraphQL document sent as {@code {query, variables}}.
   *
   * @param document the GraphQL document's text
   * @param operationName the operation's name in the document
   * @param kind query or mutation
   */
  public record GraphQl(String document, String operationName, OperationKind kind) implements Transport {}

  /** The kind of a GraphQL operation. */
  public enum OperationKind {
    /** A query: reads, safe to retry. */
    QUERY,
    /** A mutation: changes state, not retried blindly. */
    MUTATION
  }

  /**
   * A named example exchange: request body JSON and response body JSON (unwrapped or not, as on the wire),
   * from the spec's {@code example(s)} or {@code specs/<p>/fixtures/}.
   *
   * @param name the example's name
   * @param requestJson the request body, or null
   * @param responseJson the response body, or null
   * @param status the response's HTTP status
   */
  public record Example(String name, @Nullable String requestJson, @Nullable String responseJson, int status) {}
}
