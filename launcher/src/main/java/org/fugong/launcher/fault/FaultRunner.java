package org.fugong.launcher.fault;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.fugong.devstack.EmbeddedDatabase;
import org.fugong.devstack.FreePorts;
import org.fugong.launcher.ServiceProcess;
import org.fugong.launcher.Suite;

/**
 * The fault suite: the real suite as the run command starts it (every service from its packaged
 * jar in its own JVM, embedded PostgreSQL), but with the Kafka broker in a process of its own;
 * then, for each scenario, a constant write load through the gateway with one fault injected in
 * its middle, and the {@link Checker}'s count once the load is over. Prints a table per scenario.
 *
 * <pre>
 * java -cp launcher/target/fugong-launcher.jar org.fugong.launcher.fault.FaultRunner \
 *     [--scenarios=broker-kill,kill-registry,...] [--rate=100] [--load=60] [--fault-at=15] \
 *     [--broker-down=30] [--postgres-down=10] [--settle=180] [--warm-up=30] [--work=target/faults]
 * </pre>
 */
public final class FaultRunner {

    /** Every scenario, in the order the full run takes them. */
    public static final List<String> ALL = List.of("broker-kill", "kill-registry", "kill-supply", "kill-logistics",
            "kill-finance", "kill-gateway", "consumer-kill-mid-batch", "postgres-stop", "postgres-pause");
    /**
     * Scenarios on a suite with two replicas of registry and supply behind the gateway: a run starts
     * that suite for them after the plain one's scenarios are over.
     */
    public static final List<String> WITH_REPLICAS = List.of("relay-takeover-registry", "relay-takeover-supply");

    /** How a run goes: which scenarios, how much load, when the fault comes and how long it lasts. */
    public record Profile(List<String> scenarios, int rate, Duration load, Duration faultAt, Duration brokerDown,
            Duration postgresDown, Duration settleWithin, Duration readyWithin, Map<String, String> serviceSettings,
            Duration warmUp) {

        /** Without a warm-up: the first scenario's load meets JVMs still compiling (failures before its fault). */
        public Profile(List<String> scenarios, int rate, Duration load, Duration faultAt, Duration brokerDown,
                Duration postgresDown, Duration settleWithin, Duration readyWithin, Map<String, String> serviceSettings) {
            this(scenarios, rate, load, faultAt, brokerDown, postgresDown, settleWithin, readyWithin, serviceSettings,
                    Duration.ZERO);
        }

        /** The figures: 100 writes/s, the broker down 30 s, PostgreSQL 10 s, a minute of load per scenario. */
        public static Profile full() {
            List<String> every = java.util.stream.Stream.concat(ALL.stream(), WITH_REPLICAS.stream()).toList();
            return new Profile(every, 100, Duration.ofSeconds(60), Duration.ofSeconds(15), Duration.ofSeconds(30),
                    Duration.ofSeconds(10), Duration.ofSeconds(180), Duration.ofMinutes(6), Map.of(),
                    Duration.ofSeconds(30));
        }

        public Profile withScenarios(List<String> names) {
            return new Profile(names, rate, load, faultAt, brokerDown, postgresDown, settleWithin, readyWithin,
                    serviceSettings, warmUp);
        }
    }

    /** One scenario's outcome: the checker's verdict and how long the clients saw failures. */
    public record Result(String scenario, String description, String measured, Verdict verdict, long faultAtMillis,
            long healedAtMillis, long firstFailureMillis, long lastFailureMillis, long failedBefore, long failedDuring,
            long failedAfter) {

        /** From the fault being over (the part back and answering) to the last write that failed, 0 when none after. */
        public long recoveryMillis() {
            return lastFailureMillis < 0 ? 0 : Math.max(0, lastFailureMillis - healedAtMillis);
        }

        public boolean holds() {
            return verdict.holds();
        }

        public long lost() {
            return verdict.lost();
        }

        public long duplicated() {
            return verdict.duplicated();
        }

        public long unexpected() {
            return verdict.unexpected();
        }

        public long acknowledged() {
            return verdict.acknowledged();
        }

        public String table() {
            Verdict v = verdict;
            StringBuilder t = new StringBuilder();
            t.append("== ").append(scenario).append(": ").append(description).append('\n');
            if (!measured.isEmpty()) {
                t.append("  ").append(measured).append('\n');
            }
            row(t, "writes sent", v.attempted());
            row(t, "acknowledged (2xx)", v.acknowledged());
            row(t, "refused (4xx)", v.refused());
            row(t, "answered 5xx", v.serverErrors() + (v.serverErrors() > 0 ? (v.everyServerErrorProblemJson()
                    ? "  (every one problem+json)" : "  (NOT all problem+json)") : ""));
            row(t, "  of which 503", v.unavailable());
            row(t, "not answered (10 s)", v.unanswered());
            row(t, "slowest failed answer", v.slowestFailureMillis() + " ms");
            row(t, "ok", v.ok());
            row(t, "lost", v.lost());
            row(t, "duplicated", v.duplicated());
            row(t, "unexpected", v.unexpected());
            row(t, "recovered", v.recovered());
            row(t, "fault at / over at", String.format("%.1f s / %.1f s", faultAtMillis / 1000.0, healedAtMillis / 1000.0));
            row(t, "writes failing", firstFailureMillis < 0 ? "none"
                    : String.format("%.1f s to %.1f s", firstFailureMillis / 1000.0, lastFailureMillis / 1000.0));
            row(t, "failed before / during / after", failedBefore + " / " + failedDuring + " / " + failedAfter
                    + "  (5xx or no answer, by when sent: before the fault, during it, after it was over)");
            row(t, "recovery after fault over", String.format("%.1f s  (to the last failed write)", recoveryMillis() / 1000.0));
            row(t, "events and consumers settled", String.format("%.1f s after the load", v.settledIn().toMillis() / 1000.0));
            row(t, "events on Kafka twice or more", v.redeliveredEvents() + "  (at-least-once; no effect doubled unless 'duplicated')");
            t.append("  answers by write and status   ").append(new java.util.TreeMap<>(v.answers())).append('\n');
            v.examples().forEach(example -> t.append("   ").append(example).append('\n'));
            return t.toString();
        }

        private static void row(StringBuilder t, String name, Object value) {
            t.append(String.format("  %-30s %s%n", name, value));
        }
    }

    /** The least load after the fault is over. */
    private static final Duration AFTER_HEALED = Duration.ofSeconds(15);

    private final Path root;
    private final Path work;
    private final Profile profile;
    private final PrintStream out;

    public FaultRunner(Path root, Path work, Profile profile, PrintStream out) {
        this.root = root;
        this.work = work;
        this.profile = profile;
        this.out = out;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--") || !arg.contains("=")) {
                throw new IllegalArgumentException("Options are --name=value; see the class comment: " + arg);
            }
            options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
        }
        Profile full = Profile.full();
        Profile profile = new Profile(
                options.containsKey("scenarios") ? List.of(options.get("scenarios").split(",")) : full.scenarios(),
                Integer.parseInt(options.getOrDefault("rate", String.valueOf(full.rate()))),
                seconds(options, "load", full.load()), seconds(options, "fault-at", full.faultAt()),
                seconds(options, "broker-down", full.brokerDown()), seconds(options, "postgres-down", full.postgresDown()),
                seconds(options, "settle", full.settleWithin()), full.readyWithin(), Map.of(),
                seconds(options, "warm-up", full.warmUp()));
        Path work = Path.of(options.getOrDefault("work", "target/faults")).toAbsolutePath();
        List<Result> results = new FaultRunner(Path.of("").toAbsolutePath(), work, profile, System.out).run();
        System.exit(results.stream().allMatch(Result::holds) ? 0 : 1);
    }

    private static Duration seconds(Map<String, String> options, String name, Duration fallback) {
        return options.containsKey(name) ? Duration.ofSeconds(Long.parseLong(options.get(name))) : fallback;
    }

    /**
     * Runs every scenario of the profile, printing each one's table as it ends and all of them at the
     * end: those on the plain suite first, then those needing second replicas on a suite wired so,
     * each suite started from nothing (its own database, broker and services) and stopped after.
     */
    public List<Result> run() throws Exception {
        for (String name : profile.scenarios()) {
            scenario(name); // unknown names fail before anything starts
        }
        deleteRecursively(work);
        String run = Long.toString(System.currentTimeMillis() % 100_000_000, 36);
        List<String> plain = profile.scenarios().stream().filter(name -> !WITH_REPLICAS.contains(name)).toList();
        List<String> onReplicas = profile.scenarios().stream().filter(WITH_REPLICAS::contains).toList();
        List<Result> results = new ArrayList<>();
        if (!plain.isEmpty()) {
            results.addAll(runOnSuite(plain, false, work.resolve("plain"), run));
        }
        if (!onReplicas.isEmpty()) {
            results.addAll(runOnSuite(onReplicas, true, work.resolve("replicas"), run + "r"));
        }
        out.println("\n==== Fault suite: " + results.size() + " scenario(s), " + profile.rate() + " writes/s, "
                + profile.load().toSeconds() + " s of load each, fault at " + profile.faultAt().toSeconds() + " s ====");
        out.printf("%-24s %6s %6s %5s %5s %6s %9s %10s %5s %16s %9s%n", "scenario", "acked", "ok", "lost", "dupl",
                "unexp", "recovered", "5xx/503", "none", "failed b/d/a", "recovery");
        for (Result r : results) {
            Verdict v = r.verdict();
            out.printf("%-24s %6d %6d %5d %5d %6d %9d %10s %5d %16s %8.1fs%n", r.scenario(), v.acknowledged(), v.ok(),
                    v.lost(), v.duplicated(), v.unexpected(), v.recovered(), v.serverErrors() + "/" + v.unavailable(),
                    v.unanswered(), r.failedBefore() + "/" + r.failedDuring() + "/" + r.failedAfter(),
                    r.recoveryMillis() / 1000.0);
        }
        return results;
    }

    /** One suite (with second replicas of registry and supply, or not) from start to stop, and its scenarios on it. */
    private List<Result> runOnSuite(List<String> names, boolean replicas, Path dir, String run) throws Exception {
        Files.createDirectories(dir.resolve("logs"));
        List<Result> results = new ArrayList<>();
        try (EmbeddedDatabase database = EmbeddedDatabase.temporary(true);
                BrokerProcess broker = new BrokerProcess(dir.resolve("kafka"), FreePorts.next(), dir.resolve("logs/kafka.log"))) {
            broker.start(profile.readyWithin());
            Suite suite = replicas
                    ? Suite.wireWithSecondReplicas(root, dir.resolve("jwt"), dir.resolve("logs"), Suite.Ports.free(),
                            FreePorts.next(), FreePorts.next(), database, broker.bootstrapServers(), profile.serviceSettings())
                    : Suite.wire(root, dir.resolve("jwt"), dir.resolve("logs"), Suite.Ports.free(), database,
                            broker.bootstrapServers(), profile.serviceSettings());
            // Killed from outside (Ctrl-C, a timeout): the services and the broker must not outlive the runner.
            Thread cleanUp = new Thread(() -> {
                suite.stop();
                broker.close();
                database.close();
            }, "fault-runner-stop");
            Runtime.getRuntime().addShutdownHook(cleanUp);
            try {
                Instant began = Instant.now();
                suite.start();
                awaitReady(suite);
                out.printf("Suite%s ready in %.1f s (logs in %s); broker in its own process at %s%n",
                        replicas ? " (two replicas of registry and supply)" : "",
                        Duration.between(began, Instant.now()).toMillis() / 1000.0, dir.resolve("logs"),
                        broker.bootstrapServers());
                Fixture fixture = Fixture.make(suite.gateway().baseUrl(), suite.adminKey(), run);
                Checker checker = new Checker("jdbc:postgresql://127.0.0.1:" + database.port() + "/",
                        broker.bootstrapServers(), fixture);
                PostgresControl postgres = new PostgresControl(database, dir.resolve("logs/postgres.log"));
                Scenario.FaultTarget target = target(broker, suite, postgres, "jdbc:postgresql://127.0.0.1:"
                        + database.port() + "/");
                warmUp(fixture, "flt-" + run + "-warm-up");
                for (int i = 0; i < names.size(); i++) {
                    Scenario scenario = scenario(names.get(i));
                    Result result = runOne(scenario, fixture, checker, target, "flt-" + run + "-" + scenario.name(),
                            (i + 1) * 1_000_000);
                    results.add(result);
                    out.println(result.table());
                    awaitReady(suite); // the next scenario starts from a whole suite
                }
            } catch (Exception | Error e) {
                suite.services().forEach(service -> out.println(service.logTail(40)));
                throw e;
            } finally {
                suite.stop();
                Runtime.getRuntime().removeShutdownHook(cleanUp);
            }
        }
        return results;
    }

    private Result runOne(Scenario scenario, Fixture fixture, Checker checker, Scenario.FaultTarget target, String prefix,
            int usccBase) throws Exception {
        out.println("-- " + scenario.name() + ": " + scenario.description() + "; load " + profile.rate() + " writes/s for "
                + profile.load().toSeconds() + " s, fault at " + profile.faultAt().toSeconds() + " s");
        long faultAt;
        long healedAt;
        String measured;
        List<Op> ops;
        Fixture.Reporter reporter = fixture.reporter(prefix);
        try (WriteLoad load = new WriteLoad(fixture, reporter, prefix, usccBase, profile.rate(), Duration.ofSeconds(10))) {
            load.start();
            waitUntil(load, profile.faultAt());
            faultAt = load.elapsedMillis();
            measured = scenario.inject(target);
            healedAt = load.elapsedMillis();
            // A fault that outlasts the planned load (a slow restart) still gets load after it, to see recovery.
            waitUntil(load, Duration.ofMillis(Math.max(profile.load().toMillis(), healedAt + AFTER_HEALED.toMillis())));
            ops = load.stop();
        }
        Verdict verdict = checker.check(prefix, reporter, ops, profile.settleWithin());
        long first = -1;
        long last = -1;
        long[] failed = new long[3];
        for (Op op : ops) {
            if (op.indeterminate()) {
                first = first < 0 ? op.sentAt : Math.min(first, op.sentAt);
                last = Math.max(last, op.sentAt);
                failed[op.sentAt < faultAt ? 0 : op.sentAt < healedAt ? 1 : 2]++;
            }
        }
        return new Result(scenario.name(), scenario.description(), measured, verdict, faultAt, healedAt, first, last,
                failed[0], failed[1], failed[2]);
    }

    /**
     * Load before the first scenario, not checked: JVMs just started answer slowly until their hot
     * code is compiled, and those failures are no fault's doing.
     */
    private void warmUp(Fixture fixture, String prefix) throws Exception {
        if (profile.warmUp().isZero()) {
            return;
        }
        out.println("-- warm-up: " + profile.rate() + " writes/s for " + profile.warmUp().toSeconds() + " s, not checked");
        try (WriteLoad load = new WriteLoad(fixture, fixture.reporter(prefix), prefix, 0, profile.rate(),
                Duration.ofSeconds(10))) {
            load.start();
            waitUntil(load, profile.warmUp());
            load.stop();
        }
    }

    /** The scenario's schedule is wall-clock time by nature: the load runs while this waits. */
    private static void waitUntil(WriteLoad load, Duration at) throws InterruptedException {
        long left = at.toMillis() - load.elapsedMillis();
        if (left > 0) {
            TimeUnit.MILLISECONDS.sleep(left);
        }
    }

    private Scenario scenario(String name) {
        return switch (name) {
            case "broker-kill" -> Scenario.brokerKill(profile.brokerDown());
            case "kill-registry", "kill-supply", "kill-logistics", "kill-finance" ->
                    Scenario.serviceKill(name.substring("kill-".length()) + "-service");
            case "kill-gateway" -> Scenario.serviceKill("gateway");
            // Logistics' consumer of registrations: the busiest topic of the load (a fifth of its writes).
            case "consumer-kill-mid-batch" -> new ConsumerKillMidBatch("logistics-service", "logistics.RegistryEventHandler",
                    Duration.ofSeconds(10));
            case "postgres-stop" -> Scenario.postgresStop(profile.postgresDown());
            case "postgres-pause" -> Scenario.postgresPause(profile.postgresDown());
            case "relay-takeover-registry" -> Scenario.relayTakeover("registry-service");
            case "relay-takeover-supply" -> Scenario.relayTakeover("supply-service");
            default -> throw new IllegalArgumentException("No scenario " + name + "; there are " + ALL + " and "
                    + WITH_REPLICAS);
        };
    }

    private Scenario.FaultTarget target(BrokerProcess broker, Suite suite, PostgresControl postgres, String jdbcPrefix) {
        return new Scenario.FaultTarget() {
            @Override
            public BrokerProcess broker() {
                return broker;
            }

            @Override
            public ServiceProcess service(String module) {
                return suite.services().stream().filter(s -> s.name().equals(module)).findFirst()
                        .orElseThrow(() -> new IllegalArgumentException("No service " + module));
            }

            @Override
            public List<ServiceProcess> replicas(String module) {
                return suite.services().stream().filter(s -> s.name().equals(module)).toList();
            }

            @Override
            public String jdbcPrefix() {
                return jdbcPrefix;
            }

            @Override
            public PostgresControl postgres() {
                return postgres;
            }

            @Override
            public Duration readyWithin() {
                return profile.readyWithin();
            }
        };
    }

    private void awaitReady(Suite suite) throws InterruptedException {
        suite.awaitReady(profile.readyWithin());
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (java.util.stream.Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
