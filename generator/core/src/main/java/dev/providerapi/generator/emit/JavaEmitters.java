package dev.providerapi.generator.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.JavaFile;
import dev.providerapi.generator.manifest.ProviderManifest;
import dev.providerapi.generator.model.ApiModel;
import dev.providerapi.generator.model.EnumDef;
import dev.providerapi.generator.model.OperationDef;
import dev.providerapi.generator.model.RecordDef;
import dev.providerapi.generator.model.TypeDef;
import dev.providerapi.generator.model.UnionDef;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Every JavaPoet emitter, in order: model types ({@code <pkg>.model}), the client interface and its
 * implementation ({@code <pkg>.api}), and the abstract adapter base ({@code <pkg>}). Output is deterministic
 * and each file carries the generated header.
 */
public final class JavaEmitters {
  private JavaEmitters() {}

  /**
   * Every generated source of a provider: models, client, server stubs and adapter base.
   *
   * @param model the spec's model
   * @param manifest the provider's provider.yaml (package, bindings, capabilities)
   * @return the Java files
   * @throws EmitException naming the schema, operation or file whose emission failed
   */
  public static List<JavaFile> emit(ApiModel model, ProviderManifest manifest) {
    String root = manifest.javaPackage();
    String modelPackage = root + ".model";
    String apiPackage = root + ".api";
    TypeMapper types = new TypeMapper(modelPackage);
    ClassName api = ClassName.get(apiPackage, manifest.classPrefix() + "Api");
    ClassName impl = ClassName.get(apiPackage, manifest.classPrefix() + "ApiClient");
    ClassName base = ClassName.get(root, manifest.classPrefix() + "ProviderBase");
    String source = model.source();
    String provider = manifest.name();

    // A record implements every union it is a variant of, so the sealed interfaces' permits hold.
    Map<String, List<ClassName>> unionsOf = new TreeMap<>();
    for (TypeDef t : TypeDef.sorted(model.types())) {
      if (t instanceof UnionDef u) {
        for (UnionDef.Variant v : u.variants()) {
          unionsOf.computeIfAbsent(v.type().name(), k -> new ArrayList<>()).add(types.named(u.name()));
        }
      }
    }

    List<JavaFile> files = new ArrayList<>();
    RecordEmitter records = new RecordEmitter(types);
    EnumEmitter enums = new EnumEmitter(types);
    Map<String, RecordDef> recordsByName = new TreeMap<>();
    for (TypeDef t : model.types()) {
      if (t instanceof RecordDef r) {
        recordsByName.put(r.name(), r);
      }
    }
    UnionEmitter unions = new UnionEmitter(types, recordsByName::get);
    for (TypeDef t : TypeDef.sorted(model.types())) {
      String element = "schema " + t.name() + " (" + origin(t) + ")";
      files.add(guarded(element, () -> {
        if (t instanceof RecordDef r) {
          return Naming.file(modelPackage, records.emit(r, unionsOf.getOrDefault(r.name(), List.of())), source,
              provider);
        } else if (t instanceof EnumDef e) {
          return Naming.file(modelPackage, enums.emit(e), source, provider);
        }
        return Naming.file(modelPackage, unions.emit((UnionDef) t), source, provider);
      }));
    }
    ClientEmitter client = new ClientEmitter(types, api, impl);
    // The client is emitted as a whole; when it fails, find the operation it failed on to name it.
    files.add(guarded(api.simpleName(), () -> Naming.file(apiPackage, client.emitInterface(model), source, provider),
        () -> failingOperation(model, client)));
    files.add(guarded(impl.simpleName(), () -> Naming.file(apiPackage, client.emitImplementation(model), source,
        provider), () -> failingOperation(model, client)));
    if (model.serverTemplate() != null) {
      ClassName server = ClassName.get(apiPackage, manifest.classPrefix() + "Server");
      files.add(guarded("server URL template " + model.serverTemplate().url(),
          () -> Naming.file(apiPackage, new ServerEmitter(server).emit(model.serverTemplate()), source, provider)));
    }
    files.add(guarded(base.simpleName() + " (provider.yaml bindings)", () -> Naming.file(root,
        new AdapterBaseEmitter(base, api, impl).emit(manifest, model, types), source, provider)));
    return List.copyOf(files);
  }

  private static String origin(TypeDef t) {
    if (t instanceof RecordDef r) {
      return r.origin();
    }
    if (t instanceof EnumDef e) {
      return e.origin();
    }
    return ((UnionDef) t).origin();
  }

  private static JavaFile guarded(String element, Supplier<JavaFile> emit) {
    return guarded(element, emit, () -> null);
  }

  /** {@code emit}, or an {@link EmitException} naming {@code element} (or the narrower one {@code narrower} finds). */
  private static JavaFile guarded(String element, Supplier<JavaFile> emit, Supplier<@Nullable String> narrower) {
    try {
      return emit.get();
    } catch (EmitException | dev.providerapi.generator.SpecException e) {
      throw e; // a SpecException already names the provider.yaml key at fault
    } catch (RuntimeException e) {
      String narrow = null;
      try {
        narrow = narrower.get();
      } catch (RuntimeException ignored) {
        // the coarse element is still right
      }
      throw new EmitException(narrow != null ? narrow : element, e);
    }
  }

  /** The first operation whose client method alone fails to emit. */
  private static @Nullable String failingOperation(ApiModel model, ClientEmitter client) {
    for (OperationDef op : model.operations()) {
      ApiModel one = new ApiModel(model.title(), model.version(), model.description(), model.servers(), model.types(),
          List.of(op), model.source());
      try {
        client.emitInterface(one);
        client.emitImplementation(one);
      } catch (RuntimeException e) {
        return "operation " + op.id() + (op.transport() instanceof OperationDef.Http h
            ? " (" + h.method().toUpperCase(java.util.Locale.ROOT) + " " + h.path() + ")" : "");
      }
    }
    return null;
  }
}
