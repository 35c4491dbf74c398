package org.fugong.launcher;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test class that runs against the real services: the one {@link RunningSuite} of the test JVM,
 * started for the first such class and shared by all, is injected where a parameter asks for it
 * (constructor, {@code @BeforeAll}, test method). Tagged {@code cross-service}, so
 * {@code -Dgroups=cross-service} runs only these and {@code -DexcludedGroups=cross-service} skips them.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(RunningSuite.Extension.class)
@Tag("cross-service")
@interface CrossServiceTest {
}
