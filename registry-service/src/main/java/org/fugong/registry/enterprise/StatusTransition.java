package org.fugong.registry.enterprise;

import java.util.Optional;

/**
 * The organisation's status moved from {@code previousStatus} (to its status now); {@code halted} is
 * present when leaving ACTIVE also halted work under way.
 */
public record StatusTransition(EnterpriseStatus previousStatus, Optional<ResumptionTransition> halted) {
}
