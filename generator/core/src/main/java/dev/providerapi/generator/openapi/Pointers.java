package dev.providerapi.generator.openapi;

/** JSON pointers into the spec, for error messages and {@code TypeDef.origin()}. */
final class Pointers {
  private Pointers() {}

  static String child(String pointer, String token) {
    return pointer + "/" + token.replace("~", "~0").replace("/", "~1");
  }

  static String schema(String componentKey) {
    return child("#/components/schemas", componentKey);
  }

  static String operation(String path, String method) {
    return child(child("#/paths", path), method);
  }
}
