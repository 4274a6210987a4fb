package dev.providerapi.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import java.io.IOException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Decodes a {@code oneOf}/{@code anyOf} without a discriminator by the members present. Jackson's own
 * {@code DEDUCTION} fails when one variant's members are a subset of another's (Lambda's {@code SSHKey} and
 * {@code GeneratedSSHKey}, which adds {@code private_key}); this picks the variant whose required members are
 * all present and that explains the most of the object's members, the first declared on a tie. An object no
 * variant fits, or a non-object, decodes to the union's {@code Unknown} case, never an exception.
 *
 * <p>Generated unions subclass it with their variants; variant classes opt out of the union's deserializer so
 * decoding one directly (a {@code List<SshKey>}) does not come back here.
 *
 * @param <T> the union's type
 */
public abstract class UnionDeserializer<T> extends StdDeserializer<T> {
  private static final long serialVersionUID = 1L;

  private final transient List<Variant<? extends T>> variants;
  private final transient Function<Map<String, Object>, T> unknown;

  /**
   * A variant: its class, every member name it declares, and the ones it requires.
   *
   * @param <V> the variant's type
   * @param type the variant's class
   * @param members every member name it declares (copied)
   * @param required the member names it requires (copied)
   */
  public record Variant<V>(Class<V> type, Set<String> members, Set<String> required) {
    /**
     * Copies the name sets.
     *
     * @param type the variant's class
     * @param members every member name it declares
     * @param required the member names it requires
     */
    public Variant {
      members = Set.copyOf(members);
      required = Set.copyOf(required);
    }
  }

  /**
   * Describes a variant.
   *
   * @param <V> the variant's type
   * @param type the variant's class
   * @param members every member name it declares
   * @param required the member names it requires
   * @return the variant
   */
  public static <V> Variant<V> variant(Class<V> type, Set<String> members, Set<String> required) {
    return new Variant<>(type, members, required);
  }

  /**
   * A deserializer choosing among {@code variants}.
   *
   * @param union the union's class
   * @param variants the variants, in declaration order (ties go to the first)
   * @param unknown makes the union's {@code Unknown} case from the object's members (a non-object comes as
   *     {@code value})
   */
  protected UnionDeserializer(Class<T> union, List<Variant<? extends T>> variants,
      Function<Map<String, Object>, T> unknown) {
    super(union);
    this.variants = List.copyOf(variants);
    this.unknown = unknown;
  }

  @Override
  public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
    JsonNode tree = ctxt.readTree(p);
    Variant<? extends T> best = tree.isObject() ? choose(tree) : null;
    if (best == null) {
      return unknown.apply(asMap(tree, ctxt));
    }
    return ctxt.readTreeAsValue(tree, best.type());
  }

  private @Nullable Variant<? extends T> choose(JsonNode object) {
    Variant<? extends T> best = null;
    int bestScore = -1;
    for (Variant<? extends T> v : variants) {
      if (!v.required().stream().allMatch(object::has)) {
        continue;
      }
      int explained = 0;
      for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
        if (v.members().contains(names.next())) {
          explained++;
        }
      }
      if (explained > bestScore) {
        best = v;
        bestScore = explained;
      }
    }
    return best;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> asMap(JsonNode tree, DeserializationContext ctxt) throws IOException {
    if (tree.isObject()) {
      return ctxt.readTreeAsValue(tree, LinkedHashMap.class);
    }
    Map<String, Object> wrapped = new LinkedHashMap<>();
    wrapped.put("value", ctxt.readTreeAsValue(tree, Object.class));
    return wrapped;
  }
}
