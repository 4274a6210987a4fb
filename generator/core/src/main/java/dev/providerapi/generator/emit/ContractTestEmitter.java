package dev.providerapi.generator.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import dev.providerapi.errors.ErrorKind;
import dev.providerapi.generator.manifest.Binding;
import dev.providerapi.generator.manifest.ProviderManifest;
import dev.providerapi.generator.model.ApiModel;
import dev.providerapi.generator.model.OperationDef;
import java.util.Optional;

/**
 * {@code <Prefix>ProviderBaseTest}: the sandbox's {@code ProviderBaseContract} (lifecycle, every page of the list,
 * not found and already gone, empty and {@code {}} 200s, no capacity) run against the provider's fake, with what
 * provider.yaml's bindings say (the list's page size, whether any answer means "no capacity"). Emitted only for a
 * provider.yaml with {@code sandbox: true} and long-form list, launch and terminate bindings: a provider the
 * sandbox does not fake has nothing to run it against.
 */
public final class ContractTestEmitter {
  static final ClassName CONTRACT = ClassName.get("dev.providerapi.sandbox", "ProviderBaseContract");

  private ContractTestEmitter() {}

  /**
   * The test, or empty when the manifest asks for none; {@code specName} goes into the generated header.
   *
   * @param manifest the provider's provider.yaml
   * @param model the spec's model, provider.yaml's idempotency overrides applied
   * @param specName the spec's name relative to the project
   * @return the test's Java file, or empty
   */
  public static Optional<JavaFile> emit(ProviderManifest manifest, ApiModel model, String specName) {
    Optional<Binding> list = manifest.longForm("list");
    if (!manifest.sandbox() || list.isEmpty() || manifest.longForm("launch").isEmpty()
        || manifest.longForm("terminate").isEmpty()) {
      return Optional.empty();
    }
    Binding.Pagination paging = list.get().pagination();
    int pageSize = paging.style() == Binding.PaginationStyle.NONE ? 0 : paging.size();
    boolean capacity = manifest.descriptor().errorFormat().rules().stream()
        .anyMatch(r -> r.kind() == ErrorKind.CAPACITY_UNAVAILABLE);
    // Whether the base retries a stop answered 502, 503 or 504: the stop operation's retry safety, provider.yaml's explicit
    // idempotent applied (a state-changing GET declared idempotent: false is sent once). Null: no stop binding.
    Boolean stopRetried = manifest.longForm("stop")
        .flatMap(b -> model.operation(b.operationId()))
        .map(OperationDef::idempotent)
        .orElse(null);
    String prefix = manifest.classPrefix();
    ClassName base = ClassName.get(manifest.javaPackage(), prefix + "ProviderBase");
    TypeSpec test = TypeSpec.classBuilder(prefix + "ProviderBaseTest")
        .addJavadoc("What {@link $T} does, against the sandbox's fake of $L: the tests are "
            + "{@link $T}'s; this class passes what provider.yaml's bindings say.\n", base, manifest.name(), CONTRACT)
        .superclass(CONTRACT)
        .addMethod(MethodSpec.constructorBuilder()
            .addComment(pageSize == 0 ? list.get().operationId() + " reads the whole list in one answer"
                : list.get().operationId() + " pages by " + pageSize)
            .addComment(capacity ? "errors.rules map an answer to CAPACITY_UNAVAILABLE"
                : "no errors.rule maps an answer to CAPACITY_UNAVAILABLE")
            .addComment(stopRetried == null ? "no stop binding"
                : "stop (" + manifest.longForm("stop").orElseThrow().operationId() + ") is "
                    + (stopRetried ? "idempotent: a 502, 503 or 504 is retried" : "not idempotent: it is sent once"))
            .addStatement("super(new $T.Bindings($S, $L, $L, $L))", CONTRACT, manifest.name(), pageSize, capacity,
                stopRetried)
            .build())
        .build();
    return Optional.of(Naming.file(manifest.javaPackage(), test, specName, manifest.name()));
  }
}
