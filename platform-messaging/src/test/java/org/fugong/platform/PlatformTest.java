package org.fugong.platform;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.fugong.testing.FugongTestResource;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;

/** The shared resources of the platform's Quarkus tests: one application start for all of them. */
@WithTestResource(value = FugongTestResource.class, initArgs = @ResourceArg(name = "database", value = "platform"))
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface PlatformTest {
}
