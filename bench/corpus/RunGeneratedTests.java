import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClasspathRoots;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Set;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * bench/run-corpus.sh's test step: runs every JUnit 5 test under a compiled output folder (which must also be on
 * the classpath) with the JUnit Platform launcher. Prints one line {@code tests=N passed=N failed=N} and, when
 * some failed, the first failures; exits 0 when every test passed and at least one ran, 1 otherwise.
 */
public final class RunGeneratedTests {
  public static void main(String[] args) {
    Path classes = Path.of(args[0]);
    LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
        .selectors(selectClasspathRoots(Set.of(classes)))
        .build();
    Launcher launcher = LauncherFactory.create();
    SummaryGeneratingListener listener = new SummaryGeneratingListener();
    launcher.execute(request, listener);
    TestExecutionSummary s = listener.getSummary();
    long failed = s.getTestsFailedCount() + s.getTestsAbortedCount();
    System.out.println("tests=" + s.getTestsFoundCount() + " passed=" + s.getTestsSucceededCount()
        + " failed=" + failed);
    if (failed > 0) {
      StringWriter w = new StringWriter();
      s.printFailuresTo(new PrintWriter(w), 8);
      System.out.println(w);
    }
    System.exit(failed == 0 && s.getTestsFoundCount() > 0 ? 0 : 1);
  }
}
