package dev.providerapi.http.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.providerapi.descriptor.ErrorFormat;
import dev.providerapi.descriptor.ErrorRule;
import dev.providerapi.errors.ErrorDetails;
import dev.providerapi.errors.ErrorKind;
import dev.providerapi.errors.ProviderException;
import dev.providerapi.http.Operation;
import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a failed response (or a network failure) into a typed {@link ProviderException}, following the
 * provider's declared {@link ErrorFormat}: code and message from JSON pointers, request id from headers, the
 * first matching {@link ErrorRule}, else defaults by HTTP status.
 *
 * <p>Retry safety is decided here once: an idempotent operation may be retried on 429/502/503/504, network
 * failures and rules marked retryable; a non-idempotent one only when the failure proves nothing was applied
 * (429, connection refused).
 *
 * <p>An error hidden in a 2xx body ({@code okErrorPointer}) with no matching rule maps to INVALID_REQUEST:
 * the provider understood the call and refused it in its own well-formed way (GraphQL {@code errors[]},
 * TensorDock {@code success: false}); UNEXPECTED_RESPONSE is kept for bodies we cannot read.
 */
public final class ErrorMapper {
  private static final Logger LOG = LoggerFactory.getLogger(ErrorMapper.class);
  static final int MAX_MESSAGE = 500;
  /** Error bodies are small; a larger one is cut rather than kept whole in every exception. */
  static final int MAX_BODY = 64 * 1024;
  private static final Set<Integer> RETRYABLE_STATUSES = Set.of(429, 502, 503, 504);
  private static final List<String> FALLBACK_MESSAGE_POINTERS = List.of("/message", "/error", "/msg", "/detail",
      "/error/message", "/errors/0/message");
  private static final List<String> REQUEST_ID_HEADERS = List.of("X-Request-Id", "Request-Id", "X-Amzn-RequestId",
      "CF-Ray");

  private final String provider;
  private final ErrorFormat format;
  private final ObjectMapper mapper;
  private final Redactor redactor;
  private final Clock clock;

  public ErrorMapper(String provider, ErrorFormat format, ObjectMapper mapper, Redactor redactor, Clock clock) {
    this.provider = provider;
    this.format = format;
    this.mapper = mapper;
    this.redactor = redactor;
    this.clock = clock;
  }

  /** The error this response carries, or empty for a real success. */
  public Optional<ProviderException> map(Operation operation, HttpResult result) {
    JsonNode body = parse(result.body());
    if (result.isSuccessful()) {
      return okError(operation, result, body);
    }
    int status = result.status();
    String code = text(body, format.codePointer());
    String message = message(body, result);
    Duration retryAfter = RetryAfter.parse(result.header("Retry-After"), clock).orElse(null);
    ErrorRule rule = firstRule(status, code, message);
    ErrorKind kind = rule != null ? rule.kind() : defaultKind(status);
    boolean retryable = retryable(operation, status, rule);
    ErrorDetails details = new ErrorDetails(provider, operation.id(), status, redactor.redact(code), message,
        requestId(result), retryable, retryAfter, responseBody(result));
    return Optional.of(ProviderException.of(kind, details, null));
  }

  /** A failure with no response at all. */
  public ProviderException mapNetworkFailure(Operation operation, IOException failure) {
    boolean notSent = NotSentProof.provesNotSent(failure);
    boolean retryable = operation.idempotent() || notSent;
    String what = failure instanceof HttpTimeoutException ? "timed out" : notSent ? "connection failed" : "network error";
    String detail = failure.getMessage() == null ? failure.getClass().getSimpleName()
        : failure.getClass().getSimpleName() + ": " + failure.getMessage();
    String message = truncate(redactor.redact(what + " (" + detail + ")"
        + (notSent ? "; the request was not sent" : operation.idempotent() ? "" : "; the request may have been applied")));
    ErrorDetails details = new ErrorDetails(provider, operation.id(), 0, null, message, null, retryable, null);
    return ProviderException.of(ErrorKind.PROVIDER_UNAVAILABLE, details, failure);
  }

  private Optional<ProviderException> okError(Operation operation, HttpResult result, @Nullable JsonNode body) {
    String pointer = format.okErrorPointer();
    if (pointer == null || body == null) {
      return Optional.empty();
    }
    JsonNode node = body.at(pointer);
    boolean isError;
    if (format.okErrorEquals() != null) {
      isError = !node.isMissingNode() && !node.isNull() && format.okErrorEquals().equals(node.asText());
    } else {
      isError = !node.isMissingNode() && !node.isNull()
          && !(node.isContainerNode() && node.isEmpty())
          && !(node.isTextual() && node.asText().isEmpty())
          && !(node.isBoolean() && !node.asBoolean());
    }
    if (!isError) {
      return Optional.empty();
    }
    String code = text(body, format.codePointer());
    String message = message(body, result);
    if (message == null && node.isArray() && node.size() > 0) {
      message = truncate(redactor.redact(node.get(0).path("message").asText(null)));
    }
    if (appliedDespiteError(operation, body)) {
      // A non-idempotent call (a create) whose answer carries its result as well as errors was applied:
      // reporting it as failed would leave a billed instance the caller never hears of.
      LOG.warn("{} {}: the answer carries a result and errors ({}{}); the result is taken, the call was applied",
          provider, operation.id(), code == null ? "" : code + ": ", message);
      return Optional.empty();
    }
    ErrorRule rule = firstRule(result.status(), code, message);
    ErrorKind kind = rule != null ? rule.kind() : ErrorKind.INVALID_REQUEST;
    boolean retryable = rule != null && Boolean.TRUE.equals(rule.retryable()) && operation.idempotent();
    ErrorDetails details = new ErrorDetails(provider, operation.id(), result.status(), redactor.redact(code), message,
        requestId(result), retryable, null, responseBody(result));
    return Optional.of(ProviderException.of(kind, details, null));
  }

  private static boolean appliedDespiteError(Operation operation, JsonNode body) {
    String envelope = operation.responseEnvelope();
    if (operation.idempotent() || envelope == null) {
      return false;
    }
    JsonNode result = ResponseDecoder.unwrap(envelope, body);
    return !result.isMissingNode() && !result.isNull();
  }

  private @Nullable ErrorRule firstRule(int status, @Nullable String code, @Nullable String message) {
    for (ErrorRule r : format.rules()) {
      if (r.matches(status, code, message)) {
        return r;
      }
    }
    return null;
  }

  static ErrorKind defaultKind(int status) {
    return switch (status) {
      case 401, 403 -> ErrorKind.AUTHENTICATION;
      case 404, 410 -> ErrorKind.NOT_FOUND;
      case 409 -> ErrorKind.CONFLICT;
      case 400, 422 -> ErrorKind.INVALID_REQUEST;
      case 429 -> ErrorKind.RATE_LIMITED;
      case 402 -> ErrorKind.QUOTA_EXCEEDED;
      default -> status >= 500 && status < 600 ? ErrorKind.PROVIDER_UNAVAILABLE : ErrorKind.UNEXPECTED_RESPONSE;
    };
  }

  private static boolean retryable(Operation operation, int status, @Nullable ErrorRule rule) {
    if (status == 429) {
      // A 429 proves the provider turned the call away before acting on it.
      return rule == null || !Boolean.FALSE.equals(rule.retryable());
    }
    if (!operation.idempotent()) {
      return false;
    }
    if (rule != null && rule.retryable() != null) {
      return rule.retryable();
    }
    return RETRYABLE_STATUSES.contains(status);
  }

  private @Nullable String message(@Nullable JsonNode body, HttpResult result) {
    if (body == null) {
      String text = result.bodyText().trim();
      return text.isEmpty() ? null : truncate(redactor.redact(text));
    }
    if (!body.isContainerNode()) {
      String text = body.asText().trim();
      return text.isEmpty() ? null : truncate(redactor.redact(text));
    }
    String m = text(body, format.messagePointer());
    if (m == null) {
      for (String p : FALLBACK_MESSAGE_POINTERS) {
        m = text(body, p);
        if (m != null) {
          break;
        }
      }
    }
    return m == null ? null : truncate(redactor.redact(m));
  }

  /** The text at {@code pointer} when it is a scalar (an object, e.g. {@code /error} in Lambda, is skipped). */
  private static @Nullable String text(@Nullable JsonNode body, @Nullable String pointer) {
    if (body == null || pointer == null || pointer.isEmpty()) {
      return null;
    }
    JsonNode n = body.at(pointer);
    if (n.isMissingNode() || n.isNull() || n.isContainerNode()) {
      return null;
    }
    String t = n.asText().trim();
    return t.isEmpty() ? null : t;
  }

  private @Nullable String responseBody(HttpResult result) {
    String text = result.bodyText();
    if (text == null || text.isBlank()) {
      return null;
    }
    String capped = text.length() <= MAX_BODY ? text : text.substring(0, MAX_BODY);
    return redactor.redact(capped);
  }

  private @Nullable String requestId(HttpResult result) {
    if (format.requestIdHeader() != null) {
      String v = result.header(format.requestIdHeader());
      if (v != null) {
        return v;
      }
    }
    for (String h : REQUEST_ID_HEADERS) {
      String v = result.header(h);
      if (v != null) {
        return v;
      }
    }
    return null;
  }

  private @Nullable JsonNode parse(byte[] body) {
    if (body.length == 0) {
      return null;
    }
    try {
      return mapper.readTree(body);
    } catch (IOException e) {
      return null;
    }
  }

  static @Nullable String truncate(@Nullable String s) {
    if (s == null) {
      return null;
    }
    String t = s.trim();
    return t.length() <= MAX_MESSAGE ? t : t.substring(0, MAX_MESSAGE) + "...";
  }
}
