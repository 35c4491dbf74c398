package org.fugong.registry.health;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One organisation's daily health report: a day with zero cases is still a report. */
@Entity
@Table(name = "health_report")
@IdClass(HealthReport.Key.class)
public class HealthReport extends PanacheEntityBase {

    public record Key(UUID enterpriseId, LocalDate reportDate) implements Serializable {
        public Key() {
            this(null, null);
        }
    }

    @Id
    public UUID enterpriseId;
    @Id
    public LocalDate reportDate;
    public int confirmed;
    public int suspected;
    public int fever;
    public int closeContacts;
    /** Whether an outbreak alert was already raised for this day, so corrections do not raise it twice. */
    public boolean alerted;
    /** When the day was first reported: what "on time" is judged by. */
    public Instant firstSubmittedAt;
    public Instant updatedAt;
    @Version
    public long version;

    /** The first report of an organisation's day: when it came is what "on time" is judged by. */
    public static HealthReport firstOfDay(UUID enterpriseId, LocalDate reportDate, Instant at) {
        HealthReport r = new HealthReport();
        r.enterpriseId = enterpriseId;
        r.reportDate = reportDate;
        r.firstSubmittedAt = at;
        return r;
    }

    /**
     * Takes the day's figures (a later report corrects the earlier) and returns the rule of the
     * outbreak alert they raise, if they raise one that the day has not raised yet: one alert per
     * organisation and day, however often it is corrected.
     */
    public Optional<String> report(int confirmed, int suspected, int fever, int closeContacts, int suspectedThreshold,
            Instant at) {
        this.confirmed = confirmed;
        this.suspected = suspected;
        this.fever = fever;
        this.closeContacts = closeContacts;
        this.updatedAt = at;
        Optional<String> alert = OutbreakRule.alertFor(confirmed, suspected, suspectedThreshold);
        if (alert.isEmpty() || alerted) {
            return Optional.empty();
        }
        alerted = true;
        return alert;
    }
}
