package dev.providerapi.generator.model;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** A named type the emitters turn into one Java file. Names are Java-ready (UpperCamel, unique, no keyword). */
public sealed interface TypeDef permits RecordDef, EnumDef, UnionDef {
  /**
   * The type's name.
   *
   * @return a Java-ready UpperCamel name, unique in the model
   */
  String name();

  /**
   * The spec's description of the type.
   *
   * @return the description, or null when the spec has none
   */
  @Nullable String description();

  /**
   * Where it came from, e.g. {@code #/components/schemas/Instance} (for messages and Javadoc).
   *
   * @return the origin
   */
  String origin();

  /**
   * {@code types} sorted by name.
   *
   * @param types the types
   * @return a new sorted list
   */
  static List<TypeDef> sorted(List<TypeDef> types) {
    return types.stream().sorted(java.util.Comparator.comparing(TypeDef::name)).toList();
  }
}
