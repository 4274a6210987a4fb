package dev.providerapi.generator.model;

/** A reference to a type: a primitive, a named {@link TypeDef}, a list or a string-keyed map. */
public sealed interface TypeRef {

  /** The scalar kinds, each mapped to one Java type by the emitters' scalar table. */
  enum PrimitiveKind {
    /** Text. */
    STRING,
    /** A 32-bit integer. */
    INT32,
    /** A 64-bit integer. */
    INT64,
    /** An exact decimal number. */
    DECIMAL,
    /** A binary floating-point number. */
    DOUBLE,
    /** True or false. */
    BOOLEAN,
    /** A calendar date ({@code 2026-01-31}). */
    DATE,
    /** A date and time with an offset (RFC 3339). */
    DATE_TIME,
    /** A UUID in its text form. */
    UUID,
    /** A URI in its text form. */
    URI,
    /** Raw bytes (base64 in JSON). */
    BINARY,
    /** Anything: free-form JSON ({@code JsonNode}). */
    ANY
  }

  /**
   * A scalar.
   *
   * @param kind which scalar
   */
  record Primitive(PrimitiveKind kind) implements TypeRef {}

  /**
   * A type declared in {@link ApiModel#types()} by this (Java-ready, unique) name.
   *
   * @param name the type's name
   */
  record Named(String name) implements TypeRef {}

  /**
   * A list.
   *
   * @param element the type of its elements
   */
  record ListOf(TypeRef element) implements TypeRef {}

  /**
   * {@code additionalProperties}: string keys.
   *
   * @param value the type of the map's values
   */
  record MapOf(TypeRef value) implements TypeRef {}

  /**
   * The string type.
   *
   * @return a STRING primitive
   */
  static TypeRef string() {
    return new Primitive(PrimitiveKind.STRING);
  }

  /**
   * Free-form JSON.
   *
   * @return an ANY primitive
   */
  static TypeRef any() {
    return new Primitive(PrimitiveKind.ANY);
  }
}
