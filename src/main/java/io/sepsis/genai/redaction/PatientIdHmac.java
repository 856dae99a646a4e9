package io.sepsis.genai.redaction;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Plain-Java core of {@link PatientIdHasher}: HMAC-SHA256(key, patient id) as lower-case hex, truncated to
 * {@value #HEX_CHARS} characters (64 bits: collisions are negligible at the scale of one hospital's census, and the
 * id cannot be recovered or brute-forced from it without the key). Thread-safe.
 */
public final class PatientIdHmac {
    public static final int HEX_CHARS = 16;
    private static final String ALGORITHM = "HmacSHA256";
    private static final HexFormat HEX = HexFormat.of();

    private final SecretKeySpec key;
    private final Mac prototype;

    /** @param key the secret; at least one byte */
    public PatientIdHmac(byte[] key) {
        if (key == null || key.length == 0) {
            throw new IllegalArgumentException("HMAC key must not be empty");
        }
        this.key = new SecretKeySpec(key, ALGORITHM);
        this.prototype = newMac();
    }

    /** A key from a configured string (UTF-8 bytes). */
    public static PatientIdHmac ofKey(String key) {
        return new PatientIdHmac(key.getBytes(StandardCharsets.UTF_8));
    }

    /** A fresh random 256-bit key: hashes are stable within this process only. */
    public static PatientIdHmac withRandomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return new PatientIdHmac(key);
    }

    /** The truncated hex digest of {@code patientId}; {@code null} for {@code null}. */
    public String hash(String patientId) {
        if (patientId == null) {
            return null;
        }
        byte[] digest = mac().doFinal(patientId.getBytes(StandardCharsets.UTF_8));
        return HEX.formatHex(digest, 0, HEX_CHARS / 2);
    }

    /** Mac instances are not thread-safe: use a clone of the keyed prototype (cheap), else a new keyed instance. */
    private Mac mac() {
        try {
            return (Mac) prototype.clone();
        } catch (CloneNotSupportedException e) {
            return newMac();
        }
    }

    private Mac newMac() {
        try {
            Mac m = Mac.getInstance(ALGORITHM);
            m.init(key);
            return m;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e); // every Java 17 runtime has it
        }
    }
}
