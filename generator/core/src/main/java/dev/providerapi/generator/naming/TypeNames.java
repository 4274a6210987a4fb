package dev.providerapi.generator.naming;

import dev.providerapi.generator.model.ApiModel;

/**
 * The naming pass every reader's model goes through before the emitters, the one place the names of made-up
 * types ({@link ApiModel#derived()}) are decided: first {@link TypeCollapse} merges structurally identical ones,
 * then {@link CrdPathNames} shortens the CRD reader's property-path names of the types left unmerged. OpenAPI
 * and GraphQL names are only ever changed by the merge.
 */
public final class TypeNames {
  /** Static methods only. */
  private TypeNames() {}

  /**
   * {@code model} with its made-up types merged and named.
   *
   * @param model a reader's model
   * @return the model the emitters get; {@code model} itself when nothing changes
   */
  public static ApiModel apply(ApiModel model) {
    TypeCollapse.Collapsed collapsed = TypeCollapse.collapseTracked(model);
    return CrdPathNames.shorten(collapsed.model(), collapsed.merged(), collapsed.familyNamed());
  }
}
