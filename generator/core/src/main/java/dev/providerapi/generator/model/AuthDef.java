package dev.providerapi.generator.model;

import dev.providerapi.descriptor.AuthStyle;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * How the API authenticates, as its spec says (OpenAPI {@code securitySchemes}) or as the spec kind implies (a
 * GraphQL API takes a bearer token, a CRD the kubeconfig): read with the rest of the spec, in the one parse. No
 * spec names the environment variable that holds the key; {@code dev.providerapi.generator.SpecAuth} names it
 * after the provider.
 *
 * @param style {@link AuthStyle#NONE} when the spec declares no scheme this generator can send
 * @param name the header ({@link AuthStyle#HEADER}) or query parameter ({@link AuthStyle#QUERY}) that carries the
 *     key; null for the other styles
 */
public record AuthDef(AuthStyle style, @Nullable String name) {
  /**
   * Checks that a name is given exactly for the header and query styles.
   *
   * @param style {@link AuthStyle#NONE} when the spec declares no scheme this generator can send
   * @param name the header ({@link AuthStyle#HEADER}) or query parameter ({@link AuthStyle#QUERY}) that carries
   *     the key; null for the other styles
   * @throws IllegalArgumentException when a header or query style has no name, or another style has one
   */
  public AuthDef {
    Objects.requireNonNull(style, "style");
    if ((style == AuthStyle.HEADER || style == AuthStyle.QUERY) == (name == null || name.isEmpty())) {
      throw new IllegalArgumentException(style + (name == null || name.isEmpty() ? " auth needs the name of its "
          + (style == AuthStyle.HEADER ? "header" : "query parameter") : " auth has no name, got '" + name + "'"));
    }
  }

  /**
   * No auth: the spec declares no scheme this generator can send.
   *
   * @return auth of style NONE
   */
  public static AuthDef none() {
    return new AuthDef(AuthStyle.NONE, null);
  }

  /**
   * A bearer token in the Authorization header.
   *
   * @return auth of style BEARER
   */
  public static AuthDef bearer() {
    return new AuthDef(AuthStyle.BEARER, null);
  }

  /**
   * HTTP basic auth.
   *
   * @return auth of style BASIC
   */
  public static AuthDef basic() {
    return new AuthDef(AuthStyle.BASIC, null);
  }

  /**
   * An API key in the header {@code name}.
   *
   * @param name the header's name
   * @return auth of style HEADER
   */
  public static AuthDef header(String name) {
    return new AuthDef(AuthStyle.HEADER, name);
  }

  /**
   * An API key in the query parameter {@code name}.
   *
   * @param name the query parameter's name
   * @return auth of style QUERY
   */
  public static AuthDef query(String name) {
    return new AuthDef(AuthStyle.QUERY, name);
  }

  /**
   * The kubeconfig's credentials (a CRD's API server).
   *
   * @return auth of style KUBECONFIG
   */
  public static AuthDef kubeconfig() {
    return new AuthDef(AuthStyle.KUBECONFIG, null);
  }
}
