package dev.providerapi.generator.model;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** A named type the emitters turn into one Java file. Names are Java-ready (UpperCamel, unique, no keyword). */
public sealed interface TypeDef permits RecordDef, EnumDef, UnionDef {
  String name();

  @Nullable String description();

  /** Where it came from, e.g. {@code #/components/schemas/Instance} (for messages and Javadoc). */
  String origin();

  static List<TypeDef> sorted(List<TypeDef> types) {
    return types.stream().sorted(java.util.Comparator.comparing(TypeDef::name)).toList();
  }
}
