package org.fugong.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.logging.Logger;

import org.fugong.devstack.EmbeddedDatabase;
import org.fugong.devstack.EmbeddedKafka;
import org.fugong.launcher.RestClient;
import org.fugong.launcher.ServiceProcess;
import org.fugong.launcher.Suite;
import org.fugong.platform.standards.ResidentId;
import org.fugong.platform.standards.Uscc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Checkpoint scans through the gateway next to the registry's POST /api/v1/enterprises through the
 * gateway, in one run, with the same clients and the same method: both are a check and a write (a
 * scan verifies the pass code, looks the pass up and keeps the scan; a registration validates the
 * body and its USCC and writes the enterprise with its outbox event). Each way is warmed until the
 * compilers of the JVMs behind it are idle, then each at saturation (closed loop, the JDK client)
 * and each at a constant rate of half its own saturation ({@link ConstantRateLoad}, open model,
 * latency from the intended start). Registry, logistics and the gateway run from their production
 * jars on the embedded PostgreSQL and Kafka, as the run command runs them. Figures, not a test.
 *
 * <p>Scans come two ways: of codes logistics verified before and remembers (a pass at the second
 * and later checkpoints of its route: no signature check), and of codes it has not seen (twice as
 * many passes as it remembers, scanned in turn: every scan checks the ES256 signature).
 */
public final class LogisticsBenchmark {

    private static final Logger LOG = Logger.getLogger(LogisticsBenchmark.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    /** The supply loop's route: Xiantao (the mask maker) through Caidian to Dongxihu (Jinyintan hospital). */
    private static final String XIANTAO = "429004";
    private static final String CAIDIAN = "420114";
    private static final String DONGXIHU = "420112";
    /** How many verified codes logistics remembers in this benchmark ({@link BenchSuite} sets it). */
    static final int REMEMBERED_CODES = 200;
    /** Scanned in turn, so each was verified and is remembered: a pass at the second checkpoint of its route. */
    private static final int SEEN_PASSES = REMEMBERED_CODES / 2;
    /** Twice what logistics remembers, scanned in turn: each is forgotten before it comes round again. */
    private static final int ALL_PASSES = REMEMBERED_CODES * 2;
    private static final String SCANS = "scans, code seen before";
    private static final String NEW_SCANS = "scans, code not seen";
    private static final String REGISTRATIONS = "POST enterprises";

    private LogisticsBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Duration phase = Duration.ofSeconds(Long.parseLong(System.getProperty("bench.seconds", "15")));
        int concurrency = Integer.parseInt(System.getProperty("bench.concurrency", "16"));
        Duration maxWarmUp = Duration.ofSeconds(Long.parseLong(System.getProperty("bench.warmup", "300")));
        Path work = Files.createTempDirectory("fugong-logistics-bench");

        try (EmbeddedDatabase database = EmbeddedDatabase.temporary();
                EmbeddedKafka kafka = EmbeddedKafka.temporary().start();
                BenchSuite running = BenchSuite.start(work, database, kafka,
                        s -> List.of(s.registry(), s.logistics(), s.gateway()))) {
            Suite suite = running.suite();
            String gateway = suite.gateway().baseUrl();
            RestClient admin = RestClient.withApiKey(gateway, suite.adminKey());
            RestClient authority = RestClient.withApiKey(gateway, key(admin, Map.of("name", "Hubei authority",
                    "role", "AUTHORITY", "region_scope", "42", "tier", "partner")));
            String maker = authority.post("/api/v1/enterprises", Map.of("kind", "ENTERPRISE", "name", "仙桃市基准防护用品有限公司",
                    "uscc", Uscc.withCheckCharacter("9142900400000000B"),
                    "region_code", XIANTAO, "industry", "PROTECTIVE_GEAR", "ownership", "PRIVATE", "employees", 320,
                    "annual_revenue", "48000000.00")).get("id").asText();
            RestClient enterprise = RestClient.withApiKey(gateway, key(admin, Map.of("name", "mask maker",
                    "role", "ENTERPRISE", "org_id", maker)));
            List<byte[]> scanBodies = new java.util.ArrayList<>();
            String checkpoint = authority.post("/api/v1/checkpoints", Map.of("name", "沪渝高速 蔡甸收费站 (bench)",
                    "county_code", CAIDIAN, "kind", "EXPRESSWAY_TOLL_STATION")).get("id").asText();
            String officer = key(admin, Map.of("name", "officer at Caidian", "role", "CHECKPOINT", "region_scope", CAIDIAN,
                    "tier", "partner"));
            String authorityKey = authority.credentialValue();
            LOG.info(() -> "Issuing " + ALL_PASSES + " passes, one per vehicle");
            for (int v = 0; v < ALL_PASSES; v++) {
                String plate = String.format("鄂M%05d", v);
                String passId = passOf(enterprise, plate, v == 0).get("id").asText();
                String code = enterprise.get("/api/v1/green-passes/" + passId).get("code").asText();
                scanBodies.add(JSON.writeValueAsBytes(Map.of("checkpoint_id", checkpoint, "code", code, "plate_read", plate,
                        "waiting_minutes", 6)));
            }
            URI scans = URI.create(gateway + "/api/v1/checkpoint-scans");
            URI enterprises = URI.create(gateway + "/api/v1/enterprises");
            // Registration codes must differ across every phase of the run: warm-up steps share a counter.
            AtomicInteger warmUps = new AtomicInteger();
            Map<String, IntFunction<HttpRequest>> ways = new LinkedHashMap<>();
            IntFunction<IntFunction<HttpRequest>> scanOf = passes -> i -> HttpRequest.newBuilder(scans)
                    .timeout(Duration.ofSeconds(30)).header("X-Api-Key", officer).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(scanBodies.get(i % passes))).build();
            ways.put(SCANS, scanOf.apply(SEEN_PASSES));
            ways.put(NEW_SCANS, scanOf.apply(ALL_PASSES));
            ways.put(REGISTRATIONS, i -> Benchmarks.register(enterprises, "X-Api-Key", authorityKey, "lw",
                    warmUps.getAndIncrement()));
            // HTTP/1.1: the JDK client would otherwise upgrade to h2c and funnel every client through one connection.
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5)).build();
            if (!"VALID".equals(JSON.readTree(http.send(ways.get(SCANS).apply(0),
                    java.net.http.HttpResponse.BodyHandlers.ofString()).body()).get("result").asText())) {
                throw new IllegalStateException("the bench's scan is not VALID");
            }

            ServiceProcess gatewayJvm = suite.gateway();
            Map<String, List<ProcessHandle>> behind = Map.of(
                    SCANS, running.jvms(gatewayJvm, suite.logistics()),
                    NEW_SCANS, running.jvms(gatewayJvm, suite.logistics()),
                    REGISTRATIONS, running.jvms(gatewayJvm, suite.registry()));
            for (Map.Entry<String, IntFunction<HttpRequest>> way : ways.entrySet()) {
                JitWarmUp.untilSettled(way.getKey(), behind.get(way.getKey()), maxWarmUp,
                        () -> Benchmarks.report(way.getKey() + " (warm-up)", ConstantRateLoad.saturate(http, concurrency,
                                Duration.ofSeconds(10), way.getValue(), 201)));
            }

            Map<String, ProcessHandle> processes = new LinkedHashMap<>();
            processes.put("gateway", gatewayJvm.handle().orElseThrow());
            processes.put("logistics", suite.logistics().handle().orElseThrow());
            processes.put("registry", suite.registry().handle().orElseThrow());
            // PostgreSQL with its backends; not this JVM (generator and broker): its descendants are the services.
            processes.put("PostgreSQL", database.server());
            ways.put(REGISTRATIONS, i -> Benchmarks.register(enterprises, "X-Api-Key", authorityKey, "ls", i));
            Map<String, ConstantRateLoad.Result> saturation = new LinkedHashMap<>();
            for (Map.Entry<String, IntFunction<HttpRequest>> way : ways.entrySet()) {
                LOG.info(() -> "Saturating " + way.getKey() + " with " + concurrency + " clients for " + phase);
                Map<String, Duration> before = GatewayBenchmark.cpu(processes);
                ConstantRateLoad.Result r = ConstantRateLoad.saturate(http, concurrency, phase, way.getValue(), 201);
                Map<String, Duration> after = GatewayBenchmark.cpu(processes);
                saturation.put(way.getKey(), r);
                Benchmarks.report(way.getKey() + ", closed loop", r);
                StringBuilder perRequest = new StringBuilder("  CPU per request:");
                processes.keySet().forEach(name -> perRequest.append(String.format("  %s %.0f µs", name,
                        (after.get(name).toNanos() - before.get(name).toNanos()) / 1000.0 / Math.max(1, r.ok()))));
                LOG.info(perRequest.toString());
            }
            ways.put(REGISTRATIONS, i -> Benchmarks.register(enterprises, "X-Api-Key", authorityKey, "lh", i));
            Map<String, ConstantRateLoad.Result> half = new LinkedHashMap<>();
            for (Map.Entry<String, IntFunction<HttpRequest>> way : ways.entrySet()) {
                int rate = (int) Math.max(1, saturation.get(way.getKey()).throughput() / 2);
                LOG.info(() -> way.getKey() + " at a constant " + rate + "/s, half of its saturation, for " + phase);
                ConstantRateLoad.Result r = ConstantRateLoad.run(http, rate, phase, way.getValue(), 201);
                half.put(way.getKey(), r);
                Benchmarks.report(way.getKey() + ", constant " + rate + "/s", r);
            }

            StringBuilder summary = new StringBuilder(String.format("%nThrough the gateway, %d clients, %d s phases:%n",
                    concurrency, phase.toSeconds()));
            for (String way : ways.keySet()) {
                ConstantRateLoad.Result h = half.get(way);
                summary.append(String.format("  %-18s saturation %6.0f req/s   at %d/s: p50 %.2f ms  p99 %.2f ms%n", way,
                        saturation.get(way).throughput(), h.targetRate(), h.latencyMicros().getValueAtPercentile(50) / 1000.0,
                        h.latencyMicros().getValueAtPercentile(99) / 1000.0));
            }
            for (String scanWay : List.of(SCANS, NEW_SCANS)) {
                summary.append(String.format("%s %.0f/s against POST /api/v1/enterprises %.0f/s: ratio %.2f (target >= 1)%n",
                        scanWay, saturation.get(scanWay).throughput(), saturation.get(REGISTRATIONS).throughput(),
                        saturation.get(scanWay).throughput() / saturation.get(REGISTRATIONS).throughput()));
            }
            LOG.info(summary.toString());
        }
    }

    /** An API key the gateway's administrator issues. */
    static String key(RestClient admin, Map<String, String> body) throws Exception {
        return admin.post("/admin/api-keys", body).get("api_key").asText();
    }

    /**
     * The maker's pass for this vehicle on the loop's route, approved by the rule (an ESSENTIAL
     * enterprise's medical supplies); logistics answers 409 until the registry's event has told it of
     * the maker, which the {@code first} waits through.
     */
    static JsonNode passOf(RestClient enterprise, String plate, boolean first) throws Exception {
        LocalDate today = LocalDate.now(CHINA);
        String first17 = "42900419780312041";
        Map<String, Object> body = Map.of("plate", plate, "vehicle_type", "TRUCK",
                "driver", Map.of("name", "王建国", "phone", "13907231234", "id_number", first17 + ResidentId.checkCharacter(first17)),
                "cargo_category", "MEDICAL_SUPPLIES", "cargo_description", "60 cartons of medical protective masks",
                "route", List.of(XIANTAO, CAIDIAN, DONGXIHU), "valid_from", today.toString(),
                "valid_until", today.plusDays(6).toString());
        JsonNode pass = first ? enterprise.postWhenKnown("/api/v1/green-passes", body)
                : enterprise.post("/api/v1/green-passes", body);
        if (!"APPROVED".equals(pass.get("status").asText())) {
            throw new IllegalStateException("the bench's pass was not approved: " + pass);
        }
        return pass;
    }
}
