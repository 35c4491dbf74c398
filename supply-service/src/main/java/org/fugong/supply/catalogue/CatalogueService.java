package org.fugong.supply.catalogue;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.fugong.platform.problem.ProblemException;
import org.fugong.platform.standards.Gtin;

@ApplicationScoped
public class CatalogueService {

    @Transactional
    public SupplyItem add(NewSupplyItem body) {
        if (body.gtin() != null) {
            Gtin.problem(body.gtin()).ifPresent(problem -> {
                throw ProblemException.invalid("gtin", problem);
            });
        }
        if (SupplyItem.findById(body.code()) != null) {
            throw ProblemException.conflict("code", "an item with this code exists");
        }
        SupplyItem item = new SupplyItem();
        item.code = body.code();
        item.name = body.name().strip();
        item.nameZh = body.nameZh();
        item.category = body.category();
        item.unit = body.unit().strip();
        item.requiredStandard = body.requiredStandard() == null || body.requiredStandard().isBlank() ? null
                : body.requiredStandard().strip();
        item.gtin = body.gtin();
        item.createdAt = Instant.now();
        item.persist();
        return item;
    }
}
