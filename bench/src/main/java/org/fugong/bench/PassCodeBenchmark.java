package org.fugong.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.logging.Logger;

import org.fugong.logistics.code.EcKeys;
import org.fugong.logistics.code.PassClaims;
import org.fugong.logistics.code.PassCodeVerifier;
import org.fugong.logistics.code.PassKeys;
import org.fugong.logistics.code.PassSigner;

import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.lang.JoseException;

import com.google.zxing.WriterException;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.Encoder;
import com.google.zxing.qrcode.encoder.QRCode;

/**
 * What a checkpoint's handheld does with no connection, in one thread: {@link PassCodeVerifier} on a
 * typical pass code (parse the compact JWS, find the key by id, check the ES256 signature, read the
 * claims, compare the validity with the clock) next to the bare signature check of the same bytes
 * with {@code java.security} — the cost the verifier adds over its algorithm — and, for the choice
 * of algorithm, the bare check of the same code signed with Ed25519 and with RS256, and the QR
 * symbol each code needs at the error correction the pass's image uses (M). Warmed until this JVM's
 * compilers are idle, then in interleaved rounds; the medians are compared. Figures, not a test.
 */
public final class PassCodeBenchmark {

    private static final Logger LOG = Logger.getLogger(PassCodeBenchmark.class.getName());
    private static final String VERIFIER = "PassCodeVerifier (ES256)";
    private static final String RAW_ES256 = "raw ES256";
    private static final String PARSING = "parsing alone (no sig.)";

    /** The loop's truck from Xiantao through Caidian to Dongxihu: a three-region route, as most passes have. */
    private static final PassClaims TYPICAL = new PassClaims("429004000001", "鄂M5K218",
            List.of("429004", "420114", "420112"), Instant.parse("2020-02-24T16:00:00Z"),
            Instant.parse("2020-03-02T16:00:00Z"));

    private PassCodeBenchmark() {
    }

    /** One way of checking a code, and the code it checks. */
    private record Way(String code, BooleanSupplier check) {
    }

    public static void main(String[] args) throws Exception {
        Duration phase = Duration.ofSeconds(Long.parseLong(System.getProperty("bench.seconds", "5")));
        int rounds = Integer.parseInt(System.getProperty("bench.rounds", "5"));
        Duration maxWarmUp = Duration.ofSeconds(Long.parseLong(System.getProperty("bench.warmup", "120")));

        KeyPair es256 = EcKeys.generate();
        String code = PassSigner.sign(TYPICAL, EcKeys.keyId((ECPublicKey) es256.getPublic()), es256.getPrivate());
        PassCodeVerifier verifier = new PassCodeVerifier(PassKeys.jwks((ECPublicKey) es256.getPublic(), List.of()),
                Clock.fixed(TYPICAL.validFrom().plus(Duration.ofDays(1)), ZoneOffset.UTC));
        if (verifier.verify(code).outcome() != PassCodeVerifier.Outcome.VALID) {
            throw new IllegalStateException("the typical code does not verify: " + verifier.verify(code));
        }

        Map<String, Way> ways = new LinkedHashMap<>();
        ways.put(VERIFIER, new Way(code, () -> verifier.verify(code).outcome() == PassCodeVerifier.Outcome.VALID));
        ways.put(RAW_ES256, raw(code, "SHA256withECDSAinP1363Format", es256.getPublic()));
        // What the verifier does besides the signature, alone: on a noisy machine the difference of
        // two figures near 2 ms says little about a cost of microseconds, this measures it directly.
        ways.put(PARSING, new Way(code, () -> parsed(code)));
        KeyPair ed25519 = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        ways.put("raw Ed25519", raw(resigned(code, "EdDSA", "Ed25519", ed25519.getPrivate()), "Ed25519",
                ed25519.getPublic()));
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);
        KeyPair rs256 = rsa.generateKeyPair();
        ways.put("raw RS256 (2048)", raw(resigned(code, "RS256", "SHA256withRSA", rs256.getPrivate()), "SHA256withRSA",
                rs256.getPublic()));
        for (Map.Entry<String, Way> way : ways.entrySet()) {
            if (!way.getValue().check().getAsBoolean()) {
                throw new IllegalStateException(way.getKey() + " does not verify its own code");
            }
        }

        // The same compiled code a handheld would run after its first minutes: every way in turn
        // until this JVM's compilers are idle.
        JitWarmUp.untilSettled("all ways", List.of(ProcessHandle.current()), maxWarmUp, () -> {
            for (Way way : ways.values()) {
                measure(way.check(), Duration.ofSeconds(2));
            }
        });

        // Interleaved rounds: the machine's drift falls on every way alike. This thread's CPU time
        // per check is the figure compared: on a shared machine wall time includes waiting for a core.
        Map<String, List<double[]>> figures = new LinkedHashMap<>();
        for (int round = 1; round <= rounds; round++) {
            for (Map.Entry<String, Way> way : ways.entrySet()) {
                double[] f = measure(way.getValue().check(), phase);
                figures.computeIfAbsent(way.getKey(), k -> new ArrayList<>()).add(f);
                LOG.info(String.format("%-26s #%d  %,9.0f checks/s wall  %,9.0f checks/s CPU  (%.1f µs CPU a check)",
                        way.getKey(), round, f[0], f[1], 1e6 / f[1]));
            }
        }

        StringBuilder summary = new StringBuilder(String.format("%nMedians of %d rounds of %d s, one thread:%n", rounds,
                phase.toSeconds()));
        for (Map.Entry<String, Way> way : ways.entrySet()) {
            double wall = median(figures.get(way.getKey()), 0);
            double cpu = median(figures.get(way.getKey()), 1);
            QRCode qr = qr(way.getValue().code());
            summary.append(String.format("  %-26s %,9.0f checks/s wall  %,9.0f checks/s CPU  %6.1f µs CPU a check   "
                    + "code %d characters, QR version %d (%d x %d modules, M)%n", way.getKey(), wall, cpu, 1e6 / cpu,
                    way.getValue().code().length(), qr.getVersion().getVersionNumber(), qr.getMatrix().getWidth(),
                    qr.getMatrix().getHeight()));
        }
        double overhead = median(figures.get(RAW_ES256), 1) / median(figures.get(VERIFIER), 1) - 1;
        double parsing = median(figures.get(RAW_ES256), 1) / median(figures.get(PARSING), 1);
        summary.append(String.format("The verifier adds %.0f %% of CPU time over the raw ES256 check (target <= 20 %%); "
                + "its work besides the signature, measured alone, is %.1f %% of the raw check", 100 * overhead,
                100 * parsing));
        LOG.info(summary.toString());
    }

    /**
     * Checks in a loop for {@code duration}; returns checks a second of wall time and of this
     * thread's CPU time. A false check fails the run: each way checks a code that must verify.
     */
    static double[] measure(BooleanSupplier check, Duration duration) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long end = System.nanoTime() + duration.toNanos();
        long start = System.nanoTime();
        long cpu = threads.getCurrentThreadCpuTime();
        long checks = 0;
        do {
            // 100 between clock reads: reading them costs about as much as a fast check would
            for (int i = 0; i < 100; i++) {
                if (!check.getAsBoolean()) {
                    throw new IllegalStateException("a check that must hold failed");
                }
            }
            checks += 100;
        } while (System.nanoTime() < end);
        double wall = (System.nanoTime() - start) / 1e9;
        double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpu) / 1e9;
        return new double[] { checks / wall, checks / cpuSeconds };
    }

    /**
     * The verifier's steps other than the signature check, with the same library: the compact
     * serialization parsed, the key id read, the claims parsed and read. Not a verification.
     */
    static boolean parsed(String code) {
        try {
            JsonWebSignature jws = new JsonWebSignature();
            jws.setCompactSerialization(code);
            JwtClaims claims = JwtClaims.parse(jws.getUnverifiedPayload());
            return jws.getKeyIdHeaderValue() != null && claims.getStringClaimValue("pn") != null
                    && claims.getStringClaimValue("vp") != null && claims.getStringListClaimValue("rt").size() == 3
                    && claims.getNotBefore() != null && claims.getExpirationTime() != null;
        } catch (JoseException | InvalidJwtException | MalformedClaimException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The bare signature check of the code's signing input: what the verifier cannot do without. */
    static Way raw(String code, String algorithm, PublicKey key) throws GeneralSecurityException {
        int dot = code.lastIndexOf('.');
        byte[] signed = code.substring(0, dot).getBytes(StandardCharsets.US_ASCII);
        byte[] signature = Base64.getUrlDecoder().decode(code.substring(dot + 1));
        Signature verification = Signature.getInstance(algorithm);
        return new Way(code, () -> {
            try {
                verification.initVerify(key);
                verification.update(signed);
                return verification.verify(signature);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** The same header (algorithm named {@code alg}) and claims, signed with another algorithm. */
    static String resigned(String code, String alg, String algorithm, PrivateKey key) throws GeneralSecurityException {
        String[] parts = code.split("\\.");
        String header = new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8)
                .replace("\"ES256\"", "\"" + alg + "\"");
        String input = Base64.getUrlEncoder().withoutPadding().encodeToString(header.getBytes(StandardCharsets.UTF_8))
                + "." + parts[1];
        Signature signing = Signature.getInstance(algorithm);
        signing.initSign(key);
        signing.update(input.getBytes(StandardCharsets.US_ASCII));
        return input + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signing.sign());
    }

    /** The smallest QR symbol holding the code at error correction M, as the pass's image is drawn. */
    static QRCode qr(String code) throws WriterException {
        return Encoder.encode(code, ErrorCorrectionLevel.M);
    }

    static double median(List<double[]> rounds, int index) {
        return GatewayBenchmark.median(rounds.stream().map(r -> r[index]).toList());
    }
}
