package org.fugong.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
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
 * The registry's benchmarks, in one run on this machine: POST /api/v1/enterprises throughput
 * against pgbench doing the same two inserts, and commit-to-consume latency of events at a
 * constant 200 events/s. Prints figures; never fails on them.
 */
public final class Benchmarks {

    private static final Logger LOG = Logger.getLogger(Benchmarks.class.getName());
    private static final String ISSUER = "https://gateway.fugong.bench";

    /**
     * Each phase registers its own codes: warm-up A, saturation B, half rate C, events E; the
     * logistics benchmark's warm-up L, saturation M, half rate N; the policy event benchmark's
     * warm-up F and measured phase G.
     */
    private static final Map<String, String> RUN_LETTERS = Map.of("w", "A", "s", "B", "h", "C", "e", "E",
            "lw", "L", "ls", "M", "lh", "N", "f", "F", "fm", "G");

    private Benchmarks() {
    }

    public static void main(String[] args) throws Exception {
        Duration phase = Duration.ofSeconds(Long.parseLong(System.getProperty("bench.seconds", "20")));
        int concurrency = Integer.parseInt(System.getProperty("bench.concurrency", "16"));
        int eventRate = Integer.parseInt(System.getProperty("bench.eventRate", "200"));
        Path work = Files.createTempDirectory("fugong-bench");

        // -Dbench.durable=true: fsync and synchronous_commit on, as the run command and a real server have them.
        boolean durable = Boolean.getBoolean("bench.durable");
        try (EmbeddedDatabase database = EmbeddedDatabase.temporary(durable);
                EmbeddedKafka kafka = EmbeddedKafka.temporary().start()) {
            KeyPair keys = KeyPairs.loadOrCreate(work.resolve("jwt"));
            ServiceProcess registry = ServiceProcess.onEmbeddedInfrastructure("registry-service", "registry",
                    Path.of("").toAbsolutePath(), 18081, database, kafka, work.resolve("jwt"), ISSUER,
                    work.resolve("registry.log"), Map.of("QUARKUS_LOG_LEVEL", "WARN"));
            registry.start();
            try {
                registry.awaitReady(Duration.ofMinutes(2));
                String admin = DevJwt.as("ADMIN").subject("bench").audience("registry").issuer(ISSUER).signedWith(keys.getPrivate())
                        .expiresIn(Duration.ofHours(2)).token();
                HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
                URI enterprises = URI.create(registry.baseUrl() + "/api/v1/enterprises");

                LOG.info("Warming up...");
                ConstantRateLoad.saturate(http, concurrency, Duration.ofSeconds(10), i -> register(enterprises, admin, "w", i), 201);

                LOG.info(() -> "Saturating POST /api/v1/enterprises with " + concurrency + " clients for " + phase);
                ConstantRateLoad.Result api = ConstantRateLoad.saturate(http, concurrency, phase,
                        i -> register(enterprises, admin, "s", i), 201);
                report("API, closed loop", api);

                int half = (int) Math.max(1, api.throughput() / 2);
                LOG.info(() -> "Constant rate at half of that, " + half + "/s, for " + phase);
                report("API, constant rate " + half + "/s", ConstantRateLoad.run(http, half, phase,
                        i -> register(enterprises, admin, "h", i), 201));

                double pgbench = pgbench(database, concurrency, phase, work);
                LOG.info(String.format("%nPOST throughput %.0f/s, pgbench %.0f tx/s, ratio %.2f (target >= 0.5); "
                        + "PostgreSQL fsync=%s synchronous_commit=%s%n", api.throughput(), pgbench,
                        api.throughput() / pgbench, database.setting("fsync"), database.setting("synchronous_commit")));

                eventLatency(http, enterprises, admin, kafka, eventRate, phase);
            } finally {
                registry.stop();
            }
        }
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

    /** pgbench with the same two inserts a registration makes: the organisation and its outbox row. */
    static double pgbench(EmbeddedDatabase database, int clients, Duration duration, Path work)
            throws IOException, InterruptedException {
        Path script = work.resolve("register.sql");
        Files.writeString(script, """
                BEGIN;
                INSERT INTO enterprise (id, kind, name, uscc, region_code, industry, ownership, employees, annual_revenue,
                    size_class, priority_tier, key_enterprise, status, resumption_status, created_at, updated_at, version)
                VALUES (gen_random_uuid(), 'ENTERPRISE', 'pgbench', upper(substr(md5(random()::text || clock_timestamp()::text), 1, 18)),
                    '420102', 'FOOD', 'PRIVATE', 120, 5000000.00, 'SMALL', 'ESSENTIAL', false, 'ACTIVE', 'NOT_RESUMED', now(), now(), 0);
                INSERT INTO outbox_event (id, topic, aggregate_type, aggregate_id, type, payload)
                VALUES (gen_random_uuid(), 'bench.pgbench', 'enterprise', md5(random()::text), 'bench', '{"enterprise": {"name": "pgbench"}}');
                COMMIT;
                """, StandardCharsets.UTF_8);
        LOG.info(() -> "pgbench with " + clients + " clients for " + duration);
        Process process = new ProcessBuilder("pgbench", "-n", "-c", String.valueOf(clients), "-j", "2", "-T",
                String.valueOf(duration.toSeconds()), "-f", script.toString(), "-h", "127.0.0.1", "-p",
                String.valueOf(database.port()), "-U", EmbeddedDatabase.USER, "registry").redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor();
        Matcher tps = Pattern.compile("tps = ([0-9.]+)").matcher(output);
        if (!tps.find()) {
            throw new IllegalStateException("pgbench gave no tps:\n" + output);
        }
        LOG.info(() -> "pgbench: " + output.lines().filter(l -> l.contains("latency") || l.contains("tps"))
                .reduce("", (a, b) -> a + "\n  " + b));
        return Double.parseDouble(tps.group(1));
    }

    /** Sends registrations at a constant rate and measures from each event's ce_time to its arrival at a consumer. */
    static void eventLatency(HttpClient http, URI enterprises, String admin, EmbeddedKafka kafka, int rate,
            Duration duration) throws InterruptedException {
        Histogram latency = new Histogram(TimeUnit.MINUTES.toMicros(1), 3);
        long expected = duration.toSeconds() * rate;
        ConstantRateLoad.Result load;
        try (TopicTap tap = TopicTap.open(kafka, List.of("registry.enterprises"), record -> {
            Instant now = Instant.now();
            if (record.value().contains("基准测试企业") && record.value().contains("91420102E")) {
                latency.recordValue(Math.max(1, Duration.between(ceTime(record), now).toNanos() / 1000));
            }
        })) {
            LOG.info(() -> "Event latency: " + rate + " registrations/s for " + duration);
            load = ConstantRateLoad.run(http, rate, duration, i -> register(enterprises, admin, "e", i), 201);
            tap.awaitUntil(() -> latency.getTotalCount() >= load.ok(), Duration.ofSeconds(30));
        }
        report("API during the event run", load);
        LOG.info(String.format("Commit-to-consume latency over %d of %d events: p50 %.1f ms, p99 %.1f ms, max %.1f ms "
                + "(target p99 <= 50 ms)", latency.getTotalCount(), expected,
                latency.getValueAtPercentile(50) / 1000.0, latency.getValueAtPercentile(99) / 1000.0,
                latency.getMaxValue() / 1000.0));
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
