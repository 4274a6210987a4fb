package dev.providerapi.generator.model;

import org.jspecify.annotations.Nullable;

/** A path, query or header parameter; {@code javaName} is a legal identifier unique among the method's. */
public record ParamDef(
    String name,
    String javaName,
    Location location,
    TypeRef type,
    boolean required,
    @Nullable String description) {

  public enum Location { PATH, QUERY, HEADER }
}
