package io.sepsis.genai.redaction;

import io.quarkus.runtime.Startup;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.util.Optional;

/**
 * The service's patient-id pseudonymiser: logs, metrics and anything sent outside carry {@link #hash(String)} of
 * {@code patient_id}, never the id (API contract: HMAC-SHA256 with {@code PATIENT_ID_HASH_KEY}, truncated).
 *
 * <p>Key: {@code patient-id.hash-key} ({@code PATIENT_ID_HASH_KEY}). Without it a random key is drawn at start and
 * one warning is logged: hashes then differ after every restart, so logs of two runs cannot be joined on them.
 * Created at start ({@link Startup}) so that warning appears when the service starts, not at the first request.
 */
@Singleton
@Startup
public class PatientIdHasher {
    static final int RECOMMENDED_KEY_CHARS = 32;
    private static final Logger LOG = Logger.getLogger(PatientIdHasher.class);

    private final PatientIdHmac hmac;
    private final boolean configured;

    @Inject
    public PatientIdHasher(@ConfigProperty(name = "patient-id.hash-key") Optional<String> key) {
        Optional<String> k = key.filter(s -> !s.isBlank());
        this.configured = k.isPresent();
        if (configured) {
            hmac = PatientIdHmac.ofKey(k.get());
            if (k.get().length() < RECOMMENDED_KEY_CHARS) {
                LOG.warnf("PATIENT_ID_HASH_KEY is shorter than %d characters; use a long random secret",
                        RECOMMENDED_KEY_CHARS);
            }
        } else {
            hmac = PatientIdHmac.withRandomKey();
            LOG.warn("PATIENT_ID_HASH_KEY is not set: patient ids are hashed with a random per-process key, so "
                    + "hashes in logs change at every restart. Set it to a long random secret in production.");
        }
    }

    /** HMAC-SHA256 of the id, 16 hex characters; {@code null} for {@code null}. */
    public String hash(String patientId) {
        return hmac.hash(patientId);
    }

    /** False when running on a random per-process key. */
    public boolean keyConfigured() {
        return configured;
    }
}
