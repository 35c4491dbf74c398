package org.fugong.registry.enterprise;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import org.fugong.registry.sql.NativeSql;

/**
 * The periods during which an organisation had a given status, resumption status and county, so that
 * a past day can be judged by that day's state rather than today's.
 */
@ApplicationScoped
public class StatusHistory {

    /**
     * Opens the first period of an organisation just registered: there is nothing to end and no
     * earlier period to follow, so one plain insert (half the statements of {@link #record}).
     */
    public void open(Enterprise e) {
        NativeSql.query("""
                INSERT INTO enterprise_status_history (enterprise_id, region_code, status, resumption_status, valid_from)
                VALUES (:id, :region, :status, :resumption, :at)""")
                .setParameter("id", e.id).setParameter("region", e.regionCode).setParameter("status", e.status.name())
                .setParameter("resumption", e.resumptionStatus.name()).setParameter("at", e.createdAt).executeUpdate();
    }

    /**
     * Ends the organisation's open period at {@code at} and opens one with its state now. Called,
     * under the organisation's row lock, after every change of what the history keeps.
     */
    public void record(Enterprise e, Instant at) {
        // Another replica's clock may lag this one's: a period never ends before it began.
        NativeSql.query("""
                UPDATE enterprise_status_history SET valid_to = greatest(valid_from, :at)
                WHERE enterprise_id = :id AND valid_to IS NULL""")
                .setParameter("at", at).setParameter("id", e.id).executeUpdate();
        NativeSql.query("""
                INSERT INTO enterprise_status_history (enterprise_id, region_code, status, resumption_status, valid_from)
                SELECT :id, :region, :status, :resumption, greatest(:at, coalesce(max(valid_to), :at))
                FROM enterprise_status_history WHERE enterprise_id = :id""")
                .setParameter("id", e.id).setParameter("region", e.regionCode).setParameter("status", e.status.name())
                .setParameter("resumption", e.resumptionStatus.name()).setParameter("at", at).executeUpdate();
    }
}
