package dev.providerapi.generator.model;

/** A reference to a type: a primitive, a named {@link TypeDef}, a list or a string-keyed map. */
public sealed interface TypeRef {

  enum PrimitiveKind {
    STRING, INT32, INT64, DECIMAL, DOUBLE, BOOLEAN, DATE, DATE_TIME, UUID, URI, BINARY,
    /** Anything: free-form JSON ({@code JsonNode}). */
    ANY
  }

  record Primitive(PrimitiveKind kind) implements TypeRef {}

  /** A type declared in {@link ApiModel#types()} by this (Java-ready, unique) name. */
  record Named(String name) implements TypeRef {}

  record ListOf(TypeRef element) implements TypeRef {}

  /** {@code additionalProperties}: string keys. */
  record MapOf(TypeRef value) implements TypeRef {}

  static TypeRef string() {
    return new Primitive(PrimitiveKind.STRING);
  }

  static TypeRef any() {
    return new Primitive(PrimitiveKind.ANY);
  }
}
