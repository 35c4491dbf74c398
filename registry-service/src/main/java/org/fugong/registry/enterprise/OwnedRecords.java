package org.fugong.registry.enterprise;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;

import org.fugong.platform.problem.ProblemException;

/** Keyset pages of the records an organisation owns (filings, reports), in id order. */
@ApplicationScoped
public class OwnedRecords {

    @Inject
    EntityManager em;

    /** One record of the organisation's, or 404 naming {@code what}: another's record looks like none. */
    public <T> T one(Class<T> type, UUID enterpriseId, UUID id, String what) {
        return em.createQuery("from " + type.getSimpleName() + " where id = :id and enterpriseId = :enterprise", type)
                .setParameter("id", id).setParameter("enterprise", enterpriseId).getResultStream().findFirst()
                .orElseThrow(() -> ProblemException.notFound(what + " " + id));
    }

    /** Up to {@code limit + 1} records of the entity type after {@code after} (null for the first page). */
    public <T> List<T> page(Class<T> type, UUID enterpriseId, UUID after, int limit) {
        String jpql = "from " + type.getSimpleName() + " where enterpriseId = :enterprise"
                + (after == null ? "" : " and id > :after") + " order by id";
        TypedQuery<T> query = em.createQuery(jpql, type).setParameter("enterprise", enterpriseId)
                .setMaxResults(limit + 1);
        if (after != null) {
            query.setParameter("after", after);
        }
        return query.getResultList();
    }
}
