package dev.providerapi.generator.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.JavaFile;
import dev.providerapi.generator.manifest.ProviderManifest;
import dev.providerapi.generator.model.ApiModel;
import dev.providerapi.generator.model.EnumDef;
import dev.providerapi.generator.model.RecordDef;
import dev.providerapi.generator.model.TypeDef;
import dev.providerapi.generator.model.UnionDef;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every JavaPoet emitter, in order: model types ({@code <pkg>.model}), the client interface and its
 * implementation ({@code <pkg>.api}), and the abstract adapter base ({@code <pkg>}). Output is deterministic
 * and each file carries the generated header.
 */
public final class JavaEmitters {
  private JavaEmitters() {}

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
      if (t instanceof RecordDef r) {
        files.add(Naming.file(modelPackage, records.emit(r, unionsOf.getOrDefault(r.name(), List.of())), source,
            provider));
      } else if (t instanceof EnumDef e) {
        files.add(Naming.file(modelPackage, enums.emit(e), source, provider));
      } else if (t instanceof UnionDef u) {
        files.add(Naming.file(modelPackage, unions.emit(u), source, provider));
      }
    }
    ClientEmitter client = new ClientEmitter(types, api, impl);
    files.add(Naming.file(apiPackage, client.emitInterface(model), source, provider));
    files.add(Naming.file(apiPackage, client.emitImplementation(model), source, provider));
    if (model.serverTemplate() != null) {
      ClassName server = ClassName.get(apiPackage, manifest.classPrefix() + "Server");
      files.add(Naming.file(apiPackage, new ServerEmitter(server).emit(model.serverTemplate()), source, provider));
    }
    files.add(Naming.file(root, new AdapterBaseEmitter(base, api, impl).emit(manifest, model, types), source, provider));
    return List.copyOf(files);
  }
}
