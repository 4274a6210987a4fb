package dev.providerapi.generator.model;

import org.jspecify.annotations.Nullable;

/**
 * One property. {@code javaName} is a legal, non-keyword Java identifier distinct from its siblings;
 * {@code jsonName} is the wire name. {@code nullable} means the value may be JSON null (3.0 {@code nullable:
 * true}, 3.1 {@code type: [x, "null"]}); {@code required} means the key must be present.
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
