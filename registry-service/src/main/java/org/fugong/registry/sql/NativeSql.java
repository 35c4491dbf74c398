package org.fugong.registry.sql;

import jakarta.persistence.Query;

import io.quarkus.hibernate.orm.panache.Panache;

/**
 * The registry's one way to SQL that HQL does not say well: the status history's period updates
 * ({@code greatest}, {@code INSERT ... SELECT}), and the compliance and statistics reads
 * ({@code WITH}, {@code FILTER}, {@code ROLLUP}, {@code LATERAL}). Everything else goes through the
 * entities' Panache statics. Panache has no native query of its own, so this is the one place that
 * takes its entity manager: the same one, in the same transaction, as the statics use.
 */
public final class NativeSql {

    private NativeSql() {
    }

    /** A native statement; bind every value as a parameter, never into the text. */
    public static Query query(String sql) {
        return Panache.getEntityManager().createNativeQuery(sql);
    }
}
