package dev.providerapi.cli;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Adds entries to a single-module project's pom.xml as text, keeping everything else as it was written
 * (formatting, comments, order): a DOM round trip would rewrite the whole file. Each insertion goes before the
 * closing tag of its section; a missing section is made at the end of its parent.
 */
final class PomEditor {
  private static final Pattern TAG = Pattern.compile("<!--.*?-->|<!\\[CDATA\\[.*?]]>|<\\?.*?\\?>|<(/?)([A-Za-z][\\w.:-]*)[^>]*?(/?)>",
      Pattern.DOTALL);

  private String text;

  PomEditor(String text) {
    this.text = text;
  }

  String text() {
    return text;
  }

  /** Whether the project-level section at {@code path} ("project/dependencies") mentions {@code needle}. */
  boolean sectionContains(String path, String needle) {
    int[] span = spans().get(path);
    return span != null && text.substring(span[0], span[1]).contains(needle);
  }

  /**
   * Inserts {@code xml} (one or more lines, unindented) at the end of the section {@code path}
   * ("project/build/plugins"), indented for its depth; a missing section (and missing parents) is made at the
   * end of its parent.
   */
  void append(String path, String xml) {
    int[] span = spans().get(path);
    if (span == null) {
      int slash = path.lastIndexOf('/');
      if (slash < 0) {
        throw new UserInputException("pom.xml has no <" + path + "> element");
      }
      String name = path.substring(slash + 1);
      append(path.substring(0, slash), "<" + name + ">\n" + indent(xml, 1) + "</" + name + ">\n");
      return;
    }
    int depth = path.split("/").length;
    int close = span[1];
    int lineStart = text.lastIndexOf('\n', close - 1) + 1;
    if (lineStart > span[0] && text.substring(lineStart, close).isBlank()) {
      text = text.substring(0, lineStart) + indent(xml, depth) + text.substring(lineStart);
    } else {
      text = text.substring(0, close) + "\n" + indent(xml, depth) + "  ".repeat(depth - 1) + text.substring(close);
    }
  }

  /** Each line of {@code xml} indented by {@code depth} levels of two spaces, each ending in a newline. */
  private static String indent(String xml, int depth) {
    StringBuilder sb = new StringBuilder();
    for (String line : xml.strip().split("\n")) {
      sb.append(line.isBlank() ? "" : "  ".repeat(depth) + line).append('\n');
    }
    return sb.toString();
  }

  /** Element path ("project/build/plugins") -> [start of its content, start of its closing tag], first occurrence. */
  private Map<String, int[]> spans() {
    Map<String, int[]> out = new HashMap<>();
    Deque<String> stack = new ArrayDeque<>();
    Deque<Integer> starts = new ArrayDeque<>();
    Matcher m = TAG.matcher(text);
    while (m.find()) {
      if (m.group(2) == null || !m.group(3).isEmpty()) {
        continue; // comment, CDATA, declaration, or an empty element
      }
      if (m.group(1).isEmpty()) {
        stack.push(m.group(2));
        starts.push(m.end());
      } else if (!stack.isEmpty()) {
        String path = String.join("/", (Iterable<String>) () -> stack.descendingIterator());
        out.putIfAbsent(path, new int[] {starts.pop(), m.start()});
        stack.pop();
      }
    }
    return out;
  }
}
