package dev.providerapi.generator;

import dev.providerapi.generator.write.Placement;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * Where one provider's inputs and outputs live. The repository layout is {@link #standard}; build plugins
 * choose their own folders.
 *
 * @param root the folder every input is named relative to, in {@code generated.manifest} and in headers;
 *     names must not depend on where a checkout lives, so this is the project, never an absolute path
 * @param specDir holds {@code provider.yaml} and {@code fixtures/}
 * @param targetDir receives {@code src/generated/java}, {@code src/generated-test/java}, the skeleton and
 *     {@code generated.manifest}
 * @param templatesDir template overrides (may not exist)
 * @param output where the generated files go; null: {@link Placement#standard} under {@code targetDir}
 */
public record ProviderLayout(Path root, Path specDir, Path targetDir, Path templatesDir, @Nullable Placement output) {
  public ProviderLayout {
    root = root.toAbsolutePath().normalize();
    specDir = specDir.toAbsolutePath().normalize();
    targetDir = targetDir.toAbsolutePath().normalize();
    templatesDir = templatesDir.toAbsolutePath().normalize();
  }

  public ProviderLayout(Path root, Path specDir, Path targetDir, Path templatesDir) {
    this(root, specDir, targetDir, templatesDir, null);
  }

  /** The same inputs, the output placed as {@code output} says (e.g. {@link Placement#separate}). */
  public ProviderLayout withOutput(Placement output) {
    return new ProviderLayout(root, specDir, output.targetDir(), templatesDir, output);
  }

  /** Where the generated files, the manifest and the once-only files go. */
  public Placement placement() {
    return output != null ? output : Placement.standard(targetDir);
  }

  /** {@code specs/<p>/} -> {@code providers/<p>/}, overrides in {@code specs/<p>/templates/}. */
  public static ProviderLayout standard(Path repoRoot, String provider) {
    Path specDir = repoRoot.resolve("specs").resolve(provider);
    return new ProviderLayout(repoRoot, specDir, repoRoot.resolve("providers").resolve(provider),
        specDir.resolve("templates"));
  }

  /**
   * A specs folder with one sub-folder per provider, and one target folder for this provider; names are
   * relative to the specs folder's parent (the project), so {@code specs/lambda/openapi.yaml} reads the same
   * as in the repository layout.
   */
  public static ProviderLayout of(Path specsDir, String provider, Path targetDir, Path templatesDir) {
    Path specs = specsDir.toAbsolutePath().normalize();
    Path root = specs.getParent() != null ? specs.getParent() : specs;
    return new ProviderLayout(root, specs.resolve(provider), targetDir, templatesDir);
  }

  public Path providerYaml() {
    return specDir.resolve("provider.yaml");
  }

  public Path fixturesDir() {
    return specDir.resolve("fixtures");
  }

  /** {@code file} relative to {@link #root}, with '/' separators ({@code ../} when it lies outside). */
  public String name(Path file) {
    Path abs = file.toAbsolutePath().normalize();
    return root.relativize(abs).toString().replace('\\', '/');
  }
}
