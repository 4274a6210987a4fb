package dev.providerapi.cli;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Small edits to the text of an OpenAPI spec that keep every other byte as it was (so a copy still diffs
 * cleanly against its upstream).
 */
final class SpecMarks {
  private SpecMarks() {}

  /**
   * Adds {@code x-idempotent: false} to the operation with this operationId: in YAML as a sibling line of its
   * {@code operationId:} line, in JSON as a member after it. Null when the operationId is not found exactly once
   * in a form this can edit (a flow-style YAML operation, say). The caller makes sure the operation does not
   * carry x-idempotent already.
   */
  static String notIdempotent(String spec, String operationId) {
    String quoted = Pattern.quote(operationId);
    Pattern json = Pattern.compile("\"operationId\"\\s*:\\s*\"" + quoted + "\"");
    Pattern yaml = Pattern.compile("(?m)^([ \\t]*)operationId:[ \\t]*([\"']?)" + quoted + "\\2[ \\t]*(#.*)?$");
    Matcher j = json.matcher(spec);
    if (j.find()) {
      int at = j.end();
      if (j.find()) {
        return null;
      }
      return spec.substring(0, at) + ", \"x-idempotent\": false" + spec.substring(at);
    }
    Matcher y = yaml.matcher(spec);
    if (!y.find()) {
      return null;
    }
    int lineEnd = y.end();
    String indent = y.group(1);
    if (y.find()) {
      return null;
    }
    return spec.substring(0, lineEnd) + "\n" + indent + "x-idempotent: false" + spec.substring(lineEnd);
  }
}
