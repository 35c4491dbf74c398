package org.fugong.registry.region;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.fugong.platform.outbox.OutboxWriter;

/** What the registry publishes about regions on {@code registry.regions}. */
@ApplicationScoped
public class RegionEvents {

    public static final String TOPIC = "registry.regions";
    public static final String AGGREGATE = "region";
    public static final String RISK_LEVEL_CHANGED = "fugong.registry.region.risk-level-changed";

    public record State(String code, String name, String nameEn, RegionLevel level, String parentCode,
            RiskLevel riskLevel, Instant riskUpdatedAt, long version) {
        static State of(Region r) {
            return new State(r.code, r.name, r.nameEn, r.level, r.parentCode, r.riskLevel, r.riskUpdatedAt, r.version);
        }
    }

    /** {@code set_on_code} is the region the authority acted on: this one, or a parent whose level cascaded. */
    public record RiskLevelChanged(State region, RiskLevel previousRiskLevel, RiskLevel riskLevel, String setOnCode,
            String reason) {
    }

    @Inject
    OutboxWriter outbox;

    public void riskLevelsChanged(List<RiskLevelChange> changes, List<Region> regions) {
        List<OutboxWriter.Event> events = new ArrayList<>(changes.size());
        for (int i = 0; i < changes.size(); i++) {
            RiskLevelChange c = changes.get(i);
            Region r = regions.get(i);
            events.add(new OutboxWriter.Event(TOPIC, AGGREGATE, r.code, RISK_LEVEL_CHANGED,
                    new RiskLevelChanged(State.of(r), c.previousLevel, c.riskLevel, c.setOnCode, c.reason)));
        }
        if (!events.isEmpty()) {
            outbox.appendAll(events);
        }
    }
}
