package dev.providerapi.generator.emit;

import com.palantir.javapoet.JavaFile;
import dev.providerapi.generator.manifest.ProviderManifest;
import dev.providerapi.generator.model.ApiModel;
import java.util.List;

/**
 * Every JavaPoet emitter, in order: model types ({@code <pkg>.model}), the client interface and its
 * implementation ({@code <pkg>.api}), and the abstract adapter base ({@code <pkg>}). Output is deterministic
 * and each file carries the generated header.
 */
public final class JavaEmitters {
  private JavaEmitters() {}

  public static List<JavaFile> emit(ApiModel model, ProviderManifest manifest) {
    throw new UnsupportedOperationException("contract skeleton");
  }
}
