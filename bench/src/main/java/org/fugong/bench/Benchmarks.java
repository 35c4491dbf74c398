package org.fugong.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.fugong.devstack.KeyPairs;
import org.fugong.launcher.ServiceProcess;
import org.fugong.platform.standards.Uscc;
import org.fugong.devstack.EmbeddedDatabase;
import org.fugong.devstack.EmbeddedKafka;
import org.fugong.testing.KafkaEvents;
import org.fugong.devstack.DevJwt;

/**
 * The registry's benchmarks (issue 16), in one run on this machine, the registry from its
 * production jar on the embedded PostgreSQL and Kafka:
 * <ol>
 * <li>the write path: POST /api/v1/enterprises at saturation (closed loop) against pgbench running
 * the statements a registration issues, same clients, same database, in interleaved rounds
 * (medians), after a warm-up until the registry's compilers are idle; CPU per request of the
 * registry by thread group (from /proc) next to PostgreSQL's CPU per pgbench transaction;
 * <li>a JDK Flight Recorder profile of one more saturated phase: the request's CPU by part;
 * <li>the event path: registrations at half of the measured saturation, commit-to-consume latency
 * from each event's {@code ce_time} to its arrival at a consumer, then again right after a pgbench
 * burst; and 10,000 events written at once, time until the last is consumed, duplicates counted.
 * </ol>
 * With two or more CPUs the registry gets CPU {@code bench.service-cpus} (default the last one) and
 * everything else (this JVM: load generator and broker; PostgreSQL; pgbench) the others
 * ({@link CpuSplit}); {@code -Dbench.service-cpus=} shares all CPUs. Prints figures; never fails on them.
 */
public final class Benchmarks {

    private static final Logger LOG = Logger.getLogger(Benchmarks.class.getName());
    private static final String ISSUER = "https://gateway.fugong.bench";
    private static final int BURST_EVENTS = 10_000;

    /**
     * Each phase registers its own codes: warm-up A, saturation B (one letter per round from there:
     * B, D, H, J, K), profile P, saturation with the consumer C, events E and after the burst Q; the logistics benchmark's warm-up L,
     * saturation M, half rate N; the policy event benchmark's warm-up F and measured phase G.
     */
    private static final Map<String, String> RUN_LETTERS = Map.ofEntries(Map.entry("w", "A"), Map.entry("s0", "B"),
            Map.entry("s1", "D"), Map.entry("s2", "H"), Map.entry("s3", "J"), Map.entry("s4", "K"), Map.entry("p", "P"),
            Map.entry("c", "C"), Map.entry("e", "E"), Map.entry("q", "Q"), Map.entry("lw", "L"), Map.entry("ls", "M"), Map.entry("lh", "N"),
            Map.entry("f", "F"), Map.entry("fm", "G"));
    private static final int MAX_ROUNDS = 5;

    private Benchmarks() {
    }

    public static void main(String[] args) throws Exception {
        Duration phase = Duration.ofSeconds(Long.parseLong(System.getProperty("bench.seconds", "20")));
        int concurrency = Integer.parseInt(System.getProperty("bench.concurrency", "16"));
        int rounds = Math.min(MAX_ROUNDS, Integer.parseInt(System.getProperty("bench.rounds", "3")));
        Duration maxWarmUp = Duration.ofSeconds(Long.parseLong(System.getProperty("bench.warmup", "300")));
        int cpus = Runtime.getRuntime().availableProcessors();
        CpuSplit split = CpuSplit.from(System.getProperty("bench.service-cpus", cpus > 1 ? String.valueOf(cpus - 1) : ""));
        Path work = Files.createTempDirectory("fugong-bench");

        // -Dbench.durable=true: fsync and synchronous_commit on, as the run command and a real server have them.
        boolean durable = Boolean.getBoolean("bench.durable");
        // -Dbench.commit-times=true: PostgreSQL keeps each transaction's commit time, and the event
        // phases split an event's time before the relay's send at its commit.
        boolean commitTimes = Boolean.getBoolean("bench.commit-times");
        try (EmbeddedDatabase database = EmbeddedDatabase.temporary(durable,
                commitTimes ? Map.of("track_commit_timestamp", "on") : Map.of());
                EmbeddedKafka kafka = EmbeddedKafka.temporary().start()) {
            KeyPair keys = KeyPairs.loadOrCreate(work.resolve("jwt"));
            Map<String, String> environment = new java.util.HashMap<>(Map.of("QUARKUS_LOG_LEVEL", "WARN",
                    "JDK_JAVA_OPTIONS", JfrProfile.STACK_DEPTH));
            split.sizeJvm(environment, true);
            // -Dbench.relay-poll=50ms: how long the relay waits for a NOTIFY before it reads anyway (default 1s).
            String relayPoll = System.getProperty("bench.relay-poll");
            if (relayPoll != null) {
                environment.put("FUGONG_OUTBOX_POLL_INTERVAL", relayPoll);
            }
            ServiceProcess registry = ServiceProcess.onEmbeddedInfrastructure("registry-service", "registry",
                    Path.of("").toAbsolutePath(), 18081, database, kafka, work.resolve("jwt"), ISSUER,
                    work.resolve("registry.log"), environment);
            registry.start();
            try {
                registry.awaitReady(Duration.ofMinutes(2));
                ProcessHandle registryJvm = registry.handle().orElseThrow();
                split.pin(ProcessHandle.current(), List.of(registryJvm), List.of(database.server()));
                LOG.info(() -> "CPUs: " + split + "; PostgreSQL fsync=" + database.setting("fsync")
                        + " synchronous_commit=" + database.setting("synchronous_commit")
                        + " shared_buffers=" + database.setting("shared_buffers"));
                String admin = DevJwt.as("ADMIN").subject("bench").audience("registry").issuer(ISSUER).signedWith(keys.getPrivate())
                        .expiresIn(Duration.ofHours(2)).token();
                HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                        .connectTimeout(Duration.ofSeconds(5)).build();
                URI enterprises = URI.create(registry.baseUrl() + "/api/v1/enterprises");

                AtomicInteger warmUps = new AtomicInteger();
                JitWarmUp.untilSettled("POST /api/v1/enterprises", List.of(registryJvm), maxWarmUp,
                        () -> report("warm-up", ConstantRateLoad.saturate(http, concurrency, Duration.ofSeconds(10),
                                i -> register(enterprises, admin, "w", warmUps.getAndIncrement()), 201)));

                List<Double> ratios = new java.util.ArrayList<>();
                List<Double> throughputs = new java.util.ArrayList<>();
                for (int round = 0; round < rounds; round++) {
                    String letter = "s" + round;
                    LOG.info("Round " + (round + 1) + " of " + rounds);
                    ThreadCpu.Snapshot before = ThreadCpu.of(List.of(registryJvm));
                    Duration serverBefore = serverCpu(database);
                    ConstantRateLoad.Result api = ConstantRateLoad.saturate(http, concurrency, phase,
                            i -> register(enterprises, admin, letter, i), 201);
                    Map<String, Duration> used = ThreadCpu.of(List.of(registryJvm)).since(before);
                    double serverMicros = serverCpu(database).minus(serverBefore).toNanos() / 1000.0 / Math.max(1, api.ok());
                    report("POST, closed loop", api);
                    LOG.info("  registry CPU per request: " + perRequest(used, api.ok()));
                    LOG.info(String.format("  PostgreSQL CPU per request %.0f µs", serverMicros));
                    double pgbench = pgbench(database, concurrency, phase, work);
                    // The relay publishes pgbench's events too; the next round starts when it is done.
                    awaitOutboxDrained(database);
                    throughputs.add(api.throughput());
                    ratios.add(api.throughput() / pgbench);
                    LOG.info(String.format("  round %d: POST %.0f/s, pgbench %.0f tx/s, ratio %.2f", round + 1,
                            api.throughput(), pgbench, api.throughput() / pgbench));
                }
                double saturation = GatewayBenchmark.median(throughputs);
                LOG.info(String.format("%nPOST /api/v1/enterprises against pgbench, median of %d rounds: %.0f req/s, "
                        + "ratio %.2f (target >= 0.5)%n", rounds, saturation, GatewayBenchmark.median(ratios)));

                profile("POST enterprises", http, i -> register(enterprises, admin, "p", i), registryJvm, concurrency, phase,
                        work.resolve("registry-post.jfr"));

                // Half of what the registry takes while a consumer reads its events on the generator's CPU:
                // the closed-loop saturation above has no consumer, and half of it can be past the edge.
                int half = (int) Math.max(1, saturationWithConsumer(http, enterprises, admin, kafka, concurrency, phase) / 2);
                eventLatency("at half of saturation", http, enterprises, admin, kafka, half, phase, "e",
                        commitTimes ? database : null);
                relayRead(database);
                pgbench(database, concurrency, phase, work);
                // pgbench's transactions wrote outbox rows too, that the relay publishes first: the phase
                // starts when they are out, so that it measures the relay after the burst, not the backlog.
                awaitOutboxDrained(database);
                eventLatency("right after a pgbench burst", http, enterprises, admin, kafka, half, phase, "q",
                        commitTimes ? database : null);
                relayRead(database);
                burst(database, kafka);
            } finally {
                registry.stop();
            }
        }
    }

    /** CPU per request by thread group, in microseconds, with the total. */
    static String perRequest(Map<String, Duration> used, long requests) {
        StringBuilder line = new StringBuilder();
        long total = 0;
        for (Map.Entry<String, Duration> group : used.entrySet()) {
            total += group.getValue().toNanos();
            line.append(String.format("%s %.0f µs, ", group.getKey(), group.getValue().toNanos() / 1000.0 / Math.max(1, requests)));
        }
        return line.append(String.format("total %.0f µs", total / 1000.0 / Math.max(1, requests))).toString();
    }

    /** One more saturated phase under JFR: the Java threads' CPU per request, split by the part of the request. */
    static void profile(String name, HttpClient http, IntFunction<HttpRequest> requests, ProcessHandle service,
            int concurrency, Duration phase, Path recording) throws Exception {
        JfrProfile jfr = JfrProfile.start(service, recording);
        ThreadCpu.Snapshot before = ThreadCpu.of(List.of(service));
        ConstantRateLoad.Result r = ConstantRateLoad.saturate(http, concurrency, phase, requests, 201);
        Map<String, Duration> used = ThreadCpu.of(List.of(service)).since(before);
        Map<String, Long> samples = jfr.stop();
        report(name + " under JFR", r);
        LOG.info("  service CPU per request: " + perRequest(used, r.ok()));
        // Execution samples are of Java threads running Java code: scale them to those threads' CPU.
        long javaNanos = used.entrySet().stream().filter(g -> !g.getKey().equals(ThreadCpu.COMPILERS)
                && !g.getKey().equals("GC and VM")).mapToLong(g -> g.getValue().toNanos()).sum();
        long total = samples.values().stream().mapToLong(Long::longValue).sum();
        StringBuilder table = new StringBuilder(String.format("Where a request's CPU goes, %s (%d JFR execution samples, "
                + "scaled to the Java threads' %.0f µs per request):%n", name, total, javaNanos / 1000.0 / Math.max(1, r.ok())));
        samples.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(part -> table.append(String.format("  %-50s %5.1f %%  %6.0f µs%n", part.getKey(),
                        100.0 * part.getValue() / Math.max(1, total),
                        javaNanos / 1000.0 / Math.max(1, r.ok()) * part.getValue() / Math.max(1, total))));
        LOG.info(table.toString());
    }

    static HttpRequest register(URI uri, String token, String run, int i) {
        return register(uri, "Authorization", "Bearer " + token, run, i);
    }

    /** A registration in Wuhan's Jiang'an district, the {@code i}-th of phase {@code run}, with this credential. */
    static HttpRequest register(URI uri, String header, String credential, String run, int i) {
        String uscc = Uscc.withCheckCharacter(String.format("91420102%s%08d", RUN_LETTERS.get(run), i));
        String body = """
                {"kind":"ENTERPRISE","name":"基准测试企业%d","uscc":"%s","region_code":"420102","industry":"FOOD",\
                "ownership":"PRIVATE","employees":120,"annual_revenue":"5000000.00"}""".formatted(i, uscc);
        return HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).header(header, credential)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    /**
     * The statements a registration issues, in one transaction: the organisation, its first status
     * history row, and its outbox event with the aggregate's advisory lock and the relay's NOTIFY
     * ({@code OutboxWriter.append}). PostgreSQL serialises the commits of transactions that notified.
     */
    static final String PGBENCH_SCRIPT = """
            BEGIN;
            INSERT INTO enterprise (id, kind, name, uscc, region_code, industry, ownership, employees, annual_revenue,
                size_class, priority_tier, key_enterprise, status, resumption_status, created_at, updated_at, version)
            VALUES ((lpad(to_hex((extract(epoch FROM clock_timestamp()) * 1000)::bigint), 12, '0')
                    || substr(md5(random()::text), 1, 20))::uuid,
                'ENTERPRISE', 'pgbench', upper(substr(md5(random()::text || clock_timestamp()::text), 1, 18)),
                '420102', 'FOOD', 'PRIVATE', 120, 5000000.00, 'SMALL', 'ESSENTIAL', false, 'ACTIVE', 'NOT_RESUMED', now(), now(), 0)
            RETURNING id \\gset
            INSERT INTO enterprise_status_history (enterprise_id, region_code, status, resumption_status, valid_from)
            VALUES (':id', '420102', 'ACTIVE', 'NOT_RESUMED', now());
            WITH aggregate_lock AS (SELECT pg_advisory_xact_lock(hashtextextended('enterprise:' || ':id', 0))),
                 wake_relay AS (SELECT pg_notify('fugong_outbox', ''))
            INSERT INTO outbox_event (id, topic, aggregate_type, aggregate_id, type, payload, traceparent)
            SELECT gen_random_uuid(), 'bench.pgbench', 'enterprise', ':id', 'bench', '{"enterprise": {"name": "pgbench"}}',
                '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01' FROM aggregate_lock, wake_relay;
            COMMIT;
            """;


    /** pgbench running {@link #PGBENCH_SCRIPT}, with PostgreSQL's CPU per transaction; returns transactions per second. */
    static double pgbench(EmbeddedDatabase database, int clients, Duration duration, Path work)
            throws IOException, InterruptedException {
        Path script = work.resolve("register.sql");
        Files.writeString(script, PGBENCH_SCRIPT, StandardCharsets.UTF_8);
        LOG.info(() -> "pgbench with " + clients + " clients for " + duration);
        Duration serverBefore = serverCpu(database);
        Process process = new ProcessBuilder("pgbench", "-n", "-c", String.valueOf(clients), "-j", "2", "-T",
                String.valueOf(duration.toSeconds()), "-f", script.toString(), "-h", "127.0.0.1", "-p",
                String.valueOf(database.port()), "-U", EmbeddedDatabase.USER, "registry").redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor();
        Matcher tps = Pattern.compile("tps = ([0-9.]+)").matcher(output);
        if (!tps.find()) {
            throw new IllegalStateException("pgbench gave no tps:\n" + output);
        }
        double rate = Double.parseDouble(tps.group(1));
        double serverMicros = serverCpu(database).minus(serverBefore).toNanos() / 1000.0 / Math.max(1, rate * duration.toSeconds());
        LOG.info(() -> "pgbench: " + output.lines().filter(l -> l.contains("latency") || l.contains("tps"))
                .reduce("", (a, b) -> a + "\n  " + b) + String.format("%n  PostgreSQL CPU per transaction %.0f µs", serverMicros));
        return rate;
    }

    /** Waits until the relay has published every event in the outbox, and says how long that took. */
    static void awaitOutboxDrained(EmbeddedDatabase database) throws Exception {
        long began = System.nanoTime();
        long deadline = began + TimeUnit.MINUTES.toNanos(3);
        try (Connection c = DriverManager.getConnection(database.jdbcUrl("registry"), EmbeddedDatabase.USER, "");
                Statement count = c.createStatement()) {
            while (true) {
                try (var rows = count.executeQuery("SELECT count(*) FROM outbox_event WHERE published_at IS NULL")) {
                    rows.next();
                    if (rows.getLong(1) == 0) {
                        break;
                    }
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the relay did not drain the outbox within 3 minutes");
                }
                TimeUnit.MILLISECONDS.sleep(100); // polling the outbox, not synchronising threads
            }
        }
        LOG.info(String.format("  outbox drained %.1f s after pgbench", (System.nanoTime() - began) / 1e9));
    }

    /**
     * The relay's read of its next batch (its statement, its batch size) as the database plans and
     * runs it now, and the outbox's live and dead rows: what each wake of the relay costs.
     */
    static void relayRead(EmbeddedDatabase database) throws Exception {
        StringBuilder out = new StringBuilder("The relay's read, now:\n");
        try (Connection c = DriverManager.getConnection(database.jdbcUrl("registry"), EmbeddedDatabase.USER, "");
                Statement s = c.createStatement()) {
            try (var rows = s.executeQuery("""
                    EXPLAIN (ANALYZE, BUFFERS) SELECT seq, id, topic, aggregate_id, type, payload::text, traceparent, occurred_at
                    FROM outbox_event WHERE published_at IS NULL ORDER BY seq LIMIT 500""")) {
                while (rows.next()) {
                    out.append("  ").append(rows.getString(1)).append('\n');
                }
            }
            try (var row = s.executeQuery("""
                    SELECT n_live_tup, n_dead_tup, coalesce(last_autovacuum::text, 'never'), autovacuum_count
                    FROM pg_stat_user_tables WHERE relname = 'outbox_event'""")) {
                row.next();
                out.append(String.format("  outbox_event: %d live rows, %d dead, last autovacuum %s (%d so far)",
                        row.getLong(1), row.getLong(2), row.getString(3), row.getLong(4)));
            }
        }
        LOG.info(out.toString());
    }

    /** CPU used so far by PostgreSQL: the postmaster and its backends, those that ended included. */
    static Duration serverCpu(EmbeddedDatabase database) {
        return ProcessTreeCpu.of(database.server());
    }

    /** Registrations per second in a closed loop while a consumer reads every event of the topic. */
    static double saturationWithConsumer(HttpClient http, URI enterprises, String admin, EmbeddedKafka kafka,
            int concurrency, Duration phase) throws InterruptedException {
        AtomicLong consumed = new AtomicLong();
        ConstantRateLoad.Result r;
        try (TopicTap tap = TopicTap.open(kafka, List.of("registry.enterprises"), record -> consumed.incrementAndGet())) {
            r = ConstantRateLoad.saturate(http, concurrency, phase, i -> register(enterprises, admin, "c", i), 201);
        }
        report("POST with the consumer running", r);
        LOG.info(() -> "  " + consumed.get() + " events consumed meanwhile; the event phases run at half of "
                + Math.round(r.throughput()) + "/s");
        return r.throughput();
    }

    /**
     * Sends registrations at a constant rate and measures from each event's ce_time to its arrival
     * at a consumer; deliveries of an event already seen are counted as duplicates.
     */
    static void eventLatency(String name, HttpClient http, URI enterprises, String admin, EmbeddedKafka kafka, int rate,
            Duration duration, String run, EmbeddedDatabase commitTimes) throws Exception {
        Histogram latency = new Histogram(TimeUnit.MINUTES.toMicros(1), 3);
        // The two halves of it, at the relay's send (the record's CreateTime, which the producer sets
        // in send(), to the millisecond): the commit, NOTIFY and the relay's read before it; the
        // producer's batching, the broker and the consumer's fetch after it.
        Histogram toSend = new Histogram(TimeUnit.MINUTES.toMicros(1), 3);
        Histogram sendToArrival = new Histogram(TimeUnit.MINUTES.toMicros(1), 3);
        Set<String> seen = ConcurrentHashMap.newKeySet();
        // Each event's ce_time and send, by enterprise, to be set against its transaction's commit.
        Map<String, Instant[]> times = new ConcurrentHashMap<>();
        AtomicInteger duplicates = new AtomicInteger();
        String usccPrefix = "91420102" + RUN_LETTERS.get(run);
        long expected = duration.toSeconds() * rate;
        ConstantRateLoad.Result load;
        try (TopicTap tap = TopicTap.open(kafka, List.of("registry.enterprises"), record -> {
            Instant now = Instant.now();
            if (record.value().contains(usccPrefix)) {
                if (!seen.add(KafkaEvents.header(record, "ce_id"))) {
                    duplicates.incrementAndGet();
                    return;
                }
                Instant written = ceTime(record);
                Instant sent = Instant.ofEpochMilli(record.timestamp());
                latency.recordValue(Math.max(1, Duration.between(written, now).toNanos() / 1000));
                toSend.recordValue(Math.max(1, Duration.between(written, sent).toNanos() / 1000));
                sendToArrival.recordValue(Math.max(1, Duration.between(sent, now).toNanos() / 1000));
                times.put(record.key(), new Instant[] { written, sent });
            }
        })) {
            LOG.info(() -> "Event latency " + name + ": " + rate + " registrations/s for " + duration);
            load = ConstantRateLoad.run(http, rate, duration, i -> register(enterprises, admin, run, i), 201);
            tap.awaitUntil(() -> latency.getTotalCount() >= load.ok(), Duration.ofSeconds(30));
        }
        report("API during the event run", load);
        LOG.info(String.format("Commit-to-consume latency %s, %d/s, over %d of %d events: p50 %.1f ms, p99 %.1f ms, "
                + "max %.1f ms, %d duplicates (target p99 <= 50 ms)", name, rate, latency.getTotalCount(), expected,
                latency.getValueAtPercentile(50) / 1000.0, latency.getValueAtPercentile(99) / 1000.0,
                latency.getMaxValue() / 1000.0, duplicates.get()));
        LOG.info(String.format("  of which ce_time to the relay's send: p50 %.1f ms, p99 %.1f ms; the send to arrival: "
                + "p50 %.1f ms, p99 %.1f ms", toSend.getValueAtPercentile(50) / 1000.0,
                toSend.getValueAtPercentile(99) / 1000.0, sendToArrival.getValueAtPercentile(50) / 1000.0,
                sendToArrival.getValueAtPercentile(99) / 1000.0));
        if (commitTimes != null) {
            splitAtCommit(commitTimes, times);
        }
    }

    /**
     * The time before the relay's send, split at the registering transaction's commit (the
     * enterprise row's xmin, which nothing in the benchmark updates later): ce_time to commit is the
     * rest of the request's transaction and its COMMIT; commit to send is NOTIFY, the relay's wake,
     * its read and its send.
     */
    static void splitAtCommit(EmbeddedDatabase database, Map<String, Instant[]> times) throws Exception {
        Histogram toCommit = new Histogram(TimeUnit.MINUTES.toMicros(1), 3);
        Histogram commitToSend = new Histogram(TimeUnit.MINUTES.toMicros(1), 3);
        Histogram sendToMarked = new Histogram(TimeUnit.MINUTES.toMicros(1), 3);
        try (Connection c = DriverManager.getConnection(database.jdbcUrl("registry"), EmbeddedDatabase.USER, "");
                var select = c.prepareStatement("""
                        SELECT e.id::text, pg_xact_commit_timestamp(e.xmin), min(o.published_at)
                        FROM enterprise e JOIN outbox_event o ON o.aggregate_id = e.id::text
                        WHERE e.id = ANY (?::uuid[]) GROUP BY e.id, e.xmin""")) {
            select.setArray(1, c.createArrayOf("text", times.keySet().toArray()));
            try (var rows = select.executeQuery()) {
                while (rows.next()) {
                    OffsetDateTime commit = rows.getObject(2, OffsetDateTime.class);
                    OffsetDateTime published = rows.getObject(3, OffsetDateTime.class);
                    if (commit == null || published == null) {
                        continue; // no commit time kept for it, or the relay's marking not committed yet
                    }
                    Instant committed = commit.toInstant();
                    Instant[] event = times.get(rows.getString(1));
                    toCommit.recordValue(Math.max(1, Duration.between(event[0], committed).toNanos() / 1000));
                    commitToSend.recordValue(Math.max(1, Duration.between(committed, event[1]).toNanos() / 1000));
                    Instant marked = published.toInstant();
                    sendToMarked.recordValue(Math.max(1, Duration.between(event[1], marked).toNanos() / 1000));
                }
            }
        }
        LOG.info(String.format("  and before the send, over %d events: ce_time to the commit p50 %.1f ms, p99 %.1f ms; "
                + "the commit to the relay's send p50 %.1f ms, p99 %.1f ms; the send to the relay's marking it published "
                + "(its flush, the acks, the UPDATE) p50 %.1f ms, p99 %.1f ms", toCommit.getTotalCount(),
                toCommit.getValueAtPercentile(50) / 1000.0, toCommit.getValueAtPercentile(99) / 1000.0,
                commitToSend.getValueAtPercentile(50) / 1000.0, commitToSend.getValueAtPercentile(99) / 1000.0,
                sendToMarked.getValueAtPercentile(50) / 1000.0, sendToMarked.getValueAtPercentile(99) / 1000.0));
    }

    /**
     * 10,000 events written at once (one statement, as a batch job would), then the time until the
     * relay has published the last and a consumer has it, and how many arrived twice.
     */
    static void burst(EmbeddedDatabase database, EmbeddedKafka kafka) throws Exception {
        Set<String> seen = ConcurrentHashMap.newKeySet();
        AtomicInteger duplicates = new AtomicInteger();
        AtomicLong lastArrival = new AtomicLong();
        try (TopicTap tap = TopicTap.open(kafka, List.of("registry.enterprises"), record -> {
            if ("bench.burst".equals(KafkaEvents.header(record, "ce_type"))) {
                if (!seen.add(KafkaEvents.header(record, "ce_id"))) {
                    duplicates.incrementAndGet();
                }
                lastArrival.set(System.nanoTime());
            }
        }); Connection c = DriverManager.getConnection(database.jdbcUrl("registry"), EmbeddedDatabase.USER, "")) {
            long written = System.nanoTime();
            try (Statement insert = c.createStatement()) {
                insert.execute("""
                        INSERT INTO outbox_event (id, topic, aggregate_type, aggregate_id, type, payload)
                        SELECT gen_random_uuid(), 'registry.enterprises', 'enterprise', 'burst-' || (n %% 500), 'bench.burst',
                               jsonb_build_object('n', n) FROM generate_series(1, %d) AS n;
                        SELECT pg_notify('fugong_outbox', '')""".formatted(BURST_EVENTS));
            }
            tap.awaitUntil(() -> seen.size() >= BURST_EVENTS, Duration.ofMinutes(2));
            LOG.info(String.format("Burst: %d events written at once, %d consumed, the last %.2f s after the write, "
                    + "%d duplicates (target: 0 duplicates, no stall)", BURST_EVENTS, seen.size(),
                    (lastArrival.get() - written) / 1e9, duplicates.get()));
        }
    }

    /** When the event's transaction wrote it: its CloudEvents time. */
    static Instant ceTime(ConsumerRecord<String, String> record) {
        return OffsetDateTime.parse(KafkaEvents.header(record, "ce_time")).toInstant();
    }

    static void report(String name, ConstantRateLoad.Result r) {
        Histogram h = r.latencyMicros();
        LOG.info(String.format("%-32s %8.1f ok/s  (%d ok, %d failed in %.1f s)  p50 %.2f ms  p90 %.2f ms  p99 %.2f ms"
                + "  p99.9 %.1f ms  max %.1f ms", name, r.throughput(), r.ok(), r.failed(), r.seconds(),
                h.getValueAtPercentile(50) / 1000.0, h.getValueAtPercentile(90) / 1000.0,
                h.getValueAtPercentile(99) / 1000.0, h.getValueAtPercentile(99.9) / 1000.0, h.getMaxValue() / 1000.0));
    }
}
