package org.fugong.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.fugong.devstack.EmbeddedDatabase;
import org.fugong.devstack.FreePorts;
import org.junit.jupiter.api.Test;

/**
 * A service that starts before its database can serve it (restarting, busy, not created yet)
 * waits for it rather than exiting: the fault suite restarted logistics under load and it exited
 * on its first connection's acquisition timeout, leaving the suite without it.
 */
@CrossServiceTest
class StartsBeforeItsDatabaseTest {

    private static final Duration WITHIN = Duration.ofMinutes(3);

    @Test
    void aServiceWhoseDatabaseIsNotThereYetWaitsForItAndThenStarts(RunningSuite suite) throws Exception {
        EmbeddedDatabase db = suite.database();
        String database = "late_registry";
        Path root = Path.of("").toAbsolutePath().getParent();
        Path work = Path.of("target", "cross-service").toAbsolutePath();
        Path log = work.resolve("logs/late-registry.log");
        // Its own database, and no consumers: it must not take events from the suite's registry.
        ServiceProcess registry = ServiceProcess.onEmbeddedInfrastructure("registry-service", "registry", root,
                FreePorts.next(), db, suite.kafkaBootstrapServers(), work.resolve("jwt"), Suite.ISSUER, log,
                Map.of("FUGONG_DB_URL", db.jdbcUrl(database), "FUGONG_CONSUMER_ENABLED", "false",
                        "JAVA_TOOL_OPTIONS", "-XX:TieredStopAtLevel=1"));
        registry.start();
        try {
            awaitInLog(registry, "Retrying"); // Flyway could not connect and will try again
            db.database(database); // now it exists
            registry.awaitReady(WITHIN);
            assertThat(registry.handle()).hasValueSatisfying(process -> assertThat(process.isAlive()).isTrue());
        } catch (RuntimeException | AssertionError e) {
            throw new AssertionError(e.getMessage() + "\n" + registry.logTail(40), e);
        } finally {
            registry.stop();
        }
    }

    /** Polls the service's log for {@code text} until the deadline; fails at once when the process has ended. */
    private static void awaitInLog(ServiceProcess service, String text) throws Exception {
        Instant deadline = Instant.now().plus(WITHIN);
        while (!Files.exists(service.log()) || !Files.readString(service.log()).contains(text)) {
            ProcessHandle process = service.handle().orElseThrow();
            if (!process.isAlive()) {
                throw new IllegalStateException(service.name() + " ended before its log said \"" + text + "\"");
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException(service.name() + "'s log never said \"" + text + "\"");
            }
            try {
                process.onExit().get(200, TimeUnit.MILLISECONDS); // returns at once should it end
            } catch (TimeoutException stillRunning) {
                // poll the log again
            }
        }
    }
}
