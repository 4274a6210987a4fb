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
  /**
   * Makes every folder absolute and normalized.
   *
   * @param root the folder every input is named relative to
   * @param specDir holds {@code provider.yaml} and {@code fixtures/}
   * @param targetDir receives the generated files
   * @param templatesDir template overrides (may not exist)
   * @param output where the generated files go; null for {@link Placement#standard} under {@code targetDir}
   */
  public ProviderLayout {
    root = root.toAbsolutePath().normalize();
    specDir = specDir.toAbsolutePath().normalize();
    targetDir = targetDir.toAbsolutePath().normalize();
    templatesDir = templatesDir.toAbsolutePath().normalize();
  }

  /**
   * A layout with the standard placement under {@code targetDir}.
   *
   * @param root the folder every input is named relative to
   * @param specDir holds {@code provider.yaml} and {@code fixtures/}
   * @param targetDir receives the generated files
   * @param templatesDir template overrides (may not exist)
   */
  public ProviderLayout(Path root, Path specDir, Path targetDir, Path templatesDir) {
    this(root, specDir, targetDir, templatesDir, null);
  }

  /**
   * The same inputs, the output placed as {@code output} says (e.g. {@link Placement#separate}).
   *
   * @param output where each kind of output goes
   * @return a new layout whose target folder is {@code output}'s
   */
  public ProviderLayout withOutput(Placement output) {
    return new ProviderLayout(root, specDir, output.targetDir(), templatesDir, output);
  }

  /**
   * Where the generated files, the manifest and the once-only files go.
   *
   * @return {@link #output}, else the standard placement under {@link #targetDir}
   */
  public Placement placement() {
    return output != null ? output : Placement.standard(targetDir);
  }

  /**
   * {@code specs/<p>/} -> {@code providers/<p>/}, overrides in {@code specs/<p>/templates/}.
   *
   * @param repoRoot the repository's root folder, the root inputs are named from
   * @param provider the provider's name
   * @return the repository layout of that provider
   */
  public static ProviderLayout standard(Path repoRoot, String provider) {
    Path specDir = repoRoot.resolve("specs").resolve(provider);
    return new ProviderLayout(repoRoot, specDir, repoRoot.resolve("providers").resolve(provider),
        specDir.resolve("templates"));
  }

  /**
   * A specs folder with one sub-folder per provider, and one target folder for this provider; names are
   * relative to the specs folder's parent (the project), so {@code specs/lambda/openapi.yaml} reads the same
   * as in the repository layout.
   *
   * @param specsDir the folder holding one folder per provider
   * @param provider the provider's name
   * @param targetDir receives the generated files
   * @param templatesDir template overrides (may not exist)
   * @return the layout
   */
  public static ProviderLayout of(Path specsDir, String provider, Path targetDir, Path templatesDir) {
    Path specs = specsDir.toAbsolutePath().normalize();
    Path root = specs.getParent() != null ? specs.getParent() : specs;
    return new ProviderLayout(root, specs.resolve(provider), targetDir, templatesDir);
  }

  /**
   * The provider's manifest.
   *
   * @return {@code provider.yaml} in {@link #specDir}
   */
  public Path providerYaml() {
    return specDir.resolve("provider.yaml");
  }

  /**
   * The example bodies that override the spec's examples.
   *
   * @return {@code fixtures} in {@link #specDir} (may not exist)
   */
  public Path fixturesDir() {
    return specDir.resolve("fixtures");
  }

  /**
   * {@code file} relative to {@link #root}, with '/' separators ({@code ../} when it lies outside).
   *
   * @param file a file, absolute or relative to the working folder
   * @return its name as the manifest and headers write it
   */
  public String name(Path file) {
    Path abs = file.toAbsolutePath().normalize();
    return root.relativize(abs).toString().replace('\\', '/');
  }
}
