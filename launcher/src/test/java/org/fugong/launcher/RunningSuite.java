package org.fugong.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import java.util.stream.Stream;

import org.fugong.devstack.EmbeddedDatabase;
import org.fugong.devstack.EmbeddedKafka;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * The whole suite as {@code ./run.sh} runs it — embedded PostgreSQL, the in-process Kafka broker,
 * and registry, supply, logistics, finance and the gateway each from its packaged jar in its own
 * JVM, wired by {@link Suite} exactly as the run command wires them — started once per test JVM
 * for every {@link CrossServiceTest} class and stopped when the JVM's tests are done (the root
 * extension store closes it).
 *
 * <p>Everything it writes is under {@code launcher/target/cross-service/}: the keys in {@code jwt/},
 * each service's log in {@code logs/<module>.log}. When the suite does not come up, or a test
 * against it fails, the tail of every log is logged with the failure.
 *
 * <p>The services and their data are shared by every test class, so a test makes its own
 * organisations (with {@link #uscc(String)}), items and keys, and never counts what others made.
 */
final class RunningSuite implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(RunningSuite.class.getName());

    /**
     * All five come up in under a minute on two idle cores, and took almost four while other builds
     * loaded the machine twentyfold; a process that dies is noticed at once, whatever this says.
     */
    private static final Duration READY_WITHIN = Duration.ofMinutes(6);
    private static final int TAIL_LINES = 60;
    /**
     * What differs from the run command, both for five JVMs booting at once on a shared two-core
     * machine. The database timeout: beside whatever else the machine builds, a new connection or an
     * answer can take longer than production's 2 s, and a service that times out in Flyway does not
     * start. The JIT: services that live for a minute never repay C2's compilations; with C1 alone
     * they boot on about half the CPU (about 47 s of CPU for all five instead of 90, measured here).
     */
    private static final Map<String, String> TEST_SETTINGS = Map.of("FUGONG_DB_TIMEOUT_SECONDS", "15",
            "JAVA_TOOL_OPTIONS", "-XX:TieredStopAtLevel=1");

    private final EmbeddedDatabase database;
    private final EmbeddedKafka kafka;
    private final Suite suite;
    private final AtomicInteger organisations = new AtomicInteger();
    private Duration startup;
    private boolean closed;

    private RunningSuite(EmbeddedDatabase database, EmbeddedKafka kafka, Suite suite) {
        this.database = database;
        this.kafka = kafka;
        this.suite = suite;
    }

    static RunningSuite start() throws Exception {
        Instant began = Instant.now();
        Path root = Path.of("").toAbsolutePath().getParent(); // surefire runs the launcher's tests in launcher/
        Path work = Path.of("target", "cross-service").toAbsolutePath();
        deleteRecursively(work);
        // PostgreSQL (its own processes) and Kafka (threads of this JVM) have nothing to wait for in each other.
        CompletableFuture<EmbeddedDatabase> starting = CompletableFuture.supplyAsync(EmbeddedDatabase::temporary);
        EmbeddedKafka kafka;
        try {
            kafka = EmbeddedKafka.temporary().start();
        } catch (RuntimeException e) {
            starting.thenAccept(EmbeddedDatabase::close);
            throw e;
        }
        EmbeddedDatabase database;
        try {
            database = starting.join();
        } catch (RuntimeException e) {
            kafka.close();
            throw e;
        }
        Suite wired;
        try {
            wired = Suite.wire(root, work.resolve("jwt"), work.resolve("logs"), Suite.Ports.free(), database, kafka,
                    TEST_SETTINGS);
        } catch (IOException | RuntimeException e) {
            kafka.close();
            database.close();
            throw e;
        }
        RunningSuite running = new RunningSuite(database, kafka, wired);
        // Should the store never be closed (a test JVM told to exit), the services must not outlive it.
        Runtime.getRuntime().addShutdownHook(new Thread(running::close, "cross-service-suite-stop"));
        try {
            running.suite.start();
            running.suite.awaitReady(READY_WITHIN);
        } catch (Exception | Error e) {
            LOG.severe("The cross-service suite did not come up: " + e.getMessage() + "\n" + running.logTails());
            running.close();
            throw e;
        }
        running.startup = Duration.between(began, Instant.now());
        // The CPU each service used to boot says more than the wall clock on a machine others share.
        StringBuilder cpu = new StringBuilder();
        running.suite.services().forEach(service -> service.handle().flatMap(h -> h.info().totalCpuDuration())
                .ifPresent(used -> cpu.append(String.format(" %s %.1f s", service.name(), used.toMillis() / 1000.0))));
        LOG.info(String.format("Cross-service suite ready in %.1f s (logs in %s); CPU to boot:%s",
                running.startup.toMillis() / 1000.0, work.resolve("logs"), cpu));
        return running;
    }

    /** How long starting the suite took, from nothing to every service ready. */
    Duration startup() {
        return startup;
    }

    Suite suite() {
        return suite;
    }

    /** The suite's PostgreSQL, for tests that count what the services hold. */
    EmbeddedDatabase database() {
        return database;
    }

    /** The suite's Kafka broker. */
    String kafkaBootstrapServers() {
        return kafka.bootstrapServers();
    }

    String gatewayUrl() {
        return suite.gateway().baseUrl();
    }

    /** The gateway's bootstrap administrator. */
    RestClient admin() {
        return RestClient.withApiKey(gatewayUrl(), suite.adminKey());
    }

    /** A gateway client with a key the administrator issues for it: {@code name}, {@code role} and its scope. */
    RestClient caller(Map<String, String> key) throws Exception {
        return RestClient.withApiKey(gatewayUrl(), admin().post("/admin/api-keys", key).get("api_key").asText());
    }

    /** A valid unified social credit code no other test of this JVM registers. */
    String uscc(String county) {
        return DemoData.uscc(county, 5_000 + organisations.incrementAndGet());
    }

    String logTails() {
        StringBuilder tails = new StringBuilder();
        suite.services().forEach(service -> tails.append(service.logTail(TAIL_LINES)));
        return tails.toString();
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        suite.stop();
        kafka.close();
        database.close();
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    /**
     * Starts the suite for the first class that needs it and hands it to constructors, lifecycle and
     * test methods that ask for a {@link RunningSuite}; prints the services' log tails when a test fails.
     */
    static final class Extension implements BeforeAllCallback, ParameterResolver, TestWatcher {

        private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(RunningSuite.class);

        @Override
        public void beforeAll(ExtensionContext context) throws Exception {
            running(context);
        }

        @Override
        public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
            return parameter.getParameter().getType() == RunningSuite.class;
        }

        @Override
        public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
            try {
                return running(context);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            Once once = context.getRoot().getStore(NAMESPACE).get(Once.class, Once.class);
            if (once != null && once.suite != null) {
                LOG.severe(context.getDisplayName() + " failed against the running suite; its services' logs end:\n"
                        + once.suite.logTails());
            }
        }

        /** The one suite of this test JVM, kept in the root store, which closes it after the last test. */
        private static RunningSuite running(ExtensionContext context) throws Exception {
            return context.getRoot().getStore(NAMESPACE).computeIfAbsent(Once.class, key -> new Once(), Once.class).get();
        }
    }

    /** One attempt per JVM: a suite that did not come up fails every later class at once, not after another wait. */
    private static final class Once implements AutoCloseable {

        private final RunningSuite suite;
        private final Exception failure;

        Once() {
            RunningSuite started = null;
            Exception failed = null;
            try {
                started = RunningSuite.start();
            } catch (Exception e) {
                failed = e;
            }
            this.suite = started;
            this.failure = failed;
        }

        RunningSuite get() throws Exception {
            if (failure != null) {
                throw new IllegalStateException("The cross-service suite did not come up (see the first failure)", failure);
            }
            return suite;
        }

        @Override
        public void close() {
            if (suite != null) {
                suite.close();
            }
        }
    }
}
