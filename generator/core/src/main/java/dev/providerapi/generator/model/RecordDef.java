package dev.providerapi.generator.model;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An object schema, emitted as a Java record. {@code additionalProperties} (when the schema also declares
 * named properties) is kept in an extra map component.
 */
public record RecordDef(
    String name,
    @Nullable String description,
    String origin,
    List<FieldDef> fields,
    @Nullable TypeRef additionalProperties,
    boolean deprecated) implements TypeDef {

  public RecordDef {
    fields = List.copyOf(fields);
  }
}
