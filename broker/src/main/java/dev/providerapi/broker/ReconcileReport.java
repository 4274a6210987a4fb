package dev.providerapi.broker;

import java.util.List;

/**
 * What {@link Reconciler#reconcile} found, and each provider's listing result: a provider whose listing failed
 * is judged on nothing (its ledger rows are not reported unknown on the strength of a failed call). Immutable.
 */
public record ReconcileReport(List<Finding> findings, List<ProviderResult<Integer>> providers) {
  public ReconcileReport {
    findings = List.copyOf(findings);
    providers = List.copyOf(providers);
  }

  public List<Finding> of(Finding.Kind kind) {
    return findings.stream().filter(f -> f.kind() == kind).toList();
  }

  /** True when every provider listed and nothing was found. */
  public boolean clean() {
    return findings.isEmpty() && providers.stream().allMatch(ProviderResult::ok);
  }
}
