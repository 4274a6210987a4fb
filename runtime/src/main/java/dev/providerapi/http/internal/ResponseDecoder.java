package dev.providerapi.http.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.providerapi.errors.ErrorDetails;
import dev.providerapi.errors.MissingPayloadException;
import dev.providerapi.errors.UnexpectedResponseException;
import dev.providerapi.http.Operation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * Success body -> value: Void is null, an empty body where a type is declared is a MissingPayloadException, the response envelope is unwrapped, and a body that does not
 * fit the type is an UnexpectedResponseException naming Jackson's problem and where it was, never the body.
 */
public final class ResponseDecoder {
  private final String provider;
  private final ObjectMapper mapper;
  private final Redactor redactor;

  public ResponseDecoder(String provider, ObjectMapper mapper, Redactor redactor) {
    this.provider = provider;
    this.mapper = mapper;
    this.redactor = redactor;
  }

  @SuppressWarnings("unchecked")
  public <T> @Nullable T decode(Operation operation, HttpResult result, JavaType type) {
    Class<?> raw = type.getRawClass();
    if (raw == Void.class || raw == void.class) {
      return null;
    }
    byte[] body = result.body();
    if (isBlank(body)) {
      if (result.status() == 204 || result.status() == 205) {
        return null; // the server said there is no content
      }
      throw new MissingPayloadException(new ErrorDetails(provider, operation.id(), result.status(), null,
          "the success answer has an empty body where a " + raw.getSimpleName() + " was expected", null, false,
          null), null);
    }
    if (operation.responseEnvelope() == null) {
      if (raw == byte[].class) {
        return (T) body;
      }
      if (raw == String.class && !looksLikeJsonString(body)) {
        return (T) new String(body, StandardCharsets.UTF_8);
      }
    }
    if (operation.responseEnvelope() == null) {
      return bindDirectly(operation, result, type, raw, body);
    }
    JsonNode node;
    try {
      node = mapper.readTree(body);
    } catch (IOException e) {
      throw failure(operation, result, "body is not valid JSON (" + problem(e) + ")", e);
    }
    if (operation.responseEnvelope() != null) {
      JsonNode inner = unwrap(operation.responseEnvelope(), node);
      if (inner.isMissingNode()) {
        throw failure(operation, result, "response has no '" + operation.responseEnvelope()
            + "' member to unwrap", null);
      }
      node = inner;
    }
    if (node.isNull()) {
      return null;
    }
    if (operation.responseEnvelope() == null && node.isObject() && node.isEmpty() && expectsMembers(raw)) {
      // A bare '{}' where a typed answer is declared says nothing: reading it as a record of nulls made adapters
      // report a live instance as gone or fail with NullPointerException. (An empty object inside an envelope,
      // such as Lambda's {"data": {}} after a delete, is an answer.)
      throw new MissingPayloadException(new ErrorDetails(provider, operation.id(), result.status(), null,
          "the success answer is an empty object where a " + raw.getSimpleName() + " was expected", null, false,
          null), null);
    }
    try {
      return mapper.readerFor(type).readValue(node);
    } catch (IOException e) {
      throw failure(operation, result, "cannot decode the body as " + type.toCanonical() + " (" + problem(e) + ")", e);
    }
  }

  /**
   * Without an envelope the body is bound in one pass from its bytes, not read into a tree first: a 10,000-offer
   * Vast search decodes about twice as fast (bench/run-broker.sh). The outcomes are the tree path's: JSON null is
   * null, a bare {@code {}} for a model is a MissingPayloadException, bad JSON and a body that does not fit the type
   * are UnexpectedResponseExceptions with the same messages, and content after the first value is ignored.
   */
  private <T> @Nullable T bindDirectly(Operation operation, HttpResult result, JavaType type, Class<?> raw,
      byte[] body) {
    if (expectsMembers(raw) && isEmptyObject(body)) {
      throw new MissingPayloadException(new ErrorDetails(provider, operation.id(), result.status(), null,
          "the success answer is an empty object where a " + raw.getSimpleName() + " was expected", null, false,
          null), null);
    }
    try {
      T value = mapper.readerFor(type).readValue(body);
      return value instanceof JsonNode n && n.isNull() ? null : value;
    } catch (com.fasterxml.jackson.core.exc.StreamReadException e) {
      throw failure(operation, result, "body is not valid JSON (" + problem(e) + ")", e);
    } catch (IOException e) {
      if (e.getCause() instanceof com.fasterxml.jackson.core.exc.StreamReadException syntax) {
        throw failure(operation, result, "body is not valid JSON (" + problem(syntax) + ")", e);
      }
      throw failure(operation, result, "cannot decode the body as " + type.toCanonical() + " (" + problem(e) + ")", e);
    }
  }

  /** {@code {}} with any whitespace around or inside. */
  private static boolean isEmptyObject(byte[] body) {
    int i = 0;
    int n = body.length;
    while (i < n && isSpace(body[i])) {
      i++;
    }
    if (i == n || body[i] != '{') {
      return false;
    }
    i++;
    while (i < n && isSpace(body[i])) {
      i++;
    }
    if (i == n || body[i] != '}') {
      return false;
    }
    i++;
    while (i < n && isSpace(body[i])) {
      i++;
    }
    return i == n;
  }

  private static boolean isSpace(byte b) {
    return b == ' ' || b == '\n' || b == '\r' || b == '\t';
  }

  /** The member an envelope names: a JSON pointer ({@code /data/pod}) or a top-level name ({@code data}). */
  static JsonNode unwrap(String envelope, JsonNode body) {
    return envelope.startsWith("/") ? body.at(envelope) : body.path(envelope);
  }

  /** A declared model type, not a free-form tree or map that may legitimately be empty. */
  private static boolean expectsMembers(Class<?> raw) {
    return !(JsonNode.class.isAssignableFrom(raw) || java.util.Map.class.isAssignableFrom(raw)
        || raw == Object.class || java.util.Collection.class.isAssignableFrom(raw));
  }

  private static boolean isBlank(byte[] body) {
    for (byte b : body) {
      if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
        return false;
      }
    }
    return true;
  }

  private static boolean looksLikeJsonString(byte[] body) {
    String s = new String(body, StandardCharsets.UTF_8).trim();
    return s.startsWith("\"") && s.endsWith("\"");
  }

  private String problem(IOException e) {
    String msg = e instanceof JsonProcessingException jpe ? jpe.getOriginalMessage() : e.getMessage();
    if (e instanceof JsonMappingException jme && !jme.getPath().isEmpty()) {
      msg = msg + " at " + jme.getPathReference();
    }
    return ErrorMapper.truncate(redactor.redact(msg));
  }

  private UnexpectedResponseException failure(Operation operation, HttpResult result, String message,
      @Nullable Throwable cause) {
    // The cause is dropped on purpose: Jackson's own message quotes the body, which may hold secrets.
    return new UnexpectedResponseException(new ErrorDetails(provider, operation.id(), result.status(), null,
        message, null, false, null), null);
  }
}
