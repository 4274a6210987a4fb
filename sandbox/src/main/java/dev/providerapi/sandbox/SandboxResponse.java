package dev.providerapi.sandbox;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** What a fake answers: status, headers, body bytes. */
public record SandboxResponse(int status, Map<String, String> headers, byte[] body) {

  public static SandboxResponse json(int status, String json) {
    Map<String, String> h = new LinkedHashMap<>();
    h.put("Content-Type", "application/json");
    return new SandboxResponse(status, h, json.getBytes(StandardCharsets.UTF_8));
  }

  public static SandboxResponse html(int status, String html) {
    Map<String, String> h = new LinkedHashMap<>();
    h.put("Content-Type", "text/html; charset=utf-8");
    return new SandboxResponse(status, h, html.getBytes(StandardCharsets.UTF_8));
  }

  public SandboxResponse withHeader(String name, String value) {
    Map<String, String> h = new LinkedHashMap<>(headers);
    h.put(name, value);
    return new SandboxResponse(status, h, body);
  }

  public SandboxResponse withBody(int status, byte[] body) {
    return new SandboxResponse(status, headers, body);
  }

  public String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }

  public boolean ok() {
    return status >= 200 && status < 300;
  }
}
