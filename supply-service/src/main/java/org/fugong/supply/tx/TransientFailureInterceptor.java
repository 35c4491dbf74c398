package org.fugong.supply.tx;

import java.time.Duration;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.transaction.Status;
import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionManager;

import org.fugong.supply.config.SupplyConfig;

/**
 * Wraps {@link RetryTransientFailures} methods outside their transaction (a lower priority than
 * Narayana's {@code @Transactional} interceptor, at PLATFORM_BEFORE + 200), so each attempt is a
 * fresh transaction. Called inside a transaction already, it only proceeds: the outer one owns the
 * retry, since a part of an aborted transaction cannot be run again on its own.
 */
@RetryTransientFailures
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 100)
public class TransientFailureInterceptor {

    @Inject
    TransactionManager transactions;

    @Inject
    SupplyConfig config;

    @AroundInvoke
    Object retry(InvocationContext invocation) throws Exception {
        if (insideTransaction()) {
            return invocation.proceed();
        }
        return TransientFailures.retry(config.transientRetries(), Duration.ofMillis(20), invocation::proceed);
    }

    private boolean insideTransaction() throws SystemException {
        return transactions.getStatus() != Status.STATUS_NO_TRANSACTION;
    }
}
