package org.fugong.logistics.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MaskingTest {

    @Test
    void namesKeepTheirFirstCharacterEvenOutsideTheBasicPlane() {
        assertThat(Masking.name("张伟")).isEqualTo("张*");
        assertThat(Masking.name("欧阳娜娜")).isEqualTo("欧***");
        assertThat(Masking.name("王")).isEqualTo("王*");
        assertThat(Masking.name("𠀋一")).isEqualTo("𠀋*"); // a surname written with a supplementary character
        assertThat(Masking.name(null)).isNull();
    }

    @Test
    void phonesAndIdNumbersKeepOnlyTheirEnds() {
        assertThat(Masking.phone("13812345678")).isEqualTo("138****5678");
        assertThat(Masking.idNumber("11010519491231002X")).isEqualTo("110105********002X");
        assertThat(Masking.phone(null)).isNull();
        // Too short to keep both ends without showing everything: all starred.
        assertThat(Masking.phone("1234567")).isEqualTo("*******");
    }
}
