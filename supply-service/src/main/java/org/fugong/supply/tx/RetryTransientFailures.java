package org.fugong.supply.tx;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.interceptor.InterceptorBinding;

/**
 * On a {@code @Transactional} method that starts its own transaction: a deadlock or serialisation
 * failure runs the whole transaction again, a bounded number of times
 * ({@code fugong.supply.transient-retries}), instead of answering 500.
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.METHOD, ElementType.TYPE })
public @interface RetryTransientFailures {
}
