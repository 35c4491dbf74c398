package org.fugong.launcher.fault;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The fault suite's short profile, in every build: a suite of its own (the broker in its own
 * process, which the shared cross-service suite's is not), a minute of the mixed write load at
 * 100 writes/s, the broker killed with SIGKILL 15 s in and restarted 15 s later. Whatever the
 * clients were told, nothing acknowledged may be lost, no effect doubled, nothing refused made.
 * The full run is {@code tools/faults.sh} (docs/reliability.md).
 */
@Tag("cross-service")
class FaultSuiteTest {

    private static final Logger LOG = Logger.getLogger(FaultSuiteTest.class.getName());

    /**
     * As the shared cross-service suite's (RunningSuite): five JVMs booting at once on a shared
     * two-core machine, so a longer database timeout and C1 alone.
     */
    private static final Map<String, String> TEST_SETTINGS = Map.of("FUGONG_DB_TIMEOUT_SECONDS", "15",
            "JAVA_TOOL_OPTIONS", "-XX:TieredStopAtLevel=1");

    @Test
    void aBrokerKilledMidLoadLosesNoAcknowledgedWriteAndDoublesNoEffect() throws Exception {
        FaultRunner.Profile profile = new FaultRunner.Profile(List.of("broker-kill"), 100, Duration.ofSeconds(60),
                Duration.ofSeconds(15), Duration.ofSeconds(15), Duration.ofSeconds(10), Duration.ofSeconds(120),
                Duration.ofMinutes(6), TEST_SETTINGS);
        ByteArrayOutputStream report = new ByteArrayOutputStream();
        List<FaultRunner.Result> results;
        try (PrintStream out = new PrintStream(report, true, StandardCharsets.UTF_8)) {
            Path root = Path.of("").toAbsolutePath().getParent(); // surefire runs the launcher's tests in launcher/
            results = new FaultRunner(root, Path.of("target", "faults").toAbsolutePath(), profile, out).run();
        } finally {
            LOG.info(() -> "Fault suite, short profile:\n" + report.toString(StandardCharsets.UTF_8));
        }

        FaultRunner.Result brokerKill = results.get(0);
        assertThat(brokerKill.acknowledged()).as("writes acknowledged: the load reached the services").isGreaterThan(500);
        assertThat(brokerKill.lost()).as("acknowledged writes lost").isZero();
        assertThat(brokerKill.duplicated()).as("effects applied twice").isZero();
        assertThat(brokerKill.unexpected()).as("writes made although refused").isZero();
    }
}
