package dev.providerapi.generator.testing;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/** Runs a generated JUnit 5 test class (loaded from compiled output) in-process with the JUnit Platform launcher. */
public final class GeneratedTests {
  private GeneratedTests() {}

  /** What ran: counts, and every failure with its stack trace. */
  public record Outcome(long found, long succeeded, long failed, String failures) {}

  public static Outcome run(Class<?> testClass) {
    LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request().selectors(selectClass(testClass))
        // not the surrounding build's configuration: no parallel mode, no extension auto-detection
        .configurationParameter("junit.jupiter.execution.parallel.enabled", "false")
        .build();
    Launcher launcher = LauncherFactory.create();
    SummaryGeneratingListener listener = new SummaryGeneratingListener();
    launcher.execute(request, listener);
    TestExecutionSummary summary = listener.getSummary();
    StringWriter failures = new StringWriter();
    summary.printFailuresTo(new PrintWriter(failures), 30);
    return new Outcome(summary.getTestsFoundCount(), summary.getTestsSucceededCount(),
        summary.getTestsFailedCount() + summary.getTestsAbortedCount(), failures.toString());
  }
}
