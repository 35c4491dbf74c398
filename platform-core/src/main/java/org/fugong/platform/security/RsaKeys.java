package org.fugong.platform.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * RSA key pairs for the internal JWT, in the one format everything here reads and writes: PEM,
 * PKCS#8 for a private key, X.509 SubjectPublicKeyInfo for a public one. The gateway reads its
 * signing key with it, the run command keeps its own, tests make throw-away ones.
 */
public final class RsaKeys {

    private RsaKeys() {
    }

    /** A fresh 2048-bit key pair. */
    public static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads a PKCS#8 PEM private key; the public key is derived from it. */
    public static KeyPair readPrivatePem(Path file) {
        try {
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            RSAPrivateCrtKey privateKey = (RSAPrivateCrtKey) rsa.generatePrivate(new PKCS8EncodedKeySpec(der(file)));
            PublicKey publicKey = rsa.generatePublic(new RSAPublicKeySpec(privateKey.getModulus(),
                    privateKey.getPublicExponent()));
            return new KeyPair(publicKey, privateKey);
        } catch (IOException | GeneralSecurityException | ClassCastException e) {
            throw new IllegalStateException("Cannot read an RSA private key (PKCS#8 PEM) from " + file, e);
        }
    }

    /** Reads an X.509 (SubjectPublicKeyInfo) PEM public key. */
    public static PublicKey readPublicPem(Path file) {
        try {
            return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der(file)));
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("Cannot read an RSA public key (PEM) from " + file, e);
        }
    }

    /** Writes the private key as PKCS#8 PEM and the public one as X.509 PEM (any algorithm's keys: the format is the same). */
    public static void writePem(KeyPair keys, Path privateFile, Path publicFile) {
        try {
            write(privateFile, "PRIVATE KEY", keys.getPrivate().getEncoded());
            write(publicFile, "PUBLIC KEY", keys.getPublic().getEncoded());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The public key as base64 DER, the text {@code mp.jwt.verify.publickey} accepts. */
    public static String publicKeyBase64(KeyPair keys) {
        return Base64.getEncoder().encodeToString(keys.getPublic().getEncoded());
    }

    private static byte[] der(Path file) throws IOException {
        String pem = Files.readString(file, StandardCharsets.US_ASCII);
        return Base64.getDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", ""));
    }

    private static void write(Path file, String label, byte[] der) throws IOException {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        Files.writeString(file, "-----BEGIN " + label + "-----\n" + body + "\n-----END " + label + "-----\n",
                StandardCharsets.US_ASCII);
    }
}
