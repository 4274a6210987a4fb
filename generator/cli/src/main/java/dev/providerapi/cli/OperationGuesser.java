package dev.providerapi.cli;

import dev.providerapi.generator.model.OperationDef;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Guesses which spec operation implements each of our operations from its HTTP method, path and operationId.
 * A guess is only a start for provider.yaml: {@code provider-api new} lists it with method and path so a
 * person confirms it, and lists what it could not find as a TODO.
 */
final class OperationGuesser {
  /** Our operations, in the order provider.yaml lists them. */
  static final List<String> OURS = List.of("offers", "list", "get", "launch", "terminate", "stop", "start", "restart");

  private static final String THING = "(instance|machine|server|pod|vm|node|deployment)";

  private record Rule(String ours, String method, boolean endsWithParam, Pattern id) {}

  private static final List<Rule> RULES = List.of(
      new Rule("offers", "GET", false, Pattern.compile(".*(offer|instance.?type|gpu.?type|availab|bundle|plan|market|sku).*")),
      new Rule("list", "GET", false, Pattern.compile("(list|get|search).*" + THING + ".*")),
      new Rule("get", "GET", true, Pattern.compile("(get|describe|show|retrieve|read).*" + THING + ".*")),
      new Rule("launch", "POST", false, Pattern.compile("(launch|create|deploy|run|start|provision|rent).*" + THING + ".*")),
      new Rule("terminate", "DELETE", true, Pattern.compile("(terminate|delete|destroy|remove).*" + THING + ".*")),
      new Rule("terminate", "POST", false, Pattern.compile("(terminate|destroy).*" + THING + ".*")),
      new Rule("stop", "POST", false, Pattern.compile("(stop|halt|shutdown|power.?off).*")),
      new Rule("start", "POST", false, Pattern.compile("(start|resume|power.?on)" + THING + ".*|start|resume.*")),
      new Rule("restart", "POST", false, Pattern.compile("(restart|reboot).*")));

  private OperationGuesser() {}

  /** Our operation -> the spec operation guessed for it; each spec operation is used at most once. */
  static Map<String, OperationDef> guess(List<OperationDef> operations) {
    Map<String, OperationDef> out = new LinkedHashMap<>();
    for (Rule rule : RULES) {
      if (out.containsKey(rule.ours())) {
        continue;
      }
      for (OperationDef op : operations) {
        if (!(op.transport() instanceof OperationDef.Http http) || out.containsValue(op)) {
          continue;
        }
        String id = op.id().toLowerCase(Locale.ROOT);
        boolean endsWithParam = http.path().endsWith("}");
        if (http.method().equalsIgnoreCase(rule.method()) && rule.id().matcher(id).matches()
            && (!rule.endsWithParam() || endsWithParam)
            && !(rule.ours().equals("list") && endsWithParam)) {
          out.put(rule.ours(), op);
          break;
        }
      }
    }
    Map<String, OperationDef> ordered = new LinkedHashMap<>();
    for (String ours : OURS) {
      if (out.containsKey(ours)) {
        ordered.put(ours, out.get(ours));
      }
    }
    return ordered;
  }
}
