package org.fugong.finance.db;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

/**
 * The one way finance runs native SQL, kept for what the entities' Panache statics cannot say:
 * upserts that must not race ({@code INSERT ... ON CONFLICT}) and aggregates over a table without an
 * entity. Everything else goes through the entities. Values are always bound as named parameters,
 * never spliced into the text.
 */
@ApplicationScoped
public class NativeSql {

    @Inject
    EntityManager em;

    /** @return the number of rows changed */
    public int update(String sql, Map<String, ?> params) {
        return bind(sql, params).executeUpdate();
    }

    @SuppressWarnings("unchecked")
    public List<Object[]> rows(String sql, Map<String, ?> params) {
        return bind(sql, params).getResultList();
    }

    public Object value(String sql, Map<String, ?> params) {
        return bind(sql, params).getSingleResult();
    }

    private Query bind(String sql, Map<String, ?> params) {
        Query query = em.createNativeQuery(sql);
        params.forEach(query::setParameter);
        return query;
    }
}
