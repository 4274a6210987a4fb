package dev.providerapi.generator.emit;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import dev.providerapi.errors.ErrorKind;
import dev.providerapi.generator.manifest.Binding;
import dev.providerapi.generator.manifest.ProviderManifest;
import dev.providerapi.lifecycle.ErrorMatch;
import dev.providerapi.model.Instance;
import java.util.List;
import java.util.Locale;
import javax.lang.model.element.Modifier;

/**
 * The launch step provider.yaml's {@code launch: {nameTaken: [...]}} declares, for providers whose instance name
 * derives from the client token (a Kubernetes object named after it): the base's hooks that tell
 * {@code AbstractProvider} which answers to a create mean the name is taken, where the token travels (for the
 * message), and, for a token found again by GET, that the carrier may hold the token in its derived (name-safe)
 * form. {@code AbstractProvider} then resolves such a conflict: the instance of that name if this token made
 * it, else the conflict, saying whose the name is.
 */
final class NameTakenEmitter {
  private final ProviderManifest manifest;

  NameTakenEmitter(ProviderManifest manifest) {
    this.manifest = manifest;
  }

  void emit(TypeSpec.Builder type) {
    Binding launch = manifest.longForm("launch").orElse(null);
    if (launch == null || launch.nameTaken().isEmpty() || launch.clientToken() == null) {
      return;
    }
    Binding.Errors taken = launch.nameTaken();
    CodeBlock kinds = CodeBlock.join(taken.kinds().stream()
        .map(k -> CodeBlock.of("$T.$L", ErrorKind.class, k.name())).toList(), ", ");
    CodeBlock codes = CodeBlock.join(taken.codes().stream().map(c -> CodeBlock.of("$S", c)).toList(), ", ");
    type.addField(FieldSpec.builder(ErrorMatch.class, "LAUNCH_NAME_TAKEN", Modifier.PRIVATE, Modifier.STATIC,
            Modifier.FINAL)
        .initializer("$T.of($T.of($L), $T.of($L))", ErrorMatch.class, List.class, kinds, List.class, codes)
        .build());
    type.addMethod(MethodSpec.methodBuilder("launchNameTaken")
        .addAnnotation(Override.class).addModifiers(Modifier.PROTECTED)
        .returns(ErrorMatch.class)
        .addStatement("return LAUNCH_NAME_TAKEN")
        .build());
    Binding.ClientToken token = launch.clientToken();
    String carrier = token.carrier().name().toLowerCase(Locale.ROOT);
    type.addMethod(MethodSpec.methodBuilder("clientTokenCarrier")
        .addAnnotation(Override.class).addModifiers(Modifier.PROTECTED)
        .returns(String.class)
        .addStatement("return $S", token.key() == null ? carrier : token.key() + " " + (token.carrier()
            == Binding.TokenCarrier.ENV ? "environment variable" : carrier))
        .build());
    if (token.lookup() == Binding.TokenLookup.GET) {
      type.addMethod(MethodSpec.methodBuilder("launchedWith")
          .addAnnotation(Override.class).addModifiers(Modifier.PROTECTED)
          .returns(boolean.class)
          .addParameter(Instance.class, "instance")
          .addParameter(String.class, "clientToken")
          .addComment("the id derives from the token; a carrier that must itself be a name holds that form")
          .addStatement("return super.launchedWith(instance, clientToken)"
              + " || instanceIdForClientToken(clientToken).equals(instance.clientToken())")
          .build());
    }
  }
}
