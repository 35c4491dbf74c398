package org.fugong.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.util.logging.Logger;

/**
 * The CPU one ES256 signature costs on the JDK this runs on: P-256 with SHA-256 in the JWS (IEEE
 * P1363) format, as logistics signs a pass code, one thread, a fresh {@link Signature} each time as
 * jose4j makes one. Rounds of {@code bench.signatures} (default 3,000); the first warms the JIT.
 * Figures, not a test. Run it on each JDK to compare them:
 * {@code java -Djava.util.logging.config.file=launcher/target/classes/logging.properties
 * -cp bench/target/fugong-bench.jar org.fugong.bench.SigningCost}.
 */
public final class SigningCost {

    private static final Logger LOG = Logger.getLogger(SigningCost.class.getName());

    private SigningCost() {
    }

    public static void main(String[] args) throws Exception {
        int signatures = Integer.getInteger("bench.signatures", 3_000);
        int rounds = Integer.getInteger("bench.rounds", 6);
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair key = generator.generateKeyPair();
        // About the size of a pass code's signing input (its header and claims, base64url).
        byte[] input = new byte[210];
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int round = 0; round < rounds; round++) {
            long cpu = threads.getCurrentThreadCpuTime();
            for (int i = 0; i < signatures; i++) {
                input[i % input.length]++;
                Signature es256 = Signature.getInstance("SHA256withECDSAinP1363Format");
                es256.initSign(key.getPrivate());
                es256.update(input);
                es256.sign();
            }
            LOG.info(String.format("JDK %s, round %d: %.0f µs of CPU per ES256 signature", System.getProperty("java.version"),
                    round + 1, (threads.getCurrentThreadCpuTime() - cpu) / 1000.0 / signatures));
        }
    }
}
