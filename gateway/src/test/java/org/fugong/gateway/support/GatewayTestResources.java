package org.fugong.gateway.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.fugong.testing.FugongTestResource;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;

/**
 * The gateway's test resources: its database (no Kafka broker: the gateway has no events) and the
 * {@link StandInServers}. Every {@code @QuarkusTest} of the gateway carries exactly this set, so
 * that those without a test profile share one start of the application.
 */
@WithTestResource(value = FugongTestResource.class, initArgs = { @ResourceArg(name = "database", value = "gateway"),
        @ResourceArg(name = "kafka", value = "false") })
@WithTestResource(StandInServers.class)
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface GatewayTestResources {
}
