package org.fugong.finance.policy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.fugong.finance.policy.api.SubsidyTerms;
import org.fugong.finance.schedule.SubsidyBasis;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A preferential measure: what it grants, who issued it under which document, when it is in force,
 * and whom it is for — eligibility as data in the rule language of {@code eligibility.EligibilityRules},
 * stored in its canonical JSON. Maintained by administrators; matched against enterprises by
 * {@link PolicyMatcher}.
 */
@Entity
@Table(name = "policy")
public class Policy extends PanacheEntityBase {
    @Id
    public UUID id;
    public String name;
    @Enumerated(EnumType.STRING)
    public PolicyKind kind;
    public String issuingBody;
    public String documentNumber;
    public String documentTitle;
    public String grants;
    public LocalDate validFrom;
    public LocalDate validUntil;
    @JdbcTypeCode(SqlTypes.JSON)
    public String eligibility;
    /** An INTEREST_SUBSIDY's terms (all three or none): see {@link SubsidyTerms}. */
    @Enumerated(EnumType.STRING)
    public SubsidyBasis subsidyBasis;
    public BigDecimal subsidySharePercent;
    public Integer subsidyMonths;
    public Instant createdAt;
    public Instant updatedAt;
    @Version
    public long version;
    /** The version whose matches are stored; written by {@link PolicyMatcher} only. */
    public Long matchedVersion;

    /** The interest subsidy's terms, when the policy states them. */
    public SubsidyTerms subsidy() {
        return SubsidyTerms.of(subsidyBasis, subsidySharePercent, subsidyMonths);
    }

    /** Whether the measure applies on that day (an open end applies from its start on). */
    public boolean inForce(LocalDate day) {
        return !day.isBefore(validFrom) && (validUntil == null || !day.isAfter(validUntil));
    }
}
