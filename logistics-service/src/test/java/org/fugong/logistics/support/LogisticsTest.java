package org.fugong.logistics.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.fugong.testing.FugongTestResource;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;

/** The one resource set of every logistics {@code @QuarkusTest}: one application start for the suite. */
@WithTestResource(value = FugongTestResource.class, initArgs = @ResourceArg(name = "database", value = "logistics"))
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface LogisticsTest {
}
