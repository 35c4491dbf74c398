package org.fugong.finance.application.api;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.fugong.finance.application.PriorityScore;

@Schema(name = "Priority", description = "The review queue's priority score and every factor's points (0 when it does not apply)")
public record PriorityView(@Schema(example = "92") int score, List<PriorityScore.Factor> factors) {
}
