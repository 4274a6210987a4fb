package dev.providerapi.generator.naming;

import dev.providerapi.generator.model.ApiModel;
import dev.providerapi.generator.model.JavaNames;
import dev.providerapi.generator.model.TypeDef;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.lang.model.SourceVersion;

/**
 * Shortens the names the CRD reader makes up from a property path
 * ({@code VirtualServerSpecStorageAdditionalDisksItemSpecDownwardApiFieldsItemResourceFieldRef} ->
 * {@code ResourceFieldRef}). It renames only types that the reader derived ({@link ApiModel#derived()}) from a
 * CRD schema, recognised by their origin ({@code /spec/versions/<n>/schema/openAPIV3Schema/properties/...}),
 * and not named after their family by a {@link TypeCollapse} merge ({@code SecretRef} is no place's name);
 * OpenAPI and GraphQL names, the resource and its list, {@code ObjectMeta} and {@code ListMeta} never change.
 *
 * <p>The rule, per type:
 * <ol>
 *   <li>The path's segments, from the origin: one per property ({@code additionalDisks} -> {@code
 *       AdditionalDisks}); an array's element ({@code items}) adds {@code Item} and a map's value
 *       ({@code additionalProperties}) adds {@code Value} to the segment it belongs to.
 *   <li>Noise goes: a nested {@code spec} segment (an embedded object's {@code spec}: not the resource's own
 *       {@code spec} at the top, nor a {@code spec} the path ends with), the {@code Item}/{@code Value} of every
 *       segment but the last, and a segment equal to the one after it.
 *   <li>The candidates, shortest first: the last segment, the last two, ... , each used only when it says more
 *       than one word ({@code Gpu}, {@code Network}, {@code UsersItem} alone are too vague; a trailing
 *       {@code Item}/{@code Value} is no word); then the kind followed by every segment, the resource's own
 *       {@code spec}/{@code status} included ({@code VirtualServerSpecResources}): a name that reaches the top of
 *       the resource names the resource; last the reader's own name, which is unique already. A merged type
 *       (one type for several places, such as a pod template's volumes under two groups) first has the runs all
 *       its places end with, a name true of every place; then, as the merge already named it after its least
 *       nested place, that place's candidates.
 *   <li>Every type takes its first candidate that is a Java name no other type has (case-insensitively: two
 *       files differing in case are one file on macOS and Windows) and is not one of {@link TypeCollapse}'s
 *       reserved names. When two types would take the same name, neither does: both move to their next
 *       candidate, and so on until every name is unique. No type is served first, so the result does not depend
 *       on any order, and a type added to the CRD renames only those whose candidate it shares.
 * </ol>
 *
 * <p>So {@code VirtualServerSpecNetworkTcp} is {@code NetworkTcp}, {@code VirtualServerSpecResources} stays, a
 * disk's {@code persistentVolumeClaim} and its {@code ephemeral.persistentVolumeClaim} are
 * {@code AdditionalDisksPersistentVolumeClaim} and {@code EphemeralPersistentVolumeClaim}.
 */
final class CrdPathNames {
  /** A CRD version's schema root; what follows it is the property path. */
  private static final Pattern ROOT = Pattern.compile("^(/spec/versions/\\d+/schema/openAPIV3Schema)(/.*)?$");

  /** Names no shortened type takes, beyond {@link TypeCollapse}'s: types generated records import. */
  private static final Set<String> IMPORTED = Set.of("jsonproperty", "jsoninclude", "jsonignoreproperties",
      "jsoncreator", "jsonvalue", "jsonignore", "bigdecimal", "biginteger", "offsetdatetime", "required");

  /** Static methods only. */
  private CrdPathNames() {}

  /**
   * {@code model} with its CRD path names shortened as the class comment describes.
   *
   * @param model a collapsed model
   * @param merged the types a merge made -> the origins of the types each stands for
   * @param keep names that stay as they are (types a merge named after their family)
   * @return the renamed model; {@code model} itself when nothing is renamed
   */
  static ApiModel shorten(ApiModel model, Map<String, List<String>> merged, Set<String> keep) {
    Map<String, String> kinds = new HashMap<>();
    for (TypeDef t : model.types()) {
      Matcher m = ROOT.matcher(t.origin());
      if (m.matches() && m.group(2) == null && !model.derived().containsKey(t.name())) {
        kinds.put(m.group(1), t.name());
      }
    }
    Map<String, List<String>> candidates = new TreeMap<>();
    for (TypeDef t : model.types()) {
      if (!model.derived().containsKey(t.name()) || keep.contains(t.name())) {
        continue;
      }
      String kind = null;
      List<List<Segment>> paths = new ArrayList<>();
      for (String origin : merged.getOrDefault(t.name(), List.of(t.origin()))) {
        Matcher m = ROOT.matcher(origin);
        List<Segment> segments = m.matches() && m.group(2) != null ? segments(m.group(2)) : null;
        if (segments == null || segments.isEmpty() || !kinds.containsKey(m.group(1))
            || kind != null && !kind.equals(kinds.get(m.group(1)))) {
          paths = null;
          break;
        }
        kind = kinds.get(m.group(1));
        paths.add(segments);
      }
      Matcher self = ROOT.matcher(t.origin());
      if (paths != null && !paths.isEmpty() && self.matches() && self.group(2) != null) {
        candidates.put(t.name(), candidates(kind, paths, segments(self.group(2)), t.name()));
      }
    }
    Set<String> fixed = new HashSet<>(TypeCollapse.RESERVED);
    fixed.addAll(IMPORTED);
    model.types().stream().map(TypeDef::name).filter(n -> !candidates.containsKey(n))
        .forEach(n -> fixed.add(lower(n)));
    Map<String, String> to = choose(candidates, fixed);
    if (to.isEmpty()) {
      return model;
    }
    List<TypeDef> types = model.types().stream().map(t -> TypeCollapse.rename(t, to)).toList();
    return TypeCollapse.renamed(model, types, to);
  }

  /**
   * One step of a path: a property's name, and {@code Item}/{@code Value} when the type is its element or value.
   *
   * @param name the property's name as a Java type name; empty for an element of the root
   * @param suffix {@code Item}, {@code Value}, {@code ItemItem}, ... or empty
   */
  record Segment(String name, String suffix) {
    /**
     * Checks the parts.
     *
     * @param name the property's name as a Java type name; empty for an element of the root
     * @param suffix {@code Item}, {@code Value}, {@code ItemItem}, ... or empty
     */
    Segment {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(suffix, "suffix");
    }
  }

  /**
   * The segments of a property path ({@code /properties/spec/properties/disks/items}), noise removed, or null
   * when the path has a step this class does not know.
   *
   * @param path what follows the schema root in an origin
   * @return the segments ({@code [Spec, Disks+Item]})
   */
  static List<Segment> segments(String path) {
    String[] steps = path.substring(1).split("/", -1);
    List<Segment> raw = new ArrayList<>();
    for (int i = 0; i < steps.length; i++) {
      switch (steps[i]) {
        case "properties" -> {
          if (i + 1 >= steps.length || steps[i + 1].isEmpty()) {
            return null;
          }
          raw.add(new Segment(JavaNames.upperCamel(steps[++i]), ""));
        }
        case "items", "additionalProperties" -> {
          String suffix = steps[i].equals("items") ? "Item" : "Value";
          Segment last = raw.isEmpty() ? new Segment("", "") : raw.remove(raw.size() - 1);
          raw.add(new Segment(last.name(), last.suffix() + suffix));
        }
        default -> {
          return null;
        }
      }
    }
    List<Segment> out = new ArrayList<>();
    for (int i = 0; i < raw.size(); i++) {
      Segment s = raw.get(i);
      boolean last = i == raw.size() - 1;
      if (!last && (s.name().isEmpty() || i > 0 && s.name().equals("Spec"))) {
        continue;
      }
      if (!out.isEmpty() && lower(out.get(out.size() - 1).name()).equals(lower(s.name()))) {
        out.remove(out.size() - 1);
      }
      out.add(s);
    }
    return out;
  }

  /**
   * The names a type may take, in order: the trailing runs of more than one word all its paths share; for a
   * merge, then the names of the place it was named after; the kind and all the segments; its own name.
   *
   * @param kind the resource's kind
   * @param paths the segments of each place the type stands for (more than one for a merge)
   * @param self the segments of the place the type was named after (one of {@code paths})
   * @param own the type's name now
   * @return the candidates, its own name last
   */
  private static List<String> candidates(String kind, List<List<Segment>> paths, List<Segment> self, String own) {
    List<String> out = new ArrayList<>(runs(paths));
    if (paths.size() > 1) {
      out.addAll(runs(List.of(self)));
    }
    String whole = kind + join(self) + self.get(self.size() - 1).suffix();
    if (SourceVersion.isName(whole)) {
      out.add(whole);
    }
    // Once each, and its own name only last: the one every type can always keep.
    Set<String> distinct = new LinkedHashSet<>(out);
    distinct.remove(own);
    distinct.add(own);
    return List.copyOf(distinct);
  }

  /**
   * The trailing runs of segments every one of {@code paths} ends with, shortest first, never a whole path (a
   * run must not start at the top), each only when it says more than one word.
   *
   * @param paths the segments of one or more places
   * @return the runs as names
   */
  private static List<String> runs(List<List<Segment>> paths) {
    List<Segment> first = paths.get(0);
    String suffix = first.get(first.size() - 1).suffix();
    int shared = first.size() - 1;
    for (List<Segment> p : paths) {
      shared = Math.min(shared, p.size() - 1);
      if (!p.get(p.size() - 1).suffix().equals(suffix)) {
        shared = 0;
      }
      for (int k = 1; k <= shared; k++) {
        if (!p.get(p.size() - k).name().equals(first.get(first.size() - k).name())) {
          shared = k - 1;
        }
      }
    }
    List<String> out = new ArrayList<>();
    for (int k = 1; k <= shared; k++) {
      String bare = join(first.subList(first.size() - k, first.size()));
      String run = bare + suffix;
      if (words(bare) > 1 && Character.isUpperCase(run.charAt(0)) && SourceVersion.isName(run)) {
        out.add(run);
      }
    }
    return out;
  }

  /**
   * The segments' names run together, without their suffixes.
   *
   * @param segments some segments of a path
   * @return their names, concatenated
   */
  private static String join(List<Segment> segments) {
    StringBuilder sb = new StringBuilder();
    segments.forEach(s -> sb.append(s.name()));
    return sb.toString();
  }

  /**
   * Every type's first candidate nobody else wants, as the class comment describes.
   *
   * @param candidates type name -> its candidates, its own name last
   * @param fixed lower-cased names no type may take
   * @return old name -> new name, for the types whose name changes
   */
  private static Map<String, String> choose(Map<String, List<String>> candidates, Set<String> fixed) {
    Map<String, Integer> at = new HashMap<>();
    candidates.keySet().forEach(n -> at.put(n, 0));
    while (true) {
      Map<String, List<String>> wanting = new HashMap<>();
      candidates.forEach((n, c) -> wanting.computeIfAbsent(lower(c.get(at.get(n))), k -> new ArrayList<>()).add(n));
      boolean moved = false;
      for (Map.Entry<String, List<String>> e : wanting.entrySet()) {
        if (e.getValue().size() < 2 && !fixed.contains(e.getKey())) {
          continue;
        }
        for (String n : e.getValue()) {
          // A type at its own name stays: that name is unique, so the others move.
          if (at.get(n) < candidates.get(n).size() - 1) {
            at.merge(n, 1, Integer::sum);
            moved = true;
          }
        }
      }
      if (!moved) {
        break;
      }
    }
    Map<String, String> out = new HashMap<>();
    candidates.forEach((n, c) -> {
      if (!c.get(at.get(n)).equals(n)) {
        out.put(n, c.get(at.get(n)));
      }
    });
    return out;
  }

  /**
   * How many camel-case words {@code name} has ({@code FieldRef}: 2, {@code Gpu}: 1).
   *
   * @param name an UpperCamel name
   * @return its word count, at least 1
   */
  private static int words(String name) {
    return name.split("(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])").length;
  }

  /**
   * {@code name} as names are compared: case-insensitively.
   *
   * @param name a type name
   * @return it in lower case
   */
  private static String lower(String name) {
    return name.toLowerCase(Locale.ROOT);
  }
}
