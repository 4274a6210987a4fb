package dev.providerapi.cli;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Edits a YAML document as text, one node at a time, so that everything it does not touch (comments, layout,
 * quoting, key order) stays byte for byte. Nodes are found by JSON pointer ({@code #/components/schemas/X} or
 * {@code /spec/versions/0/...}); new values are written as one-line flow YAML (JSON syntax), which is valid in
 * block and flow context alike.
 */
final class YamlTextEditor {
  private String text;

  YamlTextEditor(String text) {
    this.text = text;
  }

  String text() {
    return text;
  }

  /** The node at {@code pointer}, or null when the document has no such node. */
  @Nullable Node find(String pointer) {
    Node node = root();
    for (String segment : segments(pointer)) {
      node = child(node, segment);
      if (node == null) {
        return null;
      }
    }
    return node;
  }

  boolean has(String pointer) {
    return find(pointer) != null;
  }

  /** Sets {@code key} of the mapping at {@code pointer} to {@code json}: replaces its value, or adds the entry. */
  void put(String pointer, String key, String json) {
    Node parent = find(pointer);
    if (!(parent instanceof MappingNode map)) {
      throw new IllegalStateException("no mapping at " + pointer);
    }
    for (NodeTuple t : map.getValue()) {
      if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) {
        Node v = t.getValueNode();
        splice(v.getStartMark().getIndex(), valueEnd(v), json);
        return;
      }
    }
    if (map.getFlowStyle() == org.yaml.snakeyaml.DumperOptions.FlowStyle.FLOW) {
      int close = map.getEndMark().getIndex() - 1; // the '}'
      String sep = map.getValue().isEmpty() ? "" : ", ";
      splice(close, close, sep + key + ": " + json);
      return;
    }
    if (map.getValue().isEmpty()) {
      throw new IllegalStateException("cannot add to the empty block mapping at " + pointer);
    }
    NodeTuple last = map.getValue().get(map.getValue().size() - 1);
    int column = map.getValue().get(0).getKeyNode().getStartMark().getColumn();
    int at = lineEnd(valueEnd(last.getValueNode()));
    insertLines(at, " ".repeat(column) + key + ": " + json + "\n");
  }

  /** Removes {@code key} from the mapping at {@code pointer}; false when it is not there. */
  boolean remove(String pointer, String key) {
    Node parent = find(pointer);
    if (!(parent instanceof MappingNode map)) {
      return false;
    }
    List<NodeTuple> entries = map.getValue();
    for (int i = 0; i < entries.size(); i++) {
      NodeTuple t = entries.get(i);
      if (!(t.getKeyNode() instanceof ScalarNode k) || !k.getValue().equals(key)) {
        continue;
      }
      int start = t.getKeyNode().getStartMark().getIndex();
      int end = valueEnd(t.getValueNode());
      if (map.getFlowStyle() == org.yaml.snakeyaml.DumperOptions.FlowStyle.FLOW) {
        removeFlowItem(start, end, entries.size(), i);
      } else {
        // Whole lines: from the key's line start to the end of the value's last line.
        splice(lineStart(start), lineEnd(end), "");
      }
      return true;
    }
    return false;
  }

  /** Appends a scalar (as JSON) to the sequence at {@code pointer}. */
  void append(String pointer, String json) {
    Node node = find(pointer);
    if (!(node instanceof SequenceNode seq)) {
      throw new IllegalStateException("no sequence at " + pointer);
    }
    if (seq.getFlowStyle() == org.yaml.snakeyaml.DumperOptions.FlowStyle.FLOW) {
      int close = seq.getEndMark().getIndex() - 1; // the ']'
      splice(close, close, (seq.getValue().isEmpty() ? "" : ", ") + json);
      return;
    }
    Node last = seq.getValue().get(seq.getValue().size() - 1);
    int dash = text.lastIndexOf('-', last.getStartMark().getIndex());
    int column = dash - lineStart(dash);
    int at = lineEnd(valueEnd(last));
    insertLines(at, " ".repeat(column) + "- " + json + "\n");
  }

  /** Removes the scalar {@code value} from the sequence at {@code pointer}; false when it is not there. */
  boolean removeItem(String pointer, String value) {
    Node node = find(pointer);
    if (!(node instanceof SequenceNode seq)) {
      return false;
    }
    List<Node> items = seq.getValue();
    for (int i = 0; i < items.size(); i++) {
      if (items.get(i) instanceof ScalarNode s && s.getValue().equals(value)) {
        int start = s.getStartMark().getIndex();
        int end = valueEnd(s);
        if (seq.getFlowStyle() == org.yaml.snakeyaml.DumperOptions.FlowStyle.FLOW) {
          removeFlowItem(start, end, items.size(), i);
        } else {
          splice(lineStart(start), lineEnd(end), "");
        }
        return true;
      }
    }
    return false;
  }

  /** The index of the item of the sequence at {@code pointer} whose mapping has {@code key: value}, or -1. */
  int indexWhere(String pointer, String key, String value) {
    Node node = find(pointer);
    if (node instanceof SequenceNode seq) {
      for (int i = 0; i < seq.getValue().size(); i++) {
        Node v = child(seq.getValue().get(i), key);
        if (v instanceof ScalarNode s && s.getValue().equals(value)) {
          return i;
        }
      }
    }
    return -1;
  }

  /** Removes item {@code index} of the sequence at {@code pointer}. */
  void removeIndex(String pointer, int index) {
    SequenceNode seq = (SequenceNode) find(pointer);
    Node item = seq.getValue().get(index);
    int start = item.getStartMark().getIndex();
    int end = valueEnd(item);
    if (seq.getFlowStyle() == org.yaml.snakeyaml.DumperOptions.FlowStyle.FLOW) {
      removeFlowItem(start, end, seq.getValue().size(), index);
    } else {
      splice(lineStart(text.lastIndexOf('-', start)), lineEnd(end), "");
    }
  }

  private void removeFlowItem(int start, int end, int size, int index) {
    if (size == 1) {
      splice(start, end, "");
    } else if (index < size - 1) {
      int next = end;
      while (next < text.length() && (text.charAt(next) == ',' || Character.isWhitespace(text.charAt(next)))) {
        next++;
      }
      splice(start, next, "");
    } else {
      int prev = start;
      while (prev > 0 && (text.charAt(prev - 1) == ',' || Character.isWhitespace(text.charAt(prev - 1)))) {
        prev--;
      }
      splice(prev, end, "");
    }
  }

  /** Where a value really ends: snakeyaml's end mark of a block node can run into the next line's indentation. */
  private int valueEnd(Node v) {
    int end = v.getEndMark().getIndex();
    while (end > v.getStartMark().getIndex() && Character.isWhitespace(text.charAt(end - 1))) {
      end--;
    }
    return end;
  }

  private int lineStart(int index) {
    return text.lastIndexOf('\n', index - 1) + 1;
  }

  /** Past the newline that ends the line holding {@code index} (or the end of the text). */
  private int lineEnd(int index) {
    int nl = text.indexOf('\n', index);
    return nl < 0 ? text.length() : nl + 1;
  }

  /** Inserts whole lines at a line start {@code at}, ending the last line first if the text has no final newline. */
  private void insertLines(int at, String lines) {
    splice(at, at, (at == text.length() && !text.isEmpty() && !text.endsWith("\n") ? "\n" : "") + lines);
  }

  private void splice(int start, int end, String replacement) {
    text = text.substring(0, start) + replacement + text.substring(end);
  }

  private Node root() {
    LoaderOptions options = new LoaderOptions();
    options.setCodePointLimit(Integer.MAX_VALUE);
    Node root = new Yaml(options).compose(new StringReader(text));
    if (root == null) {
      throw new IllegalStateException("empty YAML document");
    }
    return root;
  }

  private static @Nullable Node child(Node node, String segment) {
    if (node instanceof MappingNode map) {
      for (NodeTuple t : map.getValue()) {
        if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(segment)) {
          return t.getValueNode();
        }
      }
      return null;
    }
    if (node instanceof SequenceNode seq && segment.matches("\\d+")) {
      int i = Integer.parseInt(segment);
      return i < seq.getValue().size() ? seq.getValue().get(i) : null;
    }
    return null;
  }

  static List<String> segments(String pointer) {
    String p = pointer.startsWith("#") ? pointer.substring(1) : pointer;
    List<String> out = new ArrayList<>();
    if (p.isEmpty() || p.equals("/")) {
      return out;
    }
    for (String s : p.substring(1).split("/", -1)) {
      out.add(s.replace("~1", "/").replace("~0", "~"));
    }
    return out;
  }

  /** {@code base/segment} with the segment escaped as JSON pointers require. */
  static String child(String base, String segment) {
    return base + "/" + segment.replace("~", "~0").replace("/", "~1");
  }
}
