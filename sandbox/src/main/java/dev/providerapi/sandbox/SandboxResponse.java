package dev.providerapi.sandbox;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a fake answers: status, headers, body bytes.
 *
 * @param status the HTTP status
 * @param headers the headers to send, name to value
 * @param body the body's bytes
 */
public record SandboxResponse(int status, Map<String, String> headers, byte[] body) {

  /**
   * A JSON answer.
   *
   * @param status the HTTP status
   * @param json the body, sent as UTF-8
   * @return the answer with {@code Content-Type: application/json}
   */
  public static SandboxResponse json(int status, String json) {
    Map<String, String> h = new LinkedHashMap<>();
    h.put("Content-Type", "application/json");
    return new SandboxResponse(status, h, json.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * An HTML answer.
   *
   * @param status the HTTP status
   * @param html the body, sent as UTF-8
   * @return the answer with {@code Content-Type: text/html; charset=utf-8}
   */
  public static SandboxResponse html(int status, String html) {
    Map<String, String> h = new LinkedHashMap<>();
    h.put("Content-Type", "text/html; charset=utf-8");
    return new SandboxResponse(status, h, html.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * This answer with one header added or replaced.
   *
   * @param name the header's name
   * @param value its value
   * @return a new answer; this one is unchanged
   */
  public SandboxResponse withHeader(String name, String value) {
    Map<String, String> h = new LinkedHashMap<>(headers);
    h.put(name, value);
    return new SandboxResponse(status, h, body);
  }

  /**
   * This answer's headers with another status and body.
   *
   * @param status the HTTP status
   * @param body the body's bytes
   * @return a new answer; this one is unchanged
   */
  public SandboxResponse withBody(int status, byte[] body) {
    return new SandboxResponse(status, headers, body);
  }

  /**
   * The body as text.
   *
   * @return the body decoded as UTF-8
   */
  public String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }

  /**
   * Whether the status is a success.
   *
   * @return true for a 2xx status
   */
  public boolean ok() {
    return status >= 200 && status < 300;
  }
}
