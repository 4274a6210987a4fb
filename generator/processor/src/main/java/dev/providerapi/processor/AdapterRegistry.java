package dev.providerapi.processor;

import dev.providerapi.Capability;
import dev.providerapi.generator.SpecException;
import dev.providerapi.generator.emit.CapabilityHooks;
import dev.providerapi.generator.manifest.ProviderManifest;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.tools.Diagnostic;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * Collects {@link ProviderAdapter} classes over all rounds, then checks each against its provider.yaml and
 * writes {@code META-INF/services/dev.providerapi.Provider}. Classes that also carry {@code @AutoService}
 * are checked but left to AutoService to register (two processors cannot both create that file).
 */
final class AdapterRegistry {
  static final String SERVICE_FILE = "META-INF/services/dev.providerapi.Provider";
  private static final String AUTO_SERVICE = "com.google.auto.service.AutoService";

  private final ProcessingEnvironment env;
  private final Function<String, ProviderManifest> manifests;
  /** Adapter qualified name -> provider name. */
  private final Map<String, String> adapters = new LinkedHashMap<>();

  AdapterRegistry(ProcessingEnvironment env, Function<String, ProviderManifest> manifests) {
    this.env = env;
    this.manifests = manifests;
  }

  void add(Element element) {
    if (element.getKind() != ElementKind.CLASS) {
      error(element, "@ProviderAdapter belongs on a class that extends the provider's generated base");
      return;
    }
    adapters.put(((TypeElement) element).getQualifiedName().toString(),
        element.getAnnotation(ProviderAdapter.class).value());
  }

  void checkAndRegister() {
    Set<String> services = new TreeSet<>();
    adapters.forEach((name, provider) -> {
      TypeElement type = env.getElementUtils().getTypeElement(name);
      if (type != null && check(type, provider) && !hasAnnotation(type, AUTO_SERVICE)) {
        services.add(env.getElementUtils().getBinaryName(type).toString());
      }
    });
    if (!services.isEmpty()) {
      writeServices(services);
    }
  }

  /** True when {@code type} is a valid adapter of {@code provider}; otherwise each problem is reported. */
  private boolean check(TypeElement type, String provider) {
    ProviderManifest manifest;
    try {
      manifest = manifests.apply(provider);
    } catch (SpecException e) {
      error(type, "no usable provider.yaml for provider '" + provider + "': " + e.getMessage());
      return false;
    }
    String base = manifest.javaPackage() + "." + manifest.classPrefix() + "ProviderBase";
    List<TypeElement> chain = chainBelow(type, base);
    if (chain == null) {
      error(type, type.getSimpleName() + " must extend " + base + ", the generated base of provider '" + provider
          + "' (generate it with @GenerateProvider or ./provider-api " + provider + ")");
      return false;
    }
    boolean ok = true;
    List<String> missing = new ArrayList<>();
    for (Capability c : new TreeSet<>(manifest.descriptor().capabilities())) {
      for (CapabilityHooks.Hook h : CapabilityHooks.mandatory(manifest, c)) {
        if (!implemented(chain, h.name())) {
          missing.add(h.name() + "(String) for capability " + c.name());
        }
      }
    }
    if (!missing.isEmpty()) {
      error(type, type.getSimpleName() + " does not implement what " + manifest.file().getFileName()
          + " of provider '" + provider + "' declares: " + String.join(", ", missing));
      ok = false;
    }
    List<String> loadable = new ArrayList<>();
    if (!type.getModifiers().contains(Modifier.PUBLIC)) {
      loadable.add("be public");
    }
    if (type.getModifiers().contains(Modifier.ABSTRACT)) {
      loadable.add("not be abstract");
    }
    if (type.getNestingKind() == NestingKind.MEMBER && !type.getModifiers().contains(Modifier.STATIC)) {
      loadable.add("be static");
    }
    boolean noArg = ElementFilter.constructorsIn(type.getEnclosedElements()).stream()
        .anyMatch(c -> c.getParameters().isEmpty() && c.getModifiers().contains(Modifier.PUBLIC));
    if (!noArg) {
      loadable.add("have a public no-argument constructor");
    }
    if (!loadable.isEmpty()) {
      error(type, type.getSimpleName() + " must " + String.join(", ", loadable) + " so that ServiceLoader (and "
          + "Providers.load(\"" + provider + "\")) can create it");
      ok = false;
    }
    return ok;
  }

  /** The classes from {@code type} up to, not including, {@code base}; null when {@code base} is no superclass. */
  private static List<TypeElement> chainBelow(TypeElement type, String base) {
    List<TypeElement> chain = new ArrayList<>();
    TypeElement current = type;
    while (current != null) {
      if (current.getQualifiedName().contentEquals(base)) {
        return chain;
      }
      chain.add(current);
      TypeMirror sup = current.getSuperclass();
      current = sup.getKind() == TypeKind.DECLARED ? (TypeElement) ((DeclaredType) sup).asElement() : null;
    }
    return null;
  }

  private static boolean implemented(List<TypeElement> chain, String method) {
    for (TypeElement t : chain) {
      for (ExecutableElement m : ElementFilter.methodsIn(t.getEnclosedElements())) {
        if (m.getSimpleName().contentEquals(method) && m.getParameters().size() == 1
            && m.getParameters().get(0).asType().toString().equals("java.lang.String")
            && !m.getModifiers().contains(Modifier.ABSTRACT)) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean hasAnnotation(Element element, String annotation) {
    return element.getAnnotationMirrors().stream().anyMatch(m ->
        ((TypeElement) m.getAnnotationType().asElement()).getQualifiedName().contentEquals(annotation));
  }

  /** Adds {@code services} to what an earlier (incremental) compilation registered. */
  private void writeServices(Set<String> services) {
    Set<String> all = new TreeSet<>(services);
    try {
      FileObject existing = env.getFiler().getResource(StandardLocation.CLASS_OUTPUT, "", SERVICE_FILE);
      try (BufferedReader r = new BufferedReader(
          new InputStreamReader(existing.openInputStream(), StandardCharsets.UTF_8))) {
        r.lines().map(String::trim).filter(l -> !l.isEmpty() && !l.startsWith("#")).forEach(all::add);
      }
    } catch (IOException | IllegalArgumentException e) {
      // No earlier registration: nothing to keep.
    }
    try (Writer w = env.getFiler().createResource(StandardLocation.CLASS_OUTPUT, "", SERVICE_FILE).openWriter()) {
      for (String s : all) {
        w.write(s + "\n");
      }
    } catch (IOException e) {
      env.getMessager().printMessage(Diagnostic.Kind.ERROR, "provider-api: cannot write " + SERVICE_FILE + ": "
          + e.getMessage());
    }
  }

  private void error(Element element, String message) {
    env.getMessager().printMessage(Diagnostic.Kind.ERROR, message, element,
        ProviderApiProcessor.mirror(element, ProviderAdapter.class));
  }
}
