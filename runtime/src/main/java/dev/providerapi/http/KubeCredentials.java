package dev.providerapi.http;

import dev.providerapi.Secret;
import java.net.URI;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;
import org.jspecify.annotations.Nullable;

/**
 * What a kubeconfig (or an in-cluster service account) resolves to for a provider whose auth style is
 * {@code kubeconfig}: the API server, a bearer token (read per call, so a refreshed token is picked up) and the
 * TLS context carrying the cluster CA and, for certificate auth, the client key. Built outside the runtime (e.g.
 * from fabric8's {@code Config}) so the runtime needs no Kubernetes library; the calls then take the same chain
 * as every other provider.
 *
 * @param server the API server, e.g. {@code https://k8s.ord1.coreweave.com}; null keeps the descriptor's
 * @param bearerToken the token, or a supplier of null when the client certificate authenticates
 * @param sslContext trust (cluster CA) and key material; null uses the JDK defaults
 */
public record KubeCredentials(@Nullable URI server, Supplier<@Nullable Secret> bearerToken,
    @Nullable SSLContext sslContext) {

  @Override
  public String toString() {
    return "KubeCredentials[server=" + server + ", bearerToken=***, sslContext=" + (sslContext == null ? "default"
        : "custom") + "]";
  }
}
