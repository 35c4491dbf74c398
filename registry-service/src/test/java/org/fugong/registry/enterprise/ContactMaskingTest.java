package org.fugong.registry.enterprise;

import static org.assertj.core.api.Assertions.assertThat;

import org.fugong.registry.enterprise.api.ContactPerson;
import org.junit.jupiter.api.Test;

class ContactMaskingTest {

    @Test
    void namesKeepTheFamilyNameAndPhonesTheirEnds() {
        ContactPerson masked = new ContactPerson("王小明", "138-1234-5678").masked();
        assertThat(masked.name()).isEqualTo("王**");
        assertThat(masked.phone()).isEqualTo("138****5678");
    }

    @Test
    void shortValuesAreMaskedWhole() {
        ContactPerson masked = new ContactPerson("李", "12345").masked();
        assertThat(masked.name()).isEqualTo("李*");
        assertThat(masked.phone()).isEqualTo("*****");
    }
}
