package org.fugong.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Which part of a request a sample is counted in: its innermost frame that belongs to one. */
class JfrProfileTest {

    private static final String INTERCEPTOR = "io.quarkus.narayana.jta.runtime.interceptor.TransactionalInterceptorRequired";
    private static final String EVENT_LOOP = "io.vertx.core.net.impl.NetSocketImpl";

    @Test
    void hibernateInsideATransactionalMethodIsHibernate() {
        assertThat(JfrProfile.partOf(List.of("java.util.HashMap", "org.hibernate.engine.spi.ActionQueue",
                "org.fugong.logistics.pass.PassService", INTERCEPTOR, "org.jboss.resteasy.reactive.server.handlers.InvocationHandler")))
                .isEqualTo("Hibernate ORM");
    }

    @Test
    void serviceCodeInsideATransactionalMethodIsServiceCode() {
        assertThat(JfrProfile.partOf(List.of("java.lang.String", "org.fugong.finance.application.PriorityScore",
                "org.fugong.finance.application.ApplicationService", INTERCEPTOR)))
                .isEqualTo("service code (org.fugong)");
    }

    @Test
    void theCommitItselfIsTheTransactionManagers() {
        assertThat(JfrProfile.partOf(List.of("com.arjuna.ats.arjuna.coordinator.BasicAction", INTERCEPTOR,
                "org.fugong.registry.enterprise.EnterpriseResource")))
                .isEqualTo("transactions (Narayana)");
    }

    @Test
    void theDriverUnderHibernateIsTheDrivers() {
        assertThat(JfrProfile.partOf(List.of("sun.nio.ch.SocketChannelImpl", "org.postgresql.core.v3.QueryExecutorImpl",
                "org.hibernate.engine.jdbc.internal.ResultSetReturnImpl", INTERCEPTOR)))
                .isEqualTo("PostgreSQL JDBC driver");
    }

    @Test
    void jdkCryptoIsCountedToWhoeverCalledIt() {
        assertThat(JfrProfile.partOf(List.of("java.math.BigInteger", "sun.security.rsa.RSACore",
                "org.jose4j.jws.JsonWebSignature", "io.smallrye.jwt.auth.principal.DefaultJWTParser", EVENT_LOOP)))
                .isEqualTo("JWT verification (smallrye-jwt, jose4j)");
        assertThat(JfrProfile.partOf(List.of("sun.security.util.math.intpoly.IntegerPolynomialP256",
                "sun.security.ec.ECDSAOperations", "org.jose4j.jws.EcdsaUsingShaAlgorithm",
                "org.fugong.logistics.code.PassSigner", "org.fugong.logistics.pass.PassService", INTERCEPTOR)))
                .isEqualTo("pass codes (ES256 signing and checking)");
    }

    @Test
    void onlyTheJdkIsOther() {
        assertThat(JfrProfile.partOf(List.of("java.lang.Thread", "jdk.internal.misc.Unsafe"))).isEqualTo(JfrProfile.OTHER);
        assertThat(JfrProfile.partOf(List.of("java.lang.Thread", EVENT_LOOP)))
                .isEqualTo("HTTP and REST (Vert.x, Netty, RESTEasy Reactive)");
    }
}
