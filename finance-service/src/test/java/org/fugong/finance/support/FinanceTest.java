package org.fugong.finance.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.fugong.testing.FugongTestResource;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;

/** The one resource set of every finance {@code @QuarkusTest}: one application start for the suite. */
@WithTestResource(value = FugongTestResource.class, initArgs = @ResourceArg(name = "database", value = "finance"))
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface FinanceTest {
}
