package org.fugong.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.fugong.devstack.EmbeddedDatabase;
import org.fugong.devstack.EmbeddedKafka;
import org.fugong.launcher.ServiceProcess;
import org.fugong.launcher.Suite;

/**
 * The services a benchmark needs, wired exactly as the run command wires the suite ({@link Suite}:
 * each service's production jar in its own JVM, on the embedded PostgreSQL and Kafka), but only
 * those it needs started: on two shared cores an idle JVM still costs. The gateway's rate limits
 * are opened wide, so the limiter is exercised but the load generator, one address with one key
 * per role, is never refused. Logistics remembers fewer verified pass codes than the logistics
 * benchmark scans, so that it can measure scans of codes the service has not seen.
 */
final class BenchSuite implements AutoCloseable {

    private static final Map<String, String> OPEN_LIMITS = Map.of(
            "FUGONG_GATEWAY_RATE_LIMIT_TIERS_PARTNER_RATE", "1000000",
            "FUGONG_GATEWAY_RATE_LIMIT_TIERS_PARTNER_BURST", "1000000",
            "FUGONG_ADDRESS_RATE", "1000000", "FUGONG_ADDRESS_BURST", "1000000",
            "FUGONG_LOGISTICS_PASS_CODE_REMEMBERED_CODES", String.valueOf(LogisticsBenchmark.REMEMBERED_CODES),
            "QUARKUS_LOG_LEVEL", "WARN");

    private final Suite suite;
    private final List<ServiceProcess> started;

    private BenchSuite(Suite suite, List<ServiceProcess> started) {
        this.suite = suite;
        this.started = started;
    }

    /** Wires the suite under {@code work} (keys in jwt/, logs in logs/) and starts the services {@code needed} picks. */
    static BenchSuite start(Path work, EmbeddedDatabase database, EmbeddedKafka kafka,
            Function<Suite, List<ServiceProcess>> needed) throws Exception {
        return start(work, database, kafka, Map.of(), needed);
    }

    /** As {@link #start(Path, EmbeddedDatabase, EmbeddedKafka, Function)}, with more settings for every service. */
    static BenchSuite start(Path work, EmbeddedDatabase database, EmbeddedKafka kafka, Map<String, String> everyService,
            Function<Suite, List<ServiceProcess>> needed) throws Exception {
        Map<String, String> settings = new java.util.HashMap<>(OPEN_LIMITS);
        settings.putAll(everyService);
        Suite suite = Suite.wire(Path.of("").toAbsolutePath(), work.resolve("jwt"), work.resolve("logs"),
                Suite.Ports.free(), database, kafka, settings);
        BenchSuite running = new BenchSuite(suite, needed.apply(suite));
        try {
            for (ServiceProcess service : running.started) {
                service.start();
            }
            for (ServiceProcess service : running.started) {
                service.awaitReady(Duration.ofMinutes(3));
            }
        } catch (Exception | Error e) {
            running.close();
            throw e;
        }
        return running;
    }

    Suite suite() {
        return suite;
    }

    /** The started services' processes, for watching their compilers and CPU. */
    List<ProcessHandle> jvms(ServiceProcess... services) {
        return java.util.Arrays.stream(services).map(s -> s.handle().orElseThrow()).toList();
    }

    @Override
    public void close() {
        started.forEach(s -> s.handle().ifPresent(ProcessHandle::destroy));
        started.forEach(ServiceProcess::stop);
    }
}
