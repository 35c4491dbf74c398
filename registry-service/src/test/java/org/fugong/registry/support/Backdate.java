package org.fugong.registry.support;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.fugong.registry.sql.NativeSql;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Moves everything that has happened to some organisations so far (registration and status
 * history) into the past by the same amount, as if it had happened then.
 */
public final class Backdate {

    private Backdate() {
    }

    public static void registration(Duration ago, List<UUID> ids) {
        QuarkusTransaction.requiringNew().run(() -> {
            NativeSql.query("""
                    UPDATE enterprise_status_history
                    SET valid_from = valid_from - make_interval(secs => :secs),
                        valid_to = valid_to - make_interval(secs => :secs)
                    WHERE enterprise_id IN (:ids)""")
                    .setParameter("secs", ago.toSeconds()).setParameter("ids", ids).executeUpdate();
            NativeSql.query("UPDATE enterprise SET created_at = created_at - make_interval(secs => :secs) WHERE id IN (:ids)")
                    .setParameter("secs", ago.toSeconds()).setParameter("ids", ids).executeUpdate();
        });
    }
}
