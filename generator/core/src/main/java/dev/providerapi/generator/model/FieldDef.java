package dev.providerapi.generator.model;

import org.jspecify.annotations.Nullable;

/**
 * One property. {@code javaName} is a legal, non-keyword Java identifier distinct from its siblings;
 * {@code jsonName} is the wire name. {@code nullable} means the value may be JSON null (3.0 {@code nullable:
 * true}, 3.1 {@code type: [x, "null"]}); {@code required} means the key must be present.
 *
 * @param jsonName the wire name
 * @param javaName a legal Java identifier distinct from its siblings
 * @param type the property's type
 * @param required whether the key must be present
 * @param nullable whether the value may be JSON null
 * @param description the spec's description, or null
 * @param deprecated whether the spec marks it deprecated
 * @param sensitive whether the value is a secret, masked in the generated {@code toString()}
 */
public record FieldDef(
    String jsonName,
    String javaName,
    TypeRef type,
    boolean required,
    boolean nullable,
    @Nullable String description,
    boolean deprecated,
    boolean sensitive) {}
