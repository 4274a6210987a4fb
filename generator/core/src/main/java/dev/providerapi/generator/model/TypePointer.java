package dev.providerapi.generator.model;

import java.util.ArrayList;
import java.util.List;

/**
 * A JSON pointer followed through the model's types ({@code /data/instances} of a response,
 * {@code /input/podId} of a GraphQL operation's variables), so a binding's pointer is checked at generation
 * time and the generated base reads it with typed accessors, not with a JSON tree.
 */
public final class TypePointer {
  private TypePointer() {}

  /** One step of a resolved pointer: a record component or a list element. */
  public sealed interface Step {}

  /**
   * A record component: {@code javaName} is its accessor, {@code owner} the record it belongs to.
   *
   * @param owner the record the component belongs to
   * @param field the component
   */
  public record Field(String owner, FieldDef field) implements Step {}

  /**
   * An element of a list.
   *
   * @param index the element's index, from 0
   */
  public record Index(int index) implements Step {}

  /**
   * The steps from the root to the target and the target's type.
   *
   * @param steps the steps from the root to the target, in order
   * @param type the target's type
   */
  public record Resolved(List<Step> steps, TypeRef type) {
    /**
     * Copies the steps.
     *
     * @param steps the steps from the root to the target, in order
     * @param type the target's type
     */
    public Resolved {
      steps = List.copyOf(steps);
    }
  }

  /** Thrown with a message that says which segment does not resolve and what is there instead. */
  public static final class Unresolvable extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Unresolvable(String message) {
      super(message);
    }
  }

  /**
   * Follows {@code pointer} from {@code root} through the model's types.
   *
   * @param model the model whose named types the pointer goes through
   * @param root the type the pointer starts at
   * @param pointer a JSON pointer; {@code /} or empty for the root itself
   * @return the steps and the target's type
   * @throws Unresolvable when a segment names no component, or a list is not followed by an index
   */
  public static Resolved resolve(ApiModel model, TypeRef root, String pointer) {
    List<Step> steps = new ArrayList<>();
    TypeRef at = root;
    if (pointer.equals("/") || pointer.isEmpty()) {
      return new Resolved(steps, at);
    }
    String walked = "";
    for (String raw : pointer.substring(1).split("/", -1)) {
      String segment = raw.replace("~1", "/").replace("~0", "~");
      if (at instanceof TypeRef.ListOf list) {
        if (!segment.matches("\\d+")) {
          throw new Unresolvable("'" + (walked.isEmpty() ? "/" : walked) + "' is a list, so the next segment must be an index, found '"
              + segment + "'");
        }
        steps.add(new Index(Integer.parseInt(segment)));
        at = list.element();
      } else if (at instanceof TypeRef.Named named) {
        String here = walked;
        TypeDef def = model.type(named.name()).orElseThrow(() ->
            new Unresolvable("type " + named.name() + " is not in the model"));
        if (!(def instanceof RecordDef record)) {
          throw new Unresolvable("'" + (walked.isEmpty() ? "/" : walked) + "' is " + named.name()
              + ", which is no object with members");
        }
        FieldDef field = record.fields().stream()
            .filter(f -> f.jsonName().equals(segment))
            .findFirst()
            .orElseThrow(() -> new Unresolvable("'" + segment + "' is not a member of " + record.name()
                + (here.isEmpty() ? "" : " (at " + here + ")") + "; members: " + String.join(", ",
                record.fields().stream().map(FieldDef::jsonName).toList())));
        steps.add(new Field(record.name(), field));
        at = field.type();
      } else {
        throw new Unresolvable("'" + (walked.isEmpty() ? "/" : walked) + "' is a " + describe(at)
            + ", so '" + segment + "' cannot be read from it");
      }
      walked += "/" + segment;
    }
    return new Resolved(steps, at);
  }

  private static String describe(TypeRef t) {
    if (t instanceof TypeRef.Primitive p) {
      return p.kind().name().toLowerCase(java.util.Locale.ROOT);
    }
    return t instanceof TypeRef.MapOf ? "map" : t.toString();
  }
}
