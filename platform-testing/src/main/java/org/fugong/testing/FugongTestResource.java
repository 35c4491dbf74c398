package org.fugong.testing;

import java.util.HashMap;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Gives a service under test a real PostgreSQL database, a real Kafka broker (unless told
 * {@code kafka=false}) and the public key
 * of {@link TestJwt}. Use it as
 * {@code @QuarkusTestResource(value = FugongTestResource.class, initArgs = @ResourceArg(name = "database", value = "registry"))}
 * on every test class of a service with the same arguments, so that Quarkus starts the
 * application once.
 */
public class FugongTestResource implements QuarkusTestResourceLifecycleManager {

    private String database = "fugong";
    private boolean kafka = true;

    /** {@code database}: the database's name; {@code kafka=false} for an application without events (the gateway). */
    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", database);
        kafka = Boolean.parseBoolean(initArgs.getOrDefault("kafka", "true"));
    }

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>();
        config.put("quarkus.datasource.jdbc.url", SharedInfrastructure.databaseUrl(database));
        config.put("quarkus.datasource.username", SharedInfrastructure.databaseUser());
        config.put("quarkus.datasource.password", SharedInfrastructure.databasePassword());
        if (kafka) {
            config.put("kafka.bootstrap.servers", SharedInfrastructure.kafkaBootstrapServers());
        }
        config.put("mp.jwt.verify.publickey", TestJwt.publicKeyBase64());
        config.put("mp.jwt.verify.issuer", TestJwt.ISSUER);
        // @QuarkusIntegrationTest cannot see these through ConfigProvider: hand them over as system properties too.
        config.forEach(System::setProperty);
        return config;
    }

    @Override
    public void stop() {
        // The database and broker are shared by every application started in this JVM; a shutdown hook stops them.
    }
}
