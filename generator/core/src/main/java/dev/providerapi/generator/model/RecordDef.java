package dev.providerapi.generator.model;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An object schema, emitted as a Java record. {@code additionalProperties} (when the schema also declares
 * named properties) is kept in an extra map component.
 *
 * @param name the type's Java-ready name
 * @param description the spec's description, or null
 * @param origin where it came from, e.g. {@code #/components/schemas/Instance}
 * @param fields the named properties, in the spec's order
 * @param additionalProperties the type of the extra map's values, or null when there is no such map
 * @param deprecated whether the spec marks the schema deprecated
 */
public record RecordDef(
    String name,
    @Nullable String description,
    String origin,
    List<FieldDef> fields,
    @Nullable TypeRef additionalProperties,
    boolean deprecated) implements TypeDef {

  /**
   * Copies the fields.
   *
   * @param name the type's Java-ready name
   * @param description the spec's description, or null
   * @param origin where it came from, e.g. {@code #/components/schemas/Instance}
   * @param fields the named properties, in the spec's order
   * @param additionalProperties the type of the extra map's values, or null when there is no such map
   * @param deprecated whether the spec marks the schema deprecated
   */
  public RecordDef {
    fields = List.copyOf(fields);
  }
}
