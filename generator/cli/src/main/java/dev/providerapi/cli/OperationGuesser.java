package dev.providerapi.cli;

import dev.providerapi.generator.model.ApiModel;
import dev.providerapi.generator.model.OperationDef;
import dev.providerapi.generator.model.ParamDef;
import dev.providerapi.generator.model.RecordDef;
import dev.providerapi.generator.model.TypeRef;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Guesses which spec operation implements each of our operations, by resource and CRUD shape rather than by
 * operationId alone (a real spec has hundreds of operations: clusters, node groups, volumes, name checks...).
 *
 * <p>Each HTTP operation's path is read as a collection plus a shape: {@code GET /core/virtual-machines} is a
 * collection read, {@code GET /core/virtual-machines/{vm_id}} an item, {@code GET
 * /core/virtual-machines/{vm_id}/stop} an action {@code stop} on an item. Collections are ranked by their
 * resource name (instance, vm, virtual-machine, machine, server, pod; node and deployment count less), by how
 * much of list/get/create/delete they offer, and down for unrelated resources (kubernetes, cluster, node-group,
 * volume, name-availability, billing...) and for nesting under another resource's id. The best collection is
 * the instance collection; each of our operations then takes the best-scoring operation of the right shape,
 * preferring that collection (stop, start and restart must act on the same resource). Offers rank resource
 * names like flavors, instance-types, offers, gpu-types, gpus.
 *
 * <p>A guess is only a start for provider.yaml: {@code provider-api new} lists each with method and path and its
 * runners-up, and warns about GETs that change state (a stop, start or reboot behind GET must never be
 * retried blindly).
 */
final class OperationGuesser {
  /** Our operations, in the order provider.yaml lists them. */
  static final List<String> OURS = List.of("offers", "list", "get", "launch", "terminate", "stop", "start", "restart");

  /** Our operations that change state: bound to a GET they are marked non-idempotent. */
  static final Set<String> STATE_CHANGING = Set.of("launch", "terminate", "stop", "start", "restart");

  /** How many runners-up the TODO lists per operation. */
  static final int RUNNERS_UP = 3;

  private static final Map<String, Integer> INSTANCE_RESOURCES = Map.of(
      "instance", 10, "vm", 10, "virtualmachine", 10, "machine", 10, "server", 10, "pod", 10,
      "node", 3, "deployment", 3, "container", 3, "worker", 3);

  /** Offer-like resource names, strongest first. */
  private static final Map<String, Integer> OFFER_RESOURCES = Map.ofEntries(
      Map.entry("flavor", 10), Map.entry("instancetype", 10), Map.entry("offer", 10), Map.entry("machinetype", 9),
      Map.entry("gputype", 9), Map.entry("gpu", 6), Map.entry("plan", 5), Map.entry("bundle", 5),
      Map.entry("sku", 5), Map.entry("size", 4), Map.entry("market", 4), Map.entry("pricing", 3),
      Map.entry("price", 3), Map.entry("stock", 2), Map.entry("availability", 2));

  /** Words naming resources that are not instances (nor offers of them). */
  private static final List<String> UNRELATED = List.of("kubernetes", "k8s", "cluster", "nodegroup", "nodepool",
      "volume", "nameavailability", "namecheck", "snapshot", "firewall", "billing", "history", "image", "template",
      "keypair", "sshkey", "apikey", "callback", "bucket", "log", "metric", "event", "console", "label", "sgrule",
      "quota", "contract", "invite", "role", "permission", "organization", "compliance", "voucher", "payment",
      "storage", "network", "floatingip", "secret", "registry", "endpoint", "job", "team", "user");

  /** Last path segments that are verbs: the call is an action on what precedes them. */
  private static final Map<String, String> ACTION_VERBS = Map.ofEntries(
      Map.entry("stop", "stop"), Map.entry("halt", "stop"), Map.entry("shutdown", "stop"),
      Map.entry("poweroff", "stop"), Map.entry("suspend", "stop"), Map.entry("hibernate", "hibernate"),
      Map.entry("start", "start"), Map.entry("resume", "start"), Map.entry("poweron", "start"),
      Map.entry("boot", "start"), Map.entry("restart", "restart"), Map.entry("reboot", "restart"),
      Map.entry("hardreboot", "restart"), Map.entry("softreboot", "restart"), Map.entry("launch", "launch"),
      Map.entry("create", "launch"), Map.entry("deploy", "launch"), Map.entry("provision", "launch"),
      Map.entry("rent", "launch"), Map.entry("run", "launch"), Map.entry("terminate", "terminate"),
      Map.entry("destroy", "terminate"), Map.entry("delete", "terminate"), Map.entry("hibernaterestore", "restore"));

  enum Shape { COLLECTION, ITEM, ACTION }

  /**
   * One HTTP operation read as REST: {@code collection} is the path up to the resource (e.g. {@code
   * /core/virtual-machines}), {@code verb} the action's normalised verb ({@code stop}, {@code restart}...).
   */
  record Route(OperationDef op, String method, String path, String collection, Shape shape, String verb,
      boolean onItem, String resource, boolean nested) {}

  /** A scored candidate for one of our operations. */
  record Candidate(OperationDef op, int score) {
    String describe() {
      OperationDef.Http http = (OperationDef.Http) op.transport();
      return op.id() + " (" + http.method().toUpperCase(Locale.ROOT) + " " + http.path() + ")";
    }
  }

  /**
   * @param bound our operation -> the chosen spec operation, in {@link #OURS} order
   * @param runnersUp our operation -> the next best candidates (at most {@link #RUNNERS_UP}), best first
   * @param stateChangingGets our operations bound to a GET that changes state
   * @param instanceCollection the collection the instance operations were bound on (null: none found)
   */
  record Guess(Map<String, OperationDef> bound, Map<String, List<Candidate>> runnersUp, Set<String> stateChangingGets,
      String instanceCollection) {}

  private OperationGuesser() {}

  static Guess guess(ApiModel model) {
    List<Route> routes = new ArrayList<>();
    for (OperationDef op : model.operations()) {
      if (op.transport() instanceof OperationDef.Http http) {
        routes.add(route(op, http));
      }
    }
    Map<String, Integer> collectionScores = collectionScores(routes);
    String best = collectionScores.entrySet().stream()
        .filter(e -> e.getValue() > 0)
        .max(Comparator.<Map.Entry<String, Integer>>comparingInt(Map.Entry::getValue)
            .thenComparing(e -> -e.getKey().length())
            .thenComparing(Map.Entry::getKey, Comparator.reverseOrder()))
        .map(Map.Entry::getKey).orElse(null);

    Map<String, OperationDef> bound = new LinkedHashMap<>();
    Map<String, List<Candidate>> runnersUp = new LinkedHashMap<>();
    Set<OperationDef> used = new HashSet<>();
    String bestResource = best == null ? null : routes.stream().filter(r -> r.collection().equals(best))
        .map(r -> resourceKey(r.resource())).findFirst().orElse(null);
    for (String ours : OURS) {
      List<Candidate> candidates = new ArrayList<>();
      for (Route r : routes) {
        Integer s = ours.equals("offers") ? offerScore(r, model)
            : score(ours, r, model, collectionScores, best, bestResource);
        if (s != null && s > 0) {
          candidates.add(new Candidate(r.op(), s));
        }
      }
      candidates.sort(Comparator.comparingInt(Candidate::score).reversed()
          .thenComparing(c -> ((OperationDef.Http) c.op().transport()).path().length())
          .thenComparing(c -> c.op().id()));
      Candidate winner = candidates.stream().filter(c -> !used.contains(c.op())).findFirst().orElse(null);
      if (winner == null) {
        continue;
      }
      bound.put(ours, winner.op());
      used.add(winner.op());
      List<Candidate> rest = candidates.stream().filter(c -> c != winner).limit(RUNNERS_UP).toList();
      if (!rest.isEmpty()) {
        runnersUp.put(ours, rest);
      }
    }
    Set<String> gets = new java.util.TreeSet<>(Comparator.comparingInt(OURS::indexOf));
    bound.forEach((ours, op) -> {
      if (STATE_CHANGING.contains(ours) && ((OperationDef.Http) op.transport()).method().equalsIgnoreCase("GET")) {
        gets.add(ours);
      }
    });
    return new Guess(bound, runnersUp, gets, best);
  }

  static Route route(OperationDef op, OperationDef.Http http) {
    List<String> segs = new ArrayList<>(Arrays.stream(http.path().split("/")).filter(s -> !s.isEmpty()).toList());
    int n = segs.size();
    Shape shape;
    String verb = "";
    boolean onItem = false;
    int end; // exclusive end of the collection's segments
    String last = n == 0 ? "" : segs.get(n - 1);
    int colon = last.lastIndexOf(':');
    if (colon > 0 && colon < last.length() - 1) {
      // A custom method: /instance/{id}:stop, /instances:batchCreate
      String base = last.substring(0, colon);
      String v = norm(last.substring(colon + 1));
      segs.set(n - 1, base);
      shape = Shape.ACTION;
      verb = ACTION_VERBS.getOrDefault(v, v);
      onItem = isParam(base);
      end = onItem ? n - 1 : n;
    } else if (n > 0 && isParam(last)) {
      shape = Shape.ITEM;
      onItem = true;
      end = n - 1;
    } else if (n > 0 && ACTION_VERBS.containsKey(norm(last))) {
      shape = Shape.ACTION;
      verb = ACTION_VERBS.get(norm(last));
      onItem = n > 1 && isParam(segs.get(n - 2));
      end = onItem ? n - 2 : n - 1;
    } else {
      shape = Shape.COLLECTION;
      end = n;
    }
    List<String> collection = segs.subList(0, Math.max(end, 0));
    String resource = "";
    for (int i = collection.size() - 1; i >= 0; i--) {
      if (!isParam(collection.get(i))) {
        resource = collection.get(i);
        break;
      }
    }
    boolean nested = collection.stream().anyMatch(OperationGuesser::isParam);
    return new Route(op, http.method().toUpperCase(Locale.ROOT), http.path(), "/" + String.join("/", collection),
        shape, verb, onItem, resource, nested);
  }

  /** Each collection's rank as the instance collection; only collections with an instance-like name count. */
  private static Map<String, Integer> collectionScores(List<Route> routes) {
    Map<String, List<Route>> byCollection = new TreeMap<>();
    for (Route r : routes) {
      byCollection.computeIfAbsent(r.collection(), k -> new ArrayList<>()).add(r);
    }
    Map<String, Integer> out = new TreeMap<>();
    byCollection.forEach((collection, rs) -> {
      Route any = rs.get(0);
      int name = instanceResource(any.resource());
      if (name == 0) {
        return;
      }
      int crud = 0;
      crud += rs.stream().anyMatch(r -> r.method().equals("GET") && r.shape() == Shape.COLLECTION) ? 1 : 0;
      crud += rs.stream().anyMatch(r -> r.method().equals("POST") && r.shape() == Shape.COLLECTION) ? 1 : 0;
      crud += rs.stream().anyMatch(r -> r.method().equals("GET") && r.shape() == Shape.ITEM) ? 1 : 0;
      crud += rs.stream().anyMatch(r -> r.method().equals("DELETE") && r.shape() == Shape.ITEM) ? 1 : 0;
      crud += rs.stream().anyMatch(r -> r.shape() == Shape.ACTION) ? 1 : 0;
      out.put(collection, name + 2 * crud + pathPenalty(any) + (any.nested() ? -4 : 0));
    });
    return out;
  }

  /** A candidate's score for one of our instance operations, or null when its shape does not fit. */
  private static Integer score(String ours, Route r, ApiModel model, Map<String, Integer> collections,
      String best, String bestResource) {
    Integer collection = collections.get(r.collection());
    if (collection == null || collection <= 0) {
      return null;
    }
    List<String> words = words(r.op().id());
    boolean sameResource = resourceKey(r.resource()).equals(bestResource);
    int s = collection + (r.collection().equals(best) ? 5 : sameResource ? 3 : 0) + opIdPenalty(r);
    String m = r.method();
    switch (ours) {
      case "list" -> {
        if (!m.equals("GET") || r.shape() != Shape.COLLECTION) {
          return null;
        }
        s += returnsArray(r.op(), model) ? 3 : 0;
        s += hasAny(words, "list", "search", "all") ? 1 : 0;
        s -= 2 * (int) r.op().params().stream()
            .filter(p -> p.required() && p.location() == ParamDef.Location.QUERY).count();
      }
      case "get" -> {
        if (!m.equals("GET") || r.shape() != Shape.ITEM) {
          return null;
        }
        s += hasAny(words, "get", "describe", "show", "retrieve", "read", "fetch") ? 1 : 0;
      }
      case "launch" -> {
        boolean collectionPost = m.equals("POST") && r.shape() == Shape.COLLECTION;
        boolean action = m.equals("POST") && r.shape() == Shape.ACTION && !r.onItem() && r.verb().equals("launch");
        if (!collectionPost && !action) {
          return null;
        }
        s += r.op().body() != null ? 2 : 0;
        s += hasAny(words, "create", "launch", "deploy", "run", "provision", "rent") ? 1 : 0;
      }
      case "terminate" -> {
        boolean delete = m.equals("DELETE") && r.shape() == Shape.ITEM;
        boolean action = (m.equals("POST") || m.equals("PUT")) && r.shape() == Shape.ACTION
            && r.verb().equals("terminate");
        if (!delete && !action) {
          return null;
        }
        s += 2 + (hasAny(words, "delete", "terminate", "destroy", "remove") ? 1 : 0);
      }
      case "stop", "start", "restart" -> {
        if (m.equals("DELETE") || (bestResource != null && !sameResource)) {
          return null; // a stop of something else (a deployment, a cluster) is not an instance's stop
        }
        if (r.shape() == Shape.ACTION && r.verb().equals(ours)) {
          s += 3;
        } else if (r.shape() != Shape.COLLECTION && words.contains(ours.equals("restart") ? "reboot" : ours)
            && !m.equals("GET")) {
          s += 1; // e.g. POST /instances/{id}/actions with operationId stopInstance
        } else {
          return null;
        }
      }
      default -> throw new IllegalArgumentException("not one of our operations: " + ours);
    }
    return s;
  }

  /** An offers candidate: a GET of a collection named like flavors, instance types, offers or GPUs. */
  private static Integer offerScore(Route r, ApiModel model) {
    if (!r.method().equals("GET") || r.shape() != Shape.COLLECTION) {
      return null;
    }
    int name = offerResource(r.resource());
    if (name == 0) {
      return null;
    }
    return name + pathPenalty(r) + opIdPenalty(r) + (r.nested() ? -4 : 0)
        + (returnsArray(r.op(), model) ? 1 : 0) + (hasAny(words(r.op().id()), "list", "search", "all") ? 1 : 0);
  }

  /** A resource's name for comparing: {@code instance-operations} and {@code Instances} are both {@code instance}. */
  static String resourceKey(String segment) {
    return singular(norm(segment.replaceAll("(?i)[-_]?(operations|actions)$", "")));
  }

  static int instanceResource(String segment) {
    String n = resourceKey(segment);
    if (OFFER_RESOURCES.keySet().stream().anyMatch(n::endsWith) || n.isEmpty()) {
      return 0;
    }
    Integer exact = INSTANCE_RESOURCES.get(n);
    if (exact != null) {
      return exact;
    }
    for (Map.Entry<String, Integer> e : INSTANCE_RESOURCES.entrySet()) {
      if (e.getValue() == 10 && n.endsWith(e.getKey())) {
        return 8; // gpu-instances, cloud-servers
      }
    }
    return 0;
  }

  static int offerResource(String segment) {
    String n = singular(norm(segment));
    if (n.startsWith("name") || n.isEmpty()) {
      return 0; // name-availability is a name check, not availability of machines
    }
    int best = 0;
    for (Map.Entry<String, Integer> e : OFFER_RESOURCES.entrySet()) {
      if (n.equals(e.getKey()) || n.endsWith(e.getKey()) || n.startsWith(e.getKey())) {
        best = Math.max(best, n.equals(e.getKey()) ? e.getValue() : e.getValue() - 1);
      }
    }
    return best;
  }

  /** -6 for each unrelated resource named by a literal path segment other than the resource itself... */
  private static int pathPenalty(Route r) {
    int p = 0;
    for (String seg : r.path().split("/")) {
      if (seg.isEmpty() || isParam(seg)) {
        continue;
      }
      if (unrelated(seg)) {
        p -= 6;
      }
    }
    return p;
  }

  /** ...and -2 when only the operationId names one (a tag-less hint: List_Node_Groups, Create_Snapshot_for_VM). */
  private static int opIdPenalty(Route r) {
    return unrelated(r.op().id()) && java.util.stream.Stream.of(r.path().split("/")).noneMatch(OperationGuesser::unrelated)
        ? -2 : 0;
  }

  /**
   * True when a name (a path segment or an operationId) names an unrelated resource: one of its words does
   * ({@code node-groups}, {@code Get_Cluster_Nodes}), or the whole of it does ({@code name-availability}).
   */
  static boolean unrelated(String name) {
    if (isParam(name)) {
      return false;
    }
    String whole = singular(norm(name));
    List<String> ws = words(name).stream().map(OperationGuesser::singular).toList();
    for (String u : UNRELATED) {
      if (whole.equals(u) || ws.contains(u) || (u.length() >= 7 && whole.contains(u))) {
        return true;
      }
    }
    for (int i = 0; i + 1 < ws.size(); i++) {
      if (UNRELATED.contains(ws.get(i) + ws.get(i + 1)) || UNRELATED.contains(ws.get(i) + singular(ws.get(i + 1)))) {
        return true;
      }
    }
    return false;
  }

  /** True when the success body is an array, or an object with an array field (an envelope like {data: [...]}). */
  static boolean returnsArray(OperationDef op, ApiModel model) {
    TypeRef t = op.response();
    if (t instanceof TypeRef.ListOf) {
      return true;
    }
    if (t instanceof TypeRef.Named named && model.type(named.name()).orElse(null) instanceof RecordDef rec) {
      return rec.fields().stream().anyMatch(f -> f.type() instanceof TypeRef.ListOf);
    }
    return false;
  }

  private static boolean isParam(String segment) {
    return segment.startsWith("{") && segment.endsWith("}");
  }

  /** Lower case, letters and digits only: {@code Virtual-Machines} -> {@code virtualmachines}. */
  static String norm(String s) {
    return s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
  }

  static String singular(String s) {
    if (s.endsWith("ies") && s.length() > 4) {
      return s.substring(0, s.length() - 3) + "y";
    }
    if (s.endsWith("sses") || s.endsWith("xes")) {
      return s.substring(0, s.length() - 2);
    }
    if (s.endsWith("s") && !s.endsWith("ss") && s.length() > 2) {
      return s.substring(0, s.length() - 1);
    }
    return s;
  }

  /** An operationId's words: {@code Hard_reboot_VM} -> hard, reboot, vm; {@code listGpuTypes} -> list, gpu, types. */
  static List<String> words(String id) {
    List<String> out = new ArrayList<>();
    for (String w : id.replaceAll("([a-z0-9])([A-Z])", "$1 $2").split("[^A-Za-z0-9]+")) {
      if (!w.isEmpty()) {
        out.add(w.toLowerCase(Locale.ROOT));
      }
    }
    return out;
  }

  private static boolean hasAny(List<String> words, String... any) {
    for (String a : any) {
      if (words.contains(a)) {
        return true;
      }
    }
    return false;
  }
}
