package dev.providerapi.generator.model;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A closed set of values as the spec knows them today. Emitted so an unknown value decodes to an
 * {@code UNKNOWN} kind that keeps the raw value.
 *
 * @param name the type's Java-ready name
 * @param description the spec's description, or null
 * @param origin where it came from, e.g. {@code #/components/schemas/Instance}
 * @param valueKind the kind of the wire values (string or integer)
 * @param values the values, in the spec's order
 */
public record EnumDef(
    String name,
    @Nullable String description,
    String origin,
    TypeRef.PrimitiveKind valueKind,
    List<EnumValue> values) implements TypeDef {

  /**
   * Copies the values.
   *
   * @param name the type's Java-ready name
   * @param description the spec's description, or null
   * @param origin where it came from, e.g. {@code #/components/schemas/Instance}
   * @param valueKind the kind of the wire values (string or integer)
   * @param values the values, in the spec's order
   */
  public EnumDef {
    values = List.copyOf(values);
  }

  /**
   * {@code wire} as it appears in JSON; {@code constant} a legal UPPER_SNAKE Java name, unique in the enum.
   *
   * @param wire the value as it appears in JSON
   * @param constant a legal UPPER_SNAKE Java name, unique in the enum
   * @param description the spec's description of the value, or null
   */
  public record EnumValue(String wire, String constant, @Nullable String description) {}
}
