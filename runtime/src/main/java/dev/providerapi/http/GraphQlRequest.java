package dev.providerapi.http;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The body of a GraphQL call, {@code {"query", "operationName", "variables"}}, sent as an {@link ApiRequest} body
 * (POST, JSON). Values travel only in {@code variables}, never spliced into the document text, so no input can
 * change what the query asks for.
 *
 * @param query the operation document, as the generated client holds it
 * @param operationName the operation to run in the document
 * @param variables a record or map of the operation's variables; null when it declares none
 */
public record GraphQlRequest(String query, String operationName, @Nullable Object variables) {
  /**
   * Checks the document and the operation name.
   *
   * @param query the operation document
   * @param operationName the operation to run
   * @param variables the variables, or null
   * @throws NullPointerException if {@code query} or {@code operationName} is null
   */
  public GraphQlRequest {
    Objects.requireNonNull(query, "query");
    Objects.requireNonNull(operationName, "operationName");
  }
}
