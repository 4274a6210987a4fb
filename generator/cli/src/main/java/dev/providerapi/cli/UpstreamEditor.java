package dev.providerapi.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Records {@code spec.upstream.source/version} in the text of a provider.yaml, keeping every other line (and
 * its comments) as it was. A one-line flow mapping ({@code spec: {kind: openapi, file: x}}) becomes a block.
 */
final class UpstreamEditor {
  private static final Pattern SPEC_LINE = Pattern.compile("^spec:\\s*(\\{.*})?\\s*(#.*)?$");

  private UpstreamEditor() {}

  static String record(String yaml, String source, String version) {
    List<String> lines = new ArrayList<>(List.of(yaml.split("\n", -1)));
    int at = -1;
    Matcher m = null;
    for (int i = 0; i < lines.size(); i++) {
      Matcher candidate = SPEC_LINE.matcher(lines.get(i));
      if (candidate.matches()) {
        at = i;
        m = candidate;
        break;
      }
    }
    if (at < 0) {
      throw new UserInputException("provider.yaml has no top-level 'spec:' line to record the upstream under");
    }
    if (m.group(1) != null) {
      lines.remove(at);
      List<String> block = new ArrayList<>(List.of("spec:"));
      JsonNode flow = parse(m.group(1));
      for (Iterator<Map.Entry<String, JsonNode>> it = flow.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        if (!e.getKey().equals("upstream")) {
          block.add("  " + e.getKey() + ": " + quote(e.getValue().asText()));
        }
      }
      block.addAll(upstream("  ", source, version));
      lines.addAll(at, block);
      return String.join("\n", lines);
    }
    // Block style: the children are the indented lines below; replace an existing upstream child.
    int end = at + 1;
    String indent = null;
    int lastContent = at;
    while (end < lines.size() && (lines.get(end).isBlank() || Character.isWhitespace(lines.get(end).charAt(0)))) {
      String line = lines.get(end);
      if (!line.isBlank()) {
        if (indent == null) {
          indent = line.substring(0, line.length() - line.stripLeading().length());
        }
        lastContent = end;
      }
      end++;
    }
    if (indent == null) {
      throw new UserInputException("provider.yaml: 'spec:' has no entries (expected kind and file)");
    }
    for (int i = at + 1; i <= lastContent; i++) {
      if (lines.get(i).startsWith(indent + "upstream:")) {
        int j = i + 1;
        while (j <= lastContent && (lines.get(j).isBlank() || indentOf(lines.get(j)) > indent.length())) {
          j++;
        }
        lines.subList(i, j).clear();
        lastContent -= j - i;
        break;
      }
    }
    lines.addAll(lastContent + 1, upstream(indent, source, version));
    return String.join("\n", lines);
  }

  private static List<String> upstream(String indent, String source, String version) {
    return List.of(indent + "upstream:", indent + indent + "source: " + quote(source),
        indent + indent + "version: " + quote(version));
  }

  private static int indentOf(String line) {
    return line.length() - line.stripLeading().length();
  }

  /** A double-quoted YAML scalar (JSON string syntax is valid YAML). */
  private static String quote(String value) {
    try {
      return new ObjectMapper().writeValueAsString(value);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static JsonNode parse(String flow) {
    try {
      return new ObjectMapper(new YAMLFactory()).readTree(flow);
    } catch (IOException e) {
      throw new UserInputException("provider.yaml: cannot read 'spec: " + flow + "': " + e.getMessage());
    }
  }
}
