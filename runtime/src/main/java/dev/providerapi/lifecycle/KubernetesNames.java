package dev.providerapi.lifecycle;

import java.util.Locale;

/**
 * Kubernetes object names derived from a launch's client token, for providers whose instances are Kubernetes
 * objects (CoreWeave's VirtualServer): the same token always gives the same name, so a second create of one
 * launch is refused by the API server as AlreadyExists instead of making a second instance.
 */
public final class KubernetesNames {
  private KubernetesNames() {}

  /**
   * An RFC 1123 label (lower-case alphanumerics and '-', at most 63, starting with a letter here and ending
   * alphanumeric) from the token; {@code prefix} ({@code vs-}) is put in front when the token does not start with
   * a letter.
   *
   * @param clientToken the launch's client token
   * @param prefix what to put in front when the token does not start with a letter
   * @return the label, the same for the same token
   */
  public static String fromToken(String clientToken, String prefix) {
    String s = clientToken.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]+", "-").replaceAll("-{2,}", "-")
        .replaceAll("^-+|-+$", "");
    if (s.isEmpty() || !Character.isLetter(s.charAt(0))) {
      s = prefix + s;
    }
    if (s.length() > 63) {
      s = s.substring(0, 63).replaceAll("-+$", "");
    }
    return s;
  }
}
