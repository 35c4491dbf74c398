package org.fugong.logistics.pass;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.NoResultException;
import jakarta.transaction.Transactional;

import org.fugong.logistics.db.NativeSql;
import org.fugong.platform.problem.ProblemException;

/**
 * Pass numbers: the origin county's six digits and a six-digit serial of that county. The upsert
 * takes the county's counter row and keeps it locked until the pass's transaction ends, so
 * concurrent applications from one county queue on it and a rolled-back one gives its serial back:
 * no gap, no duplicate, never reused.
 */
@ApplicationScoped
public class PassNumbers {

    static final int MAX_SERIAL = 999_999;

    @Inject
    NativeSql sql;

    @Transactional(Transactional.TxType.MANDATORY)
    public String next(String county) {
        Object last;
        try {
            last = sql.value("""
                    INSERT INTO pass_serial (county, last_serial) VALUES (:county, 1)
                    ON CONFLICT (county) DO UPDATE SET last_serial = pass_serial.last_serial + 1
                    WHERE pass_serial.last_serial < :max
                    RETURNING last_serial""", Map.of("county", county, "max", MAX_SERIAL));
        } catch (NoResultException e) {
            // The counter stood at 999999: the update's condition held it back.
            throw ProblemException.conflict("route[0]", "county " + county + " has used all " + MAX_SERIAL
                    + " pass numbers");
        }
        return county + String.format("%06d", ((Number) last).intValue());
    }
}
