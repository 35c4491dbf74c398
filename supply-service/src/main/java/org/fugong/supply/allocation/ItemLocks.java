package org.fugong.supply.allocation;

import java.util.Collection;
import java.util.Map;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.fugong.supply.db.NativeSql;

/**
 * The one lock order of supply: every transaction that changes an item's offers, requests or
 * allocations first takes the item's transaction-scoped advisory lock (several items in code
 * order), then row locks, then the outbox's locks (which {@code OutboxWriter} takes when events are
 * appended). A transaction that took rows first and the item afterwards would wait for a matching
 * run that waits for its rows: a deadlock.
 */
@ApplicationScoped
public class ItemLocks {

    @Inject
    NativeSql sql;

    /** Re-entrant: taking an item the transaction already holds is harmless. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void lock(Collection<String> itemCodes) {
        for (String code : new TreeSet<>(itemCodes)) {
            sql.value("SELECT pg_advisory_xact_lock(hashtextextended(:key, 0))", Map.of("key", "supply-item:" + code));
        }
    }
}
