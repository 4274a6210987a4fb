package dev.providerapi.broker;

import java.util.List;

/**
 * What {@link Reconciler#reconcile} found, and each provider's listing result: a provider whose listing failed
 * is judged on nothing (its ledger rows are not reported unknown on the strength of a failed call). Immutable.
 *
 * @param findings every finding, by provider and client token
 * @param providers each provider's listing result; an ok one's value is how many of its instances carry the
 *     token prefix and are not terminated
 */
public record ReconcileReport(List<Finding> findings, List<ProviderResult<Integer>> providers) {
  /**
   * Copies both lists.
   *
   * @param findings every finding
   * @param providers each provider's listing result
   */
  public ReconcileReport {
    findings = List.copyOf(findings);
    providers = List.copyOf(providers);
  }

  /**
   * The findings of one kind.
   *
   * @param kind the kind to select
   * @return those findings, in the report's order
   */
  public List<Finding> of(Finding.Kind kind) {
    return findings.stream().filter(f -> f.kind() == kind).toList();
  }

  /**
   * True when every provider listed and nothing was found.
   *
   * @return whether the report has no findings and no failed listing
   */
  public boolean clean() {
    return findings.isEmpty() && providers.stream().allMatch(ProviderResult::ok);
  }
}
