package org.fugong.registry.enterprise;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.fugong.platform.outbox.OutboxWriter;

/**
 * What the registry publishes about organisations on {@code registry.enterprises}. Every payload
 * carries the organisation's full state after the change (never its contact person), plus what changed.
 */
@ApplicationScoped
public class EnterpriseEvents {

    public static final String TOPIC = "registry.enterprises";
    public static final String AGGREGATE = "enterprise";
    public static final String REGISTERED = "fugong.registry.enterprise.registered";
    public static final String UPDATED = "fugong.registry.enterprise.updated";
    public static final String STATUS_CHANGED = "fugong.registry.enterprise.status-changed";
    public static final String RESUMPTION_STATUS_CHANGED = "fugong.registry.enterprise.resumption-status-changed";
    public static final String OUTBREAK_ALERTED = "fugong.registry.enterprise.outbreak-alerted";

    /** The organisation as integrators see it. */
    public record State(UUID id, OrganisationKind kind, String name, String uscc, String regionCode,
            Industry industry, Ownership ownership, int employees, String annualRevenue, SizeClass sizeClass,
            PriorityTier priorityTier, boolean keyEnterprise, EnterpriseStatus status, String statusReason,
            ResumptionStatus resumptionStatus, long version, Instant updatedAt) {

        static State of(Enterprise e) {
            return new State(e.id, e.kind, e.name, e.uscc, e.regionCode, e.industry, e.ownership, e.employees,
                    e.annualRevenue.setScale(2).toPlainString(), e.sizeClass, e.priorityTier, e.keyEnterprise,
                    e.status, e.statusReason, e.resumptionStatus, e.version, e.updatedAt);
        }
    }

    public record Registered(State enterprise) {
    }

    public record Updated(State enterprise, List<String> changed) {
    }

    public record StatusChanged(State enterprise, EnterpriseStatus previousStatus, EnterpriseStatus status,
            String reason) {
    }

    public record ResumptionStatusChanged(State enterprise, ResumptionStatus previousResumptionStatus,
            ResumptionStatus resumptionStatus, ResumptionCause cause) {
    }

    public record OutbreakAlerted(State enterprise, LocalDate reportDate, int confirmed, int suspected, int fever,
            int closeContacts, String rule) {
    }

    @Inject
    OutboxWriter outbox;

    public void registered(Enterprise e) {
        publish(e, REGISTERED, new Registered(State.of(e)));
    }

    public void updated(Enterprise e, List<String> changed) {
        publish(e, UPDATED, new Updated(State.of(e), changed));
    }

    public void statusChanged(Enterprise e, EnterpriseStatus previous, String reason) {
        publish(e, STATUS_CHANGED, new StatusChanged(State.of(e), previous, e.status, reason));
    }

    public void resumptionStatusChanged(Enterprise e, ResumptionStatus previous, ResumptionCause cause) {
        publish(e, RESUMPTION_STATUS_CHANGED, new ResumptionStatusChanged(State.of(e), previous, e.resumptionStatus, cause));
    }

    public void outbreakAlerted(Enterprise e, LocalDate date, int confirmed, int suspected, int fever,
            int closeContacts, String rule) {
        publish(e, OUTBREAK_ALERTED, new OutbreakAlerted(State.of(e), date, confirmed, suspected, fever, closeContacts, rule));
    }

    private void publish(Enterprise e, String type, Object payload) {
        outbox.append(TOPIC, AGGREGATE, e.id.toString(), type, payload);
    }
}
