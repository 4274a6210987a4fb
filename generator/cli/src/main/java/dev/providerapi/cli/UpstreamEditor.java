package dev.providerapi.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Records {@code spec.upstream} ({@code source}, {@code version}, {@code sha256}, {@code snapshot}) in the text of
 * a provider.yaml. Only the values that change are rewritten, in place: every other byte (comments, quoting, flow
 * or block style, order) stays as it was. A value is written plain when YAML reads it back as the same string,
 * else double-quoted.
 */
final class UpstreamEditor {
  private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_./:+@=-]*");
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final ObjectMapper JSON = new ObjectMapper();

  /** What provider.yaml says about the upstream file our spec follows. */
  record Upstream(String source, String version, String sha256, String snapshot) {
    Map<String, String> entries() {
      Map<String, String> m = new LinkedHashMap<>();
      m.put("source", source);
      m.put("version", version);
      m.put("sha256", sha256);
      m.put("snapshot", snapshot);
      return m;
    }
  }

  private UpstreamEditor() {}

  static String record(String yaml, Upstream upstream) {
    YamlTextEditor editor = new YamlTextEditor(yaml);
    if (!(editor.find("/spec") instanceof MappingNode)) {
      throw new UserInputException("provider.yaml has no 'spec:' mapping to record the upstream under");
    }
    Node existing = editor.find("/spec/upstream");
    if (!(existing instanceof MappingNode current)) {
      StringBuilder flow = new StringBuilder("{");
      upstream.entries().forEach((k, v) -> flow.append(flow.length() == 1 ? "" : ", ").append(k).append(": ")
          .append(scalar(v)));
      editor.put("/spec", "upstream", flow.append('}').toString());
      return editor.text();
    }
    Map<String, String> now = new LinkedHashMap<>();
    for (NodeTuple t : current.getValue()) {
      if (t.getKeyNode() instanceof ScalarNode k && t.getValueNode() instanceof ScalarNode v) {
        now.put(k.getValue(), v.getValue());
      }
    }
    for (Map.Entry<String, String> e : upstream.entries().entrySet()) {
      if (!e.getValue().equals(now.get(e.getKey()))) {
        editor.put("/spec/upstream", e.getKey(), scalar(e.getValue()));
      }
    }
    return editor.text();
  }

  /** {@code 1.8.4} stays plain; {@code 1.0}, {@code "2"}, {@code yes} or text with {@code ": "} are quoted. */
  static String scalar(String value) {
    try {
      if (PLAIN.matcher(value).matches()) {
        JsonNode back = YAML.readTree("v: " + value).get("v");
        if (back != null && back.isTextual() && back.asText().equals(value)) {
          return value;
        }
      }
      return JSON.writeValueAsString(value);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
