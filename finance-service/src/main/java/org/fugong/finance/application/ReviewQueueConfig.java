package org.fugong.finance.application;

import java.util.Set;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The points of each factor of the review queue's priority score, see {@link PriorityScore} (FUGONG_FINANCE_REVIEW_QUEUE_...). */
@ConfigMapping(prefix = "fugong.finance.review-queue")
public interface ReviewQueueConfig {

    @WithDefault("30")
    int essentialTierPoints();

    @WithDefault("25")
    int medicalSupplyMakerPoints();

    /** Registry industry codes that make an enterprise a medical-supply maker. */
    @WithDefault("MEDICAL_SUPPLIES,PROTECTIVE_GEAR,PHARMACEUTICALS")
    Set<String> medicalSupplyIndustries();

    @WithDefault("20")
    int keyEnterprisePoints();

    @WithDefault("10")
    int microSizePoints();

    /** Points for having no cash left; fewer the more days are declared, none from the horizon on. */
    @WithDefault("20")
    int cashLeftPoints();

    @WithDefault("30")
    int cashLeftHorizonDays();

    @WithDefault("15")
    int hubeiPoints();

    /** GB/T 2260 prefix of the region the Hubei factor favours. */
    @WithDefault("42")
    String hubeiPrefix();

    default PriorityScore.Weights weights() {
        return new PriorityScore.Weights(essentialTierPoints(), medicalSupplyMakerPoints(), medicalSupplyIndustries(),
                keyEnterprisePoints(), microSizePoints(), cashLeftPoints(), cashLeftHorizonDays(), hubeiPoints(),
                hubeiPrefix());
    }
}
