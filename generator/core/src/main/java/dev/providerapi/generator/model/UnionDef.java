package dev.providerapi.generator.model;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * {@code oneOf} / {@code anyOf}: a sealed interface over its variants. With a discriminator, each variant has
 * its tag value(s); without one, decoding deduces the variant from the properties present.
 *
 * @param name the type's Java-ready name
 * @param description the spec's description, or null
 * @param origin where it came from, e.g. {@code #/components/schemas/Instance}
 * @param discriminator the property whose value names the variant, or null
 * @param variants the variants, in the spec's order
 */
public record UnionDef(
    String name,
    @Nullable String description,
    String origin,
    @Nullable String discriminator,
    List<Variant> variants) implements TypeDef {

  /**
   * Copies the variants.
   *
   * @param name the type's Java-ready name
   * @param description the spec's description, or null
   * @param origin where it came from, e.g. {@code #/components/schemas/Instance}
   * @param discriminator the property whose value names the variant, or null
   * @param variants the variants, in the spec's order
   */
  public UnionDef {
    variants = List.copyOf(variants);
  }

  /**
   * {@code type} names a {@link RecordDef}; {@code tags} are its discriminator values (may be empty).
   *
   * @param type the variant's record
   * @param tags its discriminator values (may be empty)
   */
  public record Variant(TypeRef.Named type, List<String> tags) {
    /**
     * Copies the tags.
     *
     * @param type the variant's record
     * @param tags its discriminator values (may be empty)
     */
    public Variant {
      tags = List.copyOf(tags);
    }
  }
}
