package org.fugong.registry.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.fugong.testing.FugongTestResource;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;

/**
 * The one resource set of every registry {@code @QuarkusTest}: the same embedded database and
 * broker, so Quarkus starts the application once for the whole suite.
 */
@WithTestResource(value = FugongTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "registry"))
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface RegistryTest {
}
