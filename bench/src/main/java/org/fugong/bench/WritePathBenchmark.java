package org.fugong.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.logging.Logger;

import org.fugong.devstack.DevJwt;
import org.fugong.devstack.EmbeddedDatabase;
import org.fugong.devstack.EmbeddedKafka;
import org.fugong.devstack.KeyPairs;
import org.fugong.launcher.Eventually;
import org.fugong.launcher.RestClient;
import org.fugong.launcher.ServiceProcess;
import org.fugong.launcher.Suite;
import org.fugong.platform.standards.ResidentId;
import org.fugong.platform.standards.Uscc;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The write paths of logistics and finance (issue 16 asks for every service), measured as the
 * registry's is in {@link Benchmarks}: straight to the service with the JWT the gateway would mint,
 * warmed until the service's compilers are idle, then in interleaved rounds at saturation (closed
 * loop): throughput, the service's CPU per request by thread group, PostgreSQL's CPU per request,
 * and what one request did in the database (rows and scans per table, commits); then one phase of
 * each under JFR, the Java threads' CPU split by part. Three ways:
 * <ul>
 * <li>green passes from one origin county: sixteen enterprises apply for passes from Xiantao, each
 * approved by the rule and signed (ES256). A pass number is its origin county's serial, whose
 * counter row stays locked until the pass commits ({@code PassNumbers}): these queue on one row;
 * <li>green passes from sixteen origin counties, one per enterprise: the same work, sixteen rows;
 * <li>financing applications: sixteen SMEs ask one bank for a working-capital loan.
 * </ul>
 * With two or more CPUs, logistics and finance get CPU {@code bench.service-cpus} (default the last
 * one) and everything else (this JVM with the broker, the registry, PostgreSQL) the others.
 * Figures, not a test.
 */
public final class WritePathBenchmark {

    private static final Logger LOG = Logger.getLogger(WritePathBenchmark.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    /** Sixteen county-level regions of Hubei, the first the mask makers' Xiantao; passes start from them. */
    private static final List<String> COUNTIES = List.of("429004", "420102", "420103", "420104", "420105", "420106",
            "420107", "420111", "420112", "420113", "420115", "420116", "420117", "429005", "429006", "420202");
    private static final String CAIDIAN = "420114";
    private static final String DONGXIHU = "420112";
    private static final String ONE_COUNTY = "POST green-passes, one origin county";
    private static final String COUNTIES_16 = "POST green-passes, 16 origin counties";
    private static final String APPLICATIONS = "POST financing-applications";

    private WritePathBenchmark() {
    }

    /** A way to write: its requests, the service that serves them, its database and the table each request adds a row to. */
    private record Way(IntFunction<HttpRequest> requests, ServiceProcess service, String database, String table) {
    }

    public static void main(String[] args) throws Exception {
        Duration phase = Duration.ofSeconds(Long.parseLong(System.getProperty("bench.seconds", "20")));
        int concurrency = Integer.parseInt(System.getProperty("bench.concurrency", "16"));
        int rounds = Integer.parseInt(System.getProperty("bench.rounds", "3"));
        Duration maxWarmUp = Duration.ofSeconds(Long.parseLong(System.getProperty("bench.warmup", "300")));
        int cpus = Runtime.getRuntime().availableProcessors();
        CpuSplit split = CpuSplit.from(System.getProperty("bench.service-cpus", cpus > 1 ? String.valueOf(cpus - 1) : ""));
        boolean durable = Boolean.getBoolean("bench.durable");
        Path work = Files.createTempDirectory("fugong-write-bench");
        Map<String, String> settings = new java.util.HashMap<>(Map.of("JDK_JAVA_OPTIONS", JfrProfile.STACK_DEPTH));
        split.sizeJvm(settings, true);

        try (EmbeddedDatabase database = EmbeddedDatabase.temporary(durable);
                EmbeddedKafka kafka = EmbeddedKafka.temporary().start();
                BenchSuite running = BenchSuite.start(work, database, kafka, settings,
                        s -> List.of(s.registry(), s.logistics(), s.finance()))) {
            Suite suite = running.suite();
            split.pin(ProcessHandle.current(), running.jvms(suite.logistics(), suite.finance()), List.of(database.server()));
            LOG.info(() -> "CPUs: " + split + " (logistics and finance on the first); PostgreSQL fsync="
                    + database.setting("fsync") + " synchronous_commit=" + database.setting("synchronous_commit"));
            KeyPair keys = KeyPairs.loadOrCreate(work.resolve("jwt"));
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5)).build();

            RestClient registry = new RestClient(suite.registry().baseUrl(), token(keys, "ADMIN", null, "registry"));
            List<UUID> makers = new ArrayList<>();
            for (int m = 0; m < COUNTIES.size(); m++) {
                makers.add(registered(registry, "ENTERPRISE", "基准防护用品有限公司" + m, COUNTIES.get(m), "PROTECTIVE_GEAR", m));
            }
            UUID bank = registered(registry, "FINANCIAL_INSTITUTION", "基准农村商业银行", "420106", "FINANCIAL_SERVICES",
                    COUNTIES.size());
            awaitKnown(database, "logistics", makers.size() + 1);
            awaitKnown(database, "finance", makers.size() + 1);

            List<String> passTokens = makers.stream().map(id -> token(keys, "ENTERPRISE", id, "logistics")).toList();
            List<String> financeTokens = makers.stream().map(id -> token(keys, "ENTERPRISE", id, "finance")).toList();
            URI passes = URI.create(suite.logistics().baseUrl() + "/api/v1/green-passes");
            URI applications = URI.create(suite.finance().baseUrl() + "/api/v1/financing-applications");
            // Plates differ across the run: every request takes the next number.
            AtomicInteger plates = new AtomicInteger();
            Map<String, Way> ways = new LinkedHashMap<>();
            ways.put(ONE_COUNTY, new Way(i -> pass(passes, passTokens.get(i % passTokens.size()), plates.getAndIncrement(),
                    COUNTIES.get(0)), suite.logistics(), "logistics", "green_pass"));
            ways.put(COUNTIES_16, new Way(i -> pass(passes, passTokens.get(i % passTokens.size()), plates.getAndIncrement(),
                    COUNTIES.get(i % COUNTIES.size())), suite.logistics(), "logistics", "green_pass"));
            ways.put(APPLICATIONS, new Way(i -> application(applications, financeTokens.get(i % financeTokens.size()), bank),
                    suite.finance(), "finance", "financing_application"));
            for (Map.Entry<String, Way> way : ways.entrySet()) {
                expectCreated(http, way.getKey(), way.getValue().requests().apply(0));
            }

            for (Map.Entry<String, Way> way : ways.entrySet()) {
                JitWarmUp.untilSettled(way.getKey(), running.jvms(way.getValue().service()), maxWarmUp,
                        () -> Benchmarks.report(way.getKey() + " (warm-up)", ConstantRateLoad.saturate(http, concurrency,
                                Duration.ofSeconds(10), way.getValue().requests(), 201)));
            }

            Map<String, List<Double>> throughputs = new LinkedHashMap<>();
            for (int round = 0; round < rounds; round++) {
                LOG.info("Round " + (round + 1) + " of " + rounds);
                for (Map.Entry<String, Way> entry : ways.entrySet()) {
                    Way way = entry.getValue();
                    ProcessHandle jvm = way.service().handle().orElseThrow();
                    ThreadCpu.Snapshot before = ThreadCpu.of(List.of(jvm));
                    Duration serverBefore = Benchmarks.serverCpu(database);
                    Map<String, TableWork.Counts> tablesBefore = TableWork.of(database, way.database());
                    ConstantRateLoad.Result r = ConstantRateLoad.saturate(http, concurrency, phase, way.requests(), 201);
                    Map<String, Duration> used = ThreadCpu.of(List.of(jvm)).since(before);
                    Map<String, TableWork.Counts> tablesAfter = TableWork.of(database, way.database());
                    double serverMicros = Benchmarks.serverCpu(database).minus(serverBefore).toNanos() / 1000.0
                            / Math.max(1, r.ok());
                    Benchmarks.report(entry.getKey() + ", closed loop", r);
                    LOG.info("  " + way.database() + " CPU per request: " + Benchmarks.perRequest(used, r.ok()));
                    LOG.info(String.format("  PostgreSQL CPU per request %.0f µs%n%s", serverMicros,
                            TableWork.perRow(tablesBefore, tablesAfter, way.table())));
                    throughputs.computeIfAbsent(entry.getKey(), k -> new ArrayList<>()).add(r.throughput());
                }
            }
            for (Map.Entry<String, Way> way : ways.entrySet()) {
                Benchmarks.profile(way.getKey(), http, way.getValue().requests(), way.getValue().service().handle().orElseThrow(),
                        concurrency, phase, work.resolve(way.getValue().table() + ".jfr"));
            }
            StringBuilder summary = new StringBuilder(String.format("%nMedians of %d rounds, %d clients, %d s each:%n",
                    rounds, concurrency, phase.toSeconds()));
            throughputs.forEach((way, rates) -> summary.append(String.format("  %-40s %6.0f req/s  (rounds: %s)%n", way,
                    GatewayBenchmark.median(rates), rates.stream().map(t -> String.format("%.0f", t)).toList())));
            LOG.info(summary.toString());
        }
    }

    private static String token(KeyPair keys, String role, UUID orgId, String service) {
        DevJwt jwt = DevJwt.as(role).subject("bench-" + role.toLowerCase() + (orgId == null ? "" : "-" + orgId))
                .audience(service).issuer(Suite.ISSUER).signedWith(keys.getPrivate()).expiresIn(Duration.ofHours(3));
        return (orgId == null ? jwt : jwt.orgId(orgId)).token();
    }

    /** Registers an organisation in the registry; its id. */
    private static UUID registered(RestClient registry, String kind, String name, String region, String industry, int n)
            throws Exception {
        return UUID.fromString(registry.post("/api/v1/enterprises", Map.of("kind", kind, "name", name,
                "uscc", Uscc.withCheckCharacter(String.format("91%sW%08d", region, n)), "region_code", region,
                "industry", industry, "ownership", "PRIVATE", "employees", 120, "annual_revenue", "5000000.00"))
                .get("id").asText());
    }

    /** Waits until the registry's events have told {@code service} of {@code count} organisations. */
    private static void awaitKnown(EmbeddedDatabase database, String service, int count) throws Exception {
        try (Connection c = DriverManager.getConnection(database.jdbcUrl(service), EmbeddedDatabase.USER, "");
                Statement s = c.createStatement()) {
            Eventually.await(service + " learning of " + count + " organisations", () -> {
                try (ResultSet row = s.executeQuery("SELECT count(*) FROM enterprise_view")) {
                    row.next();
                    return row.getLong(1);
                }
            }, known -> known >= count);
        }
    }

    private static void expectCreated(HttpClient http, String way, HttpRequest request) throws Exception {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IllegalStateException(way + ": " + response.statusCode() + " " + response.body());
        }
        if (way.contains("green-passes") && !"APPROVED".equals(JSON.readTree(response.body()).get("status").asText())) {
            throw new IllegalStateException("the bench's pass was not approved: " + response.body());
        }
    }

    /** A pass for the {@code n}-th vehicle of the run, from {@code origin} through Caidian to Dongxihu. */
    private static HttpRequest pass(URI passes, String token, int n, String origin) {
        LocalDate today = LocalDate.now(CHINA);
        String first17 = "42900419780312041";
        String plate = String.format("鄂%c%05d", (char) ('A' + n / 100_000 % 8), n % 100_000);
        List<String> route = origin.equals(DONGXIHU) ? List.of(origin, CAIDIAN) : List.of(origin, CAIDIAN, DONGXIHU);
        Map<String, Object> body = Map.of("plate", plate, "vehicle_type", "TRUCK",
                "driver", Map.of("name", "王建国", "phone", "13907231234", "id_number", first17 + ResidentId.checkCharacter(first17)),
                "cargo_category", "MEDICAL_SUPPLIES", "cargo_description", "60 cartons of medical protective masks",
                "route", route, "valid_from", today.toString(), "valid_until", today.plusDays(6).toString());
        return post(passes, token, body);
    }

    private static HttpRequest application(URI applications, String token, UUID bank) {
        return post(applications, token, Map.of("product", "WORKING_CAPITAL_LOAN", "amount", "800000.00", "term_months", 12,
                "purpose", "Wages and melt-blown fabric until the buyers pay", "days_of_cash_left", 9,
                "lender_org_ids", List.of(bank.toString())));
    }

    private static HttpRequest post(URI uri, String token, Map<String, Object> body) {
        try {
            return HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body))).build();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
