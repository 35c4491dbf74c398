package org.fugong.registry.enterprise;

/** The organisation's resumption status moved from {@code previous} (to its status now), because of {@code cause}. */
public record ResumptionTransition(ResumptionStatus previous, ResumptionCause cause) {
}
