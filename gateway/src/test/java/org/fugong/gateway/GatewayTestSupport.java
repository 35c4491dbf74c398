package org.fugong.gateway;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.fugong.testing.FugongTestResource;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;

/** The gateway's test resources: its database and two echoing upstreams. */
@WithTestResource(value = FugongTestResource.class, initArgs = { @ResourceArg(name = "database", value = "gateway"),
        @ResourceArg(name = "kafka", value = "false") })
@WithTestResource(EchoUpstreams.class)
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface GatewayTestSupport {
    String ADMIN_KEY = "fg_test_admin_key_0123456789abcdefghij";
}
