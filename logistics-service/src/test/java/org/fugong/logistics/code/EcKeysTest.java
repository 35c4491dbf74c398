package org.fugong.logistics.code;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class EcKeysTest {

    @RepeatedTest(5)
    void thePublicKeyComputedFromAPkcs8PrivateKeyIsTheKeyPairsOwn() {
        KeyPair generated = EcKeys.generate();
        KeyPair read = EcKeys.readPrivatePem(EcKeys.privatePem(generated));
        assertThat(read.getPublic().getEncoded()).isEqualTo(generated.getPublic().getEncoded());
        assertThat(read.getPrivate().getEncoded()).isEqualTo(generated.getPrivate().getEncoded());
    }

    @Test
    void aPublicPemReadsBackToTheSameKeyAndKeyId() {
        ECPublicKey key = (ECPublicKey) EcKeys.generate().getPublic();
        ECPublicKey read = EcKeys.readPublicPem(EcKeys.publicPem(key));
        assertThat(read.getEncoded()).isEqualTo(key.getEncoded());
        assertThat(EcKeys.keyId(read)).isEqualTo(EcKeys.keyId(key)).hasSize(EcKeys.KEY_ID_LENGTH);
    }

    @Test
    void aKeyOnAnotherCurveIsRefused() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp384r1"));
        String pem = EcKeys.privatePem(generator.generateKeyPair());
        assertThatThrownBy(() -> EcKeys.readPrivatePem(pem)).isInstanceOf(IllegalArgumentException.class);
    }
}
