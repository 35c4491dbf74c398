package org.fugong.launcher;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.fugong.devstack.EmbeddedDatabase;
import org.fugong.devstack.FreePorts;
import org.fugong.devstack.EmbeddedKafka;
import org.fugong.devstack.KeyPairs;

/**
 * Every service of the suite wired as the run command runs it: each from its packaged jar in its own
 * JVM, on one embedded PostgreSQL and one Kafka broker, trusting the internal JWT of a gateway that
 * signs with the key in {@code jwtDir} and knows every service's address. The run command and the
 * cross-service tests start exactly this, so what the tests pass is what {@code ./run.sh} runs.
 */
public final class Suite {

    /** The run command's issuer of internal JWTs: the gateway's, and the one of the printed direct tokens. */
    public static final String ISSUER = "https://gateway.fugong.local";

    /** Where each service listens. */
    public record Ports(int registry, int supply, int logistics, int finance, int gateway) {

        /** Ports free at the moment of asking, for tests that must not collide with a running suite. */
        public static Ports free() throws IOException {
            return new Ports(FreePorts.next(), FreePorts.next(), FreePorts.next(), FreePorts.next(), FreePorts.next());
        }
    }

    private final ServiceProcess registry;
    private final ServiceProcess supply;
    private final ServiceProcess logistics;
    private final ServiceProcess finance;
    private final ServiceProcess gateway;
    private final String adminKey;
    private final List<ServiceProcess> secondReplicas;

    private Suite(ServiceProcess registry, ServiceProcess supply, ServiceProcess logistics, ServiceProcess finance,
            ServiceProcess gateway, String adminKey, List<ServiceProcess> secondReplicas) {
        this.secondReplicas = secondReplicas;
        this.registry = registry;
        this.supply = supply;
        this.logistics = logistics;
        this.finance = finance;
        this.gateway = gateway;
        this.adminKey = adminKey;
    }

    /**
     * The services, not yet started. {@code root} holds the modules (each jar is
     * {@code <root>/<module>/target/quarkus-app/quarkus-run.jar}); the JWT key pair, the gateway's
     * bootstrap admin key and the pass-code signing key are kept in {@code jwtDir} (made on first
     * use); each service logs to {@code <logDir>/<module>.log}.
     */
    public static Suite wire(Path root, Path jwtDir, Path logDir, Ports ports, EmbeddedDatabase database,
            EmbeddedKafka kafka) throws IOException {
        return wire(root, jwtDir, logDir, ports, database, kafka, Map.of());
    }

    /** As {@link #wire(Path, Path, Path, Ports, EmbeddedDatabase, EmbeddedKafka)}, with settings for every service added. */
    public static Suite wire(Path root, Path jwtDir, Path logDir, Ports ports, EmbeddedDatabase database,
            EmbeddedKafka kafka, Map<String, String> everyService) throws IOException {
        return wire(root, jwtDir, logDir, ports, database, kafka.bootstrapServers(),
                principal -> kafka.security().map(security -> security.environment(principal)).orElse(Map.of()),
                everyService, 0, 0);
    }

    /**
     * As {@link #wire(Path, Path, Path, Ports, EmbeddedDatabase, EmbeddedKafka, Map)}, on a plaintext
     * broker that runs elsewhere (the fault runner's, in a process of its own that it kills).
     */
    public static Suite wire(Path root, Path jwtDir, Path logDir, Ports ports, EmbeddedDatabase database,
            String kafkaBootstrapServers, Map<String, String> everyService) throws IOException {
        return wire(root, jwtDir, logDir, ports, database, kafkaBootstrapServers, principal -> Map.of(), everyService, 0, 0);
    }

    /**
     * As {@link #wire(Path, Path, Path, Ports, EmbeddedDatabase, String, Map)}, with a second replica
     * of registry and of supply on the ports given, on the same databases, both behind the gateway
     * (its URL lists name both): the fault runner kills the one whose outbox relay holds the lock.
     */
    public static Suite wireWithSecondReplicas(Path root, Path jwtDir, Path logDir, Ports ports, int registry2,
            int supply2, EmbeddedDatabase database, String kafkaBootstrapServers, Map<String, String> everyService)
            throws IOException {
        return wire(root, jwtDir, logDir, ports, database, kafkaBootstrapServers, principal -> Map.of(), everyService,
                registry2, supply2);
    }

    /**
     * {@code kafkaLogin}: on a secured broker, the service's own principal (KAFKA_SECURITY_PROTOCOL,
     * KAFKA_SASL_MECHANISM, KAFKA_SASL_JAAS_CONFIG), as production hands it over; nothing on a plaintext one.
     */
    private static Suite wire(Path root, Path jwtDir, Path logDir, Ports ports, EmbeddedDatabase database,
            String kafka, Function<String, Map<String, String>> kafkaLogin, Map<String, String> everyService,
            int registry2Port, int supply2Port) throws IOException {
        KeyPairs.loadOrCreate(jwtDir);
        ServiceProcess registry = service("registry-service", "registry", ports.registry(), root, jwtDir, logDir,
                database, kafka, everyService, kafkaLogin.apply("registry"));
        ServiceProcess supply = service("supply-service", "supply", ports.supply(), root, jwtDir, logDir, database,
                kafka, everyService, kafkaLogin.apply("supply"));
        // A kept signing key, so pass codes printed or saved in one run still verify in the next.
        Map<String, String> logisticsOwn = new HashMap<>(kafkaLogin.apply("logistics"));
        logisticsOwn.put("FUGONG_LOGISTICS_PASS_CODE_SIGNING_KEY", KeyPairs.passCodeKey(jwtDir).toString());
        ServiceProcess logistics = service("logistics-service", "logistics", ports.logistics(), root, jwtDir, logDir,
                database, kafka, everyService, logisticsOwn);
        ServiceProcess finance = service("finance-service", "finance", ports.finance(), root, jwtDir, logDir,
                database, kafka, everyService, kafkaLogin.apply("finance"));
        List<ServiceProcess> second = new java.util.ArrayList<>();
        String registryUrls = registry.baseUrl();
        String supplyUrls = supply.baseUrl();
        if (registry2Port > 0) {
            ServiceProcess registry2 = service("registry-service", "registry", registry2Port, root, jwtDir, logDir,
                    database, kafka, everyService, kafkaLogin.apply("registry"), "registry-service-2.log");
            second.add(registry2);
            registryUrls += "," + registry2.baseUrl();
        }
        if (supply2Port > 0) {
            ServiceProcess supply2 = service("supply-service", "supply", supply2Port, root, jwtDir, logDir, database,
                    kafka, everyService, kafkaLogin.apply("supply"), "supply-service-2.log");
            second.add(supply2);
            supplyUrls += "," + supply2.baseUrl();
        }
        // The gateway signs with the suite's key, so services verify its tokens and directly minted ones alike.
        // It has no Kafka login: it publishes and consumes nothing.
        String adminKey = KeyPairs.adminKey(jwtDir);
        ServiceProcess gateway = service("gateway", "gateway", ports.gateway(), root, jwtDir, logDir, database, kafka,
                everyService, Map.of("FUGONG_REGISTRY_URL", registryUrls,
                        "FUGONG_SUPPLY_URL", supplyUrls,
                        "FUGONG_LOGISTICS_URL", logistics.baseUrl(),
                        "FUGONG_FINANCE_URL", finance.baseUrl(),
                        "FUGONG_GATEWAY_ADMIN_KEY", adminKey,
                        "FUGONG_GATEWAY_JWT_PRIVATE_KEY_LOCATION", KeyPairs.privateKeyFile(jwtDir).toString()));
        return new Suite(registry, supply, logistics, finance, gateway, adminKey, List.copyOf(second));
    }

    private static ServiceProcess service(String module, String database, int port, Path root, Path jwtDir,
            Path logDir, EmbeddedDatabase db, String kafka, Map<String, String> everyService,
            Map<String, String> own) {
        return service(module, database, port, root, jwtDir, logDir, db, kafka, everyService, own, module + ".log");
    }

    private static ServiceProcess service(String module, String database, int port, Path root, Path jwtDir,
            Path logDir, EmbeddedDatabase db, String kafka, Map<String, String> everyService,
            Map<String, String> own, String logFile) {
        Map<String, String> environment = new HashMap<>(everyService);
        environment.putAll(own);
        return ServiceProcess.onEmbeddedInfrastructure(module, database, root, port, db, kafka, jwtDir, ISSUER,
                logDir.resolve(logFile), environment);
    }

    public ServiceProcess registry() {
        return registry;
    }

    public ServiceProcess supply() {
        return supply;
    }

    public ServiceProcess logistics() {
        return logistics;
    }

    public ServiceProcess finance() {
        return finance;
    }

    public ServiceProcess gateway() {
        return gateway;
    }

    /** The gateway's bootstrap administrator key (at least 32 characters, as the gateway requires). */
    public String adminKey() {
        return adminKey;
    }

    /** The second replicas of registry and supply, when wired with them; otherwise none. */
    public List<ServiceProcess> secondReplicas() {
        return secondReplicas;
    }

    /** Every service (second replicas included), the gateway last. */
    public List<ServiceProcess> services() {
        List<ServiceProcess> all = new java.util.ArrayList<>(List.of(registry, supply));
        all.addAll(secondReplicas);
        all.addAll(List.of(logistics, finance, gateway));
        return List.copyOf(all);
    }

    /**
     * Starts every process at once: none needs another to start (the gateway asks its upstreams only
     * when a request comes), so they boot side by side and the suite is up when the slowest is.
     */
    public void start() throws IOException {
        for (ServiceProcess service : services()) {
            service.start();
        }
    }

    /** Waits until every service answers ready, all within one deadline. */
    public void awaitReady(Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        for (ServiceProcess service : services()) {
            Duration left = Duration.between(Instant.now(), deadline);
            service.awaitReady(left.isNegative() ? Duration.ZERO : left);
        }
    }

    /** Asks every process to stop at once, then waits for each (a stubborn one is killed). */
    public void stop() {
        services().forEach(service -> service.handle().ifPresent(ProcessHandle::destroy));
        services().forEach(ServiceProcess::stop);
    }
}
