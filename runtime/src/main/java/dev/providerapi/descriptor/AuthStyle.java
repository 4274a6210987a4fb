package dev.providerapi.descriptor;

/** How a provider takes credentials. */
public enum AuthStyle {
  /** {@code Authorization: Bearer <key>}. */
  BEARER,
  /** A custom header, optionally with a value prefix. */
  HEADER,
  /** {@code Authorization: Basic base64(key:)}. */
  BASIC,
  /** One or more query parameters (e.g. TensorDock v0 {@code api_key} and {@code api_token}). */
  QUERY,
  /** A kubeconfig, handled by the Kubernetes client. */
  KUBECONFIG,
  /** No credentials. */
  NONE
}
