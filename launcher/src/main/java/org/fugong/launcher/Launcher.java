package org.fugong.launcher;

import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.logging.Logger;

import org.fugong.devstack.EmbeddedDatabase;
import org.fugong.devstack.KeyPairs;
import org.fugong.devstack.EmbeddedKafka;
import org.fugong.devstack.DevJwt;
import org.fugong.devstack.KafkaSecurity;

/**
 * The run command: embedded PostgreSQL (data under {@code .fugong/}), an in-process Kafka broker and
 * every built service, started in order and stopped on Ctrl-C. {@code --demo} loads demo data.
 * The broker is plaintext and open to every local process unless {@code --secure}: then it runs as
 * in production, SASL/SCRAM-SHA-512 and the ACLs of deploy/kafka/acls.txt, each service logging in
 * as its own principal (its log directory and passwords kept apart from the plaintext one's).
 */
public final class Launcher {

    private static final Logger LOG = Logger.getLogger(Launcher.class.getName());
    static final String ISSUER = Suite.ISSUER;

    private Launcher() {
    }

    public static void main(String[] args) throws Exception {
        List<String> options = List.of(args);
        if (options.contains("--help")) {
            LOG.info("Usage: ./run.sh [--demo] [--secure]  (--secure: Kafka with SASL/SCRAM and the ACLs of "
                    + "deploy/kafka/acls.txt, as in production; environment: FUGONG_HOME, FUGONG_PG_PORT, FUGONG_KAFKA_PORT, "
                    + "FUGONG_REGISTRY_PORT, FUGONG_SUPPLY_PORT, FUGONG_LOGISTICS_PORT, FUGONG_FINANCE_PORT, FUGONG_GATEWAY_PORT)");
            return;
        }
        Path root = Path.of("").toAbsolutePath();
        Path home = Path.of(env("FUGONG_HOME", root.resolve(".fugong").toString())).toAbsolutePath();
        int pgPort = Integer.parseInt(env("FUGONG_PG_PORT", "15432"));
        int kafkaPort = Integer.parseInt(env("FUGONG_KAFKA_PORT", "19092"));
        int registryPort = Integer.parseInt(env("FUGONG_REGISTRY_PORT", "8081"));
        int supplyPort = Integer.parseInt(env("FUGONG_SUPPLY_PORT", "8082"));
        int logisticsPort = Integer.parseInt(env("FUGONG_LOGISTICS_PORT", "8083"));
        int financePort = Integer.parseInt(env("FUGONG_FINANCE_PORT", "8084"));
        int gatewayPort = Integer.parseInt(env("FUGONG_GATEWAY_PORT", "8080"));

        LOG.info(String.format("Starting PostgreSQL on port %d (data in %s)", pgPort, home.resolve("postgres")));
        EmbeddedDatabase database = EmbeddedDatabase.persistent(home.resolve("postgres"), pgPort);
        boolean secure = options.contains("--secure");
        EmbeddedKafka kafka;
        if (secure) {
            Path passwords = home.resolve("kafka-passwords.properties");
            LOG.info(String.format("Starting Kafka on port %d with SASL/SCRAM-SHA-512 and the ACLs of deploy/kafka/acls.txt, "
                    + "as in production (data in %s, passwords in %s)", kafkaPort, home.resolve("kafka-secure"), passwords));
            kafka = EmbeddedKafka.persistent(home.resolve("kafka-secure"), kafkaPort, KafkaSecurity.kept(passwords)).start();
        } else {
            LOG.info(String.format("Starting Kafka on port %d WITHOUT SASL or ACLs: plaintext, and any local process may "
                    + "read and write every topic. ./run.sh --secure runs it with SASL and ACLs as in production.", kafkaPort));
            kafka = EmbeddedKafka.persistent(home.resolve("kafka"), kafkaPort).start();
        }
        KeyPair keys = KeyPairs.loadOrCreate(home.resolve("jwt"));

        Suite suite = Suite.wire(root, home.resolve("jwt"), home.resolve("logs"),
                new Suite.Ports(registryPort, supplyPort, logisticsPort, financePort, gatewayPort), database, kafka);
        ServiceProcess registry = suite.registry();
        ServiceProcess supply = suite.supply();
        ServiceProcess logistics = suite.logistics();
        ServiceProcess finance = suite.finance();
        ServiceProcess gateway = suite.gateway();
        String adminKey = suite.adminKey();

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOG.info(suite.services().stream().anyMatch(ServiceProcess::trainsAotCache)
                    ? "Stopping... (the first stop after a build writes each service's AOT cache: a minute or two)"
                    : "Stopping...");
            suite.stop();
            kafka.stop();
            database.close();
            stopped.countDown();
        }, "fugong-stop"));

        for (ServiceProcess service : suite.services()) {
            LOG.info(String.format("Starting %s at %s (log in %s)", service.name(), service.baseUrl(), service.log()));
        }
        Instant starting = Instant.now();
        suite.start();
        try {
            suite.awaitReady(Duration.ofMinutes(2));
        } catch (IllegalStateException notReady) {
            for (ServiceProcess service : suite.services()) {
                LOG.severe(service.logTail(40));
            }
            throw notReady;
        }
        LOG.info(String.format("Every service ready in %s, on JDK %d%s", seconds(starting, Instant.now()),
                registry.jdk().feature(), !registry.jdk().hasAotCache() ? " (class-data archives)"
                        : suite.services().stream().anyMatch(ServiceProcess::trainsAotCache)
                                ? " (training their AOT caches, used from the next start of this build)"
                                : " (with their AOT caches)"));

        Duration lifetime = Duration.ofHours(12);
        // Direct tokens name the one service they are for, as the gateway's do.
        java.util.function.BiFunction<String, DevJwt, String> direct = (service, jwt) -> jwt.audience(service)
                .issuer(ISSUER).signedWith(keys.getPrivate()).expiresIn(lifetime).token();
        UUID demoEnterprise = null;
        List<Story> stories = new ArrayList<>();
        if (options.contains("--demo")) {
            LOG.info("Loading demo data...");
            Instant began = Instant.now();
            DirectClient registryCalls = directly(registry, "registry", direct);
            List<DemoData.Organisation> organisations = DemoData.load(registryCalls.admin(), id -> registryCalls.signer()
                    .apply(DevJwt.as("ENTERPRISE").subject("demo-enterprise-" + id).orgId(id)));
            if (!organisations.isEmpty()) {
                demoEnterprise = organisations.get(0).id();
                Instant registered = Instant.now();
                DirectClient supplyCalls = directly(supply, "supply", direct);
                SupplyDemo.Loaded supplied = SupplyDemo.load(supplyCalls, organisations);
                stories.add(supplied.story());
                Instant supplyLoaded = Instant.now();
                stories.add(LogisticsDemo.load(directly(logistics, "logistics", direct), supplyCalls, organisations,
                        supplied.criticalRequestId()));
                Instant logisticsLoaded = Instant.now();
                stories.add(FinanceDemo.load(directly(finance, "finance", direct), organisations));
                Instant financeLoaded = Instant.now();
                LOG.info(String.format("Demo data loaded in %s (registry %s, supply %s, logistics %s, finance %s)",
                        seconds(began, financeLoaded), seconds(began, registered), seconds(registered, supplyLoaded),
                        seconds(supplyLoaded, logisticsLoaded), seconds(logisticsLoaded, financeLoaded)));
            } else {
                LOG.info("The registry already holds organisations: the demo was loaded on the first start (its story and "
                        + "keys were printed then), not again; the ADMIN key below sees all of it");
            }
        }

        Map<String, String> demoKeys = demoApiKeys(RestClient.withApiKey(gateway.baseUrl(), adminKey), demoEnterprise,
                stories);
        StringBuilder banner = new StringBuilder("\n\nFugong is running. Press Ctrl-C to stop.\n\n")
                .append("  Gateway        ").append(gateway.baseUrl()).append("/api/v1   (docs: ").append(gateway.baseUrl())
                .append("/docs, events: ").append(gateway.baseUrl()).append("/asyncapi.yaml)\n")
                .append("  API keys       (X-Api-Key header; issue more at POST /admin/api-keys)\n");
        demoKeys.forEach((who, key) -> banner.append(String.format("    %-33s %s%n", who, key)));
        banner
                .append("  Registry API   ").append(registry.baseUrl()).append("/api/v1   (Swagger UI: ")
                .append(registry.baseUrl()).append("/q/swagger-ui)\n")
                .append("  Supply API     ").append(supply.baseUrl()).append("/api/v1   (Swagger UI: ")
                .append(supply.baseUrl()).append("/q/swagger-ui)\n")
                .append("  Logistics API  ").append(logistics.baseUrl()).append("/api/v1   (Swagger UI: ")
                .append(logistics.baseUrl()).append("/q/swagger-ui)\n")
                .append("  Finance API    ").append(finance.baseUrl()).append("/api/v1   (Swagger UI: ")
                .append(finance.baseUrl()).append("/q/swagger-ui)\n")
                .append("  Health         ").append(gateway.baseUrl()).append("/health (every service), metrics ")
                .append(gateway.baseUrl()).append("/q/metrics\n")
                .append("  Kafka          ").append(kafka.bootstrapServers())
                .append(secure ? "   (SASL/SCRAM-SHA-512 and ACLs; each service logs in as itself, passwords in "
                        + home.resolve("kafka-passwords.properties") + ")\n"
                        : "   (plaintext, no SASL, no ACLs: local use only; ./run.sh --secure for production's)\n")
                .append("  PostgreSQL     ").append(database.jdbcUrl("registry")).append(" (user postgres)\n\n")
                .append("Tokens for calling the services directly (valid ").append(lifetime.toHours())
                .append(" h), as the gateway would forward them; each is for one service only:\n");
        for (String service : List.of("registry", "supply", "logistics", "finance")) {
            banner.append(" ").append(service).append(":\n")
                    .append("  ADMIN                   ")
                    .append(direct.apply(service, DevJwt.as("ADMIN").subject("demo-admin"))).append("\n")
                    .append("  AUTHORITY (Hubei, 42)   ")
                    .append(direct.apply(service, DevJwt.as("AUTHORITY").subject("demo-hubei-authority").regionScope("42")))
                    .append("\n")
                    .append("  READER                  ")
                    .append(direct.apply(service, DevJwt.as("READER").subject("demo-reader"))).append("\n");
            if (demoEnterprise != null) {
                banner.append("  ENTERPRISE (").append(demoEnterprise).append(")\n                          ")
                        .append(direct.apply(service, DevJwt.as("ENTERPRISE").subject("demo-enterprise").orgId(demoEnterprise)))
                        .append("\n");
            }
        }
        if (!stories.isEmpty()) {
            banner.append("\nThe demo, through the gateway with the keys above:\n");
            stories.forEach(story -> banner.append("\n").append(story.render(gateway.baseUrl(), demoKeys)));
        }
        banner.append("\nTry:  curl -H \"X-Api-Key: ").append(demoKeys.get(Story.HUBEI_AUTHORITY)).append("\" ")
                .append(gateway.baseUrl()).append("/api/v1/enterprises?region=42\n");
        LOG.info(banner::toString);
        stopped.await();
    }

    /**
     * Ready-to-use API keys for the demo, issued through the gateway's admin API on every start (the
     * gateway keeps only hashes, so earlier runs' keys cannot be shown again), with those the demo's
     * stories are followed with.
     */
    private static Map<String, String> demoApiKeys(RestClient admin, UUID demoEnterprise, List<Story> stories)
            throws Exception {
        Map<String, String> keys = new java.util.LinkedHashMap<>();
        keys.put(Story.ADMIN, admin.credentialValue());
        keys.put(Story.HUBEI_AUTHORITY, issue(admin, Map.of("name", "demo Hubei authority", "role", "AUTHORITY",
                "region_scope", "42")));
        keys.put("READER", issue(admin, Map.of("name", "demo reader", "role", "READER")));
        if (demoEnterprise != null) {
            keys.put("ENTERPRISE " + demoEnterprise.toString().substring(0, 8) + "…", issue(admin, Map.of("name",
                    "demo enterprise", "role", "ENTERPRISE", "org_id", demoEnterprise.toString())));
        }
        for (Story story : stories) {
            for (Story.Key key : story.keys()) {
                if (!keys.containsKey(key.label())) { // stories about the same organisation share its key
                    keys.put(key.label(), issue(admin, key.request()));
                }
            }
        }
        return keys;
    }

    /** A service called directly by the demo: its administrator, and any caller's token for it alone. */
    private static DirectClient directly(ServiceProcess process, String service,
            java.util.function.BiFunction<String, DevJwt, String> direct) {
        return new DirectClient(new RestClient(process.baseUrl(), direct.apply(service, DevJwt.as("ADMIN")
                .subject("demo-admin"))), jwt -> direct.apply(service, jwt));
    }

    private static String seconds(Instant from, Instant to) {
        return String.format("%.1f s", Duration.between(from, to).toMillis() / 1000.0);
    }

    private static String issue(RestClient admin, Map<String, String> key) throws Exception {
        return admin.post("/admin/api-keys", key).get("api_key").asText();
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
