package dev.providerapi.generator.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import dev.providerapi.Provider;
import dev.providerapi.ProviderConfig;
import dev.providerapi.descriptor.AuthStyle;
import dev.providerapi.generator.manifest.ProviderManifest;
import dev.providerapi.generator.model.ParamDef;
import dev.providerapi.generator.model.TypeRef;
import dev.providerapi.http.ApiClient;
import java.util.Locale;
import java.util.Objects;
import javax.lang.model.element.Modifier;

/**
 * What {@code auth: {style: kubeconfig}} puts into {@code <Prefix>ProviderBase} (a provider whose API is a
 * Kubernetes CRD), on {@code provider-api-kube}'s {@code Kubeconfig}: the constructors (the kubeconfig fabric8
 * finds, or one given; the credential check), {@code createApiClient} on its server, token and TLS,
 * {@code configure} keeping it, and {@code namespace()}, which fills every required {@code namespace} parameter:
 * the config's {@code <NAME>_NAMESPACE}, else the kubeconfig context's namespace.
 */
final class KubeconfigEmitter {
  /** {@code dev.providerapi.kube.Kubeconfig}, named so the generator needs no Kubernetes library. */
  static final ClassName KUBECONFIG = ClassName.get("dev.providerapi.kube", "Kubeconfig");

  private final ProviderManifest manifest;

  KubeconfigEmitter(ProviderManifest manifest) {
    this.manifest = manifest;
  }

  /** Whether the provider authenticates with a kubeconfig. */
  static boolean applies(ProviderManifest manifest) {
    return manifest.descriptor().auth().style() == AuthStyle.KUBECONFIG;
  }

  /** Whether the generated calls fill {@code param} with {@code namespace()} rather than a hook of the adapter's. */
  static boolean fillsNamespace(ProviderManifest manifest, ParamDef param) {
    return applies(manifest) && param.name().equals("namespace") && param.type() instanceof TypeRef.Primitive p
        && p.kind() == TypeRef.PrimitiveKind.STRING;
  }

  /** {@code COREWEAVE_NAMESPACE}: the provider's name upper-cased, then {@code _NAMESPACE}. */
  static String namespaceEnv(ProviderManifest manifest) {
    return manifest.name().toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_") + "_NAMESPACE";
  }

  void emit(TypeSpec.Builder type) {
    type.addField(FieldSpec.builder(String.class, "NAMESPACE_ENV", Modifier.PROTECTED, Modifier.STATIC,
            Modifier.FINAL)
        .addJavadoc("The secret or environment variable that names the tenant namespace; without it, the kubeconfig"
            + " context's namespace.\n")
        .initializer("$S", namespaceEnv(manifest))
        .build());
    type.addField(FieldSpec.builder(KUBECONFIG, "kubeconfig", Modifier.PRIVATE, Modifier.FINAL).build());
    type.addMethod(MethodSpec.constructorBuilder()
        .addJavadoc("The base of an adapter that runs with {@code config} and the kubeconfig fabric8 finds"
            + " ({@code KUBECONFIG}, {@code ~/.kube/config}, else the in-cluster service account), read on first"
            + " use.\n\n@param config credentials, base URL, timeouts and limits this adapter runs with\n")
        .addModifiers(Modifier.PROTECTED)
        .addParameter(ProviderConfig.class, "config")
        .addStatement("this(config, $T.discover())", KUBECONFIG)
        .build());
    type.addMethod(MethodSpec.constructorBuilder()
        .addJavadoc("The base of an adapter that runs with {@code config} and {@code kubeconfig}; a bearer token and"
            + " a base URL in {@code config} take precedence over the kubeconfig's. Unless {@code config} defers"
            + " the check, one of them must be able to authenticate.\n\n"
            + "@param config credentials, base URL, timeouts and limits this adapter runs with\n"
            + "@param kubeconfig where the server, token, TLS context and namespace come from\n")
        .addModifiers(Modifier.PROTECTED)
        .addParameter(ProviderConfig.class, "config")
        .addParameter(KUBECONFIG, "kubeconfig")
        .addStatement("super(DESCRIPTOR, config)")
        .addStatement("this.kubeconfig = $T.requireNonNull(kubeconfig, $S)", Objects.class, "kubeconfig")
        .addStatement("kubeconfig.requireCredentials(name(), config)")
        .build());
    type.addMethod(MethodSpec.methodBuilder("kubeconfig")
        .addJavadoc("The kubeconfig this adapter calls with.\n\n@return it, shared with the copies {@code configure}"
            + " makes\n")
        .addModifiers(Modifier.PROTECTED)
        .returns(KUBECONFIG)
        .addStatement("return kubeconfig")
        .build());
    type.addMethod(MethodSpec.methodBuilder("configure")
        .addJavadoc("A copy that runs with {@code config} and keeps this kubeconfig (read once), made by the adapter's"
            + " public {@code (ProviderConfig, Kubeconfig)} constructor.\n\n"
            + "@param config credentials, base URL, timeouts and limits for the copy\n@return a new adapter of this"
            + " class\n")
        .addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
        .returns(Provider.class)
        .addParameter(ProviderConfig.class, "config")
        .addStatement("return configured(config, $T.class, kubeconfig)", KUBECONFIG)
        .build());
    type.addMethod(MethodSpec.methodBuilder("createApiClient")
        .addJavadoc("The client on the kubeconfig's server, token and TLS context, or on the config's base URL and"
            + " token when it gives both.\n\n@return a new client\n")
        .addAnnotation(Override.class).addModifiers(Modifier.PROTECTED)
        .returns(ApiClient.class)
        .addStatement("return kubeconfig.apiClient(descriptor, config)")
        .build());
    type.addMethod(MethodSpec.methodBuilder("namespace")
        .addJavadoc("The tenant namespace every namespaced call names: {@link #NAMESPACE_ENV} from the config, else"
            + " the kubeconfig context's (neither is a MissingCredentialsException).\n\n@return the namespace\n")
        .addModifiers(Modifier.PROTECTED)
        .returns(String.class)
        .addStatement("return kubeconfig.namespace(name(), config, NAMESPACE_ENV)")
        .build());
  }
}
