package org.fugong.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;

import org.HdrHistogram.Histogram;
import org.fugong.devstack.DevJwt;
import org.fugong.devstack.EmbeddedDatabase;
import org.fugong.devstack.EmbeddedKafka;
import org.fugong.devstack.KeyPairs;
import org.fugong.finance.policy.eligibility.EligibilityRules;
import org.fugong.launcher.RestClient;
import org.fugong.launcher.Suite;
import org.fugong.testing.KafkaEvents;

/**
 * From a registry event to the {@code fugong.finance.policy.matched} event it causes: enterprises
 * are registered through the registry's API at a constant rate (100/s, open model), finance
 * consumes each {@code registered} event, re-evaluates the enterprise against every policy in the
 * read model's transaction and publishes its new matches through its outbox; a consumer on both
 * topics measures, per enterprise, from the registry event's {@code ce_time} (its transaction) to
 * the arrival of the first {@code matched} event keyed by it. Finance holds the six seeded 2020
 * measures, and {@code bench.policies} synthetic ones shaped like real policies (none by default;
 * 200 is the set of {@link PolicyMatchingBenchmark}). Registry and finance run from their production jars on the
 * embedded PostgreSQL and Kafka, warmed at the rate until their compilers are idle. Figures, not a test.
 */
public final class PolicyEventBenchmark {

    private static final Logger LOG = Logger.getLogger(PolicyEventBenchmark.class.getName());
    private static final String MATCHED = "fugong.finance.policy.matched";
    private static final String REGISTERED = "fugong.registry.enterprise.registered";
    /** The measured phase's registrations (Benchmarks' run letter G); the warm-up's are F. */
    private static final String MEASURED_USCC = "91420102G";
    private static final String WARM_UP_USCC = "91420102F";

    private PolicyEventBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Duration phase = Duration.ofSeconds(Long.parseLong(System.getProperty("bench.seconds", "20")));
        int rate = Integer.parseInt(System.getProperty("bench.eventRate", "100"));
        int policies = Integer.parseInt(System.getProperty("bench.policies", "0"));
        Duration maxWarmUp = Duration.ofSeconds(Long.parseLong(System.getProperty("bench.warmup", "300")));
        Path work = Files.createTempDirectory("fugong-policy-event-bench");

        try (EmbeddedDatabase database = EmbeddedDatabase.temporary();
                EmbeddedKafka kafka = EmbeddedKafka.temporary().start();
                BenchSuite running = BenchSuite.start(work, database, kafka, s -> List.of(s.registry(), s.finance()))) {
            Suite suite = running.suite();
            KeyPair keys = KeyPairs.loadOrCreate(work.resolve("jwt"));
            String registryAdmin = DevJwt.as("ADMIN").subject("bench").audience("registry").issuer(Suite.ISSUER)
                    .signedWith(keys.getPrivate()).expiresIn(Duration.ofHours(2)).token();
            String financeAdmin = DevJwt.as("ADMIN").subject("bench").audience("finance").issuer(Suite.ISSUER)
                    .signedWith(keys.getPrivate()).expiresIn(Duration.ofHours(2)).token();
            RestClient finance = new RestClient(suite.finance().baseUrl(), financeAdmin);
            Random random = new Random(20200220);
            for (int i = 0; i < policies; i++) {
                finance.post("/api/v1/policies", Map.of("name", "Synthetic measure " + i, "kind", "RENT_RELIEF",
                        "issuing_body", "基准测试 (bench)", "document_number", "基准〔2020〕" + i + "号",
                        "grants", "A synthetic measure for the benchmark", "valid_from", "2020-02-01",
                        "eligibility", EligibilityRules.toJson(PolicyMatchingBenchmark.policy(random))));
            }
            LOG.info(() -> policies + " synthetic policies created beside the 6 seeded ones");

            // Per enterprise (the events' key): when the registry's transaction wrote its event, and
            // when its first match arrived here and finance's transaction wrote that.
            Map<String, Instant> registered = new ConcurrentHashMap<>();
            Set<String> warmedUp = ConcurrentHashMap.newKeySet();
            Map<String, Instant[]> firstMatch = new ConcurrentHashMap<>();
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5)).build();
            URI enterprises = URI.create(suite.registry().baseUrl() + "/api/v1/enterprises");
            AtomicInteger warmUps = new AtomicInteger();
            ConstantRateLoad.Result load;
            try (TopicTap tap = TopicTap.open(kafka, List.of("registry.enterprises", "finance.policies"), record -> {
                Instant arrived = Instant.now();
                String type = KafkaEvents.header(record, "ce_type");
                if (REGISTERED.equals(type) && record.value().contains(MEASURED_USCC)) {
                    registered.put(record.key(), Benchmarks.ceTime(record));
                } else if (REGISTERED.equals(type) && record.value().contains(WARM_UP_USCC)) {
                    warmedUp.add(record.key());
                } else if (MATCHED.equals(type)) {
                    firstMatch.putIfAbsent(record.key(), new Instant[] { arrived, Benchmarks.ceTime(record) });
                }
            })) {
                JitWarmUp.untilSettled("registrations at " + rate + "/s",
                        running.jvms(suite.registry(), suite.finance()), maxWarmUp,
                        () -> Benchmarks.report("warm-up at " + rate + "/s", ConstantRateLoad.run(http, rate,
                                Duration.ofSeconds(10), i -> Benchmarks.register(enterprises, registryAdmin, "f",
                                        warmUps.getAndIncrement()), 201)));
                // Finance must have caught up with the warm-up before anything is measured: a backlog
                // would be measured instead of the latency. If it cannot keep up, that is the finding.
                tap.awaitUntil(() -> warmedUp.stream().allMatch(firstMatch::containsKey), Duration.ofMinutes(2));
                long behind = warmedUp.stream().filter(e -> !firstMatch.containsKey(e)).count();
                LOG.info(String.format("Finance matched %d of the warm-up's %d registrations before the measured phase",
                        warmedUp.size() - behind, warmedUp.size()));
                LOG.info(() -> "Registrations at a constant " + rate + "/s for " + phase);
                load = ConstantRateLoad.run(http, rate, phase, i -> Benchmarks.register(enterprises, registryAdmin, "fm", i),
                        201);
                tap.awaitUntil(() -> registered.size() >= load.ok()
                        && registered.keySet().stream().allMatch(firstMatch::containsKey), Duration.ofSeconds(60));
            }
            Benchmarks.report("registrations, constant " + rate + "/s", load);

            Histogram toArrival = new Histogram(TimeUnit.MINUTES.toMicros(2), 3);
            Histogram toFinanceCommit = new Histogram(TimeUnit.MINUTES.toMicros(2), 3);
            Map<String, Instant> unmatched = new HashMap<>(registered);
            registered.forEach((enterprise, committed) -> {
                Instant[] match = firstMatch.get(enterprise);
                if (match != null) {
                    unmatched.remove(enterprise);
                    toArrival.recordValue(Math.max(1, Duration.between(committed, match[0]).toNanos() / 1000));
                    toFinanceCommit.recordValue(Math.max(1, Duration.between(committed, match[1]).toNanos() / 1000));
                }
            });
            LOG.info(String.format("%nRegistry event to policy.matched, %d of %d registrations matched (%d policies), "
                    + "at %d/s for %d s:%n  to its arrival at a consumer: p50 %.1f ms  p99 %.1f ms  max %.1f ms%n"
                    + "  to finance's commit of it (ce_time): p50 %.1f ms  p99 %.1f ms  max %.1f ms%n"
                    + "  registrations without a match seen: %d", toArrival.getTotalCount(), registered.size(),
                    policies + 6, rate, phase.toSeconds(), toArrival.getValueAtPercentile(50) / 1000.0,
                    toArrival.getValueAtPercentile(99) / 1000.0, toArrival.getMaxValue() / 1000.0,
                    toFinanceCommit.getValueAtPercentile(50) / 1000.0, toFinanceCommit.getValueAtPercentile(99) / 1000.0,
                    toFinanceCommit.getMaxValue() / 1000.0, unmatched.size()));
        }
    }
}
